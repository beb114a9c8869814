package io.scst.manager.target;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A target in its driver's list.
 *
 * @param name the target's name as SCST knows it ({@code /} where sysfs shows {@code !})
 * @param enabled whether it is enabled, or {@code null} when the driver has no
 * {@code enabled} switch (scst_local, copy_manager)
 * @param sessionCount how many sessions it has
 * @param lunCount how many LUNs its default LUN set has
 */
@Schema(description = "A target in the list")
public record TargetSummary(@Schema(example = "scst_local_tgt") String name, @Nullable Boolean enabled,
		int sessionCount, int lunCount) {

}
