package io.scst.manager.target;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A new target.
 *
 * @param name the target name
 * @param sessions scst_local: sessions to create with it (initiator names, in order)
 * @param parameters further {@code add_target} parameters, only those the driver's help
 * text lists
 */
@Schema(description = "A target to create")
public record CreateTargetRequest(@Schema(example = "local_tgt1") @Nullable String name,
		@Schema(example = "[\"host1\"]") @Nullable List<String> sessions, @Nullable Map<String, String> parameters) {

}
