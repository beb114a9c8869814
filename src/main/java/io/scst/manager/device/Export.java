package io.scst.manager.device;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One LUN through which a device is exported.
 *
 * @param driver the target driver, e.g. {@code scst_local}
 * @param target the target (its directory name)
 * @param group the initiator group whose LUN set holds the LUN, or {@code null} for the
 * target's own LUN set
 * @param lun the LUN number
 */
@Schema(name = "DeviceExport", description = "A LUN through which a device is exported")
public record Export(@Schema(description = "The target driver", example = "scst_local") String driver,
		@Schema(description = "The target", example = "scst_local_tgt") String target,
		@Schema(description = "The initiator group, or null for the target's own LUNs",
				example = "null") @Nullable String group,
		@Schema(description = "The LUN number", example = "0") int lun) {

}
