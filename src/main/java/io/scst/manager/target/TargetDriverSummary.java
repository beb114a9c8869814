package io.scst.manager.target;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A target driver in the list.
 *
 * @param name the driver, e.g. {@code scst_local}
 * @param version the first line of its {@code version} file, or {@code null} when it has
 * none
 * @param targetCount how many targets it has
 */
@Schema(description = "A target driver")
public record TargetDriverSummary(@Schema(example = "scst_local") String name,
		@Schema(example = "3.11.0-pre/20110901") @Nullable String version, int targetCount) {

}
