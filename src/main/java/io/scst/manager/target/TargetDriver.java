package io.scst.manager.target;

import java.util.List;
import java.util.Map;

import io.scst.manager.sysfs.AttributeValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A target driver as read now.
 *
 * @param name the driver
 * @param version the first line of its {@code version} file, or {@code null}
 * @param attributes its attribute files (without {@code mgmt}) by name
 * @param targets its target names, sorted
 * @param capabilities what its management file offers
 * @param stats its {@code stats} file, or {@code null} when it has none
 * @param moduleParameters the parameters of the kernel module of the same name
 * ({@code /sys/module/<driver>/parameters/}), or {@code null} when no such module is
 * known
 */
@Schema(description = "A target driver with its attributes, targets and capabilities")
public record TargetDriver(@Schema(example = "scst_local") String name, @Nullable String version,
		Map<String, AttributeValue> attributes, List<String> targets, DriverCapabilities capabilities,
		@Nullable DriverStats stats,
		@Schema(example = "{\"add_default_tgt\": \"Y\"}") @Nullable Map<String, String> moduleParameters) {

}
