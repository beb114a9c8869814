package io.scst.manager.export;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Make a device visible to an initiator at a LUN.
 *
 * @param device the device
 * @param driver the target driver
 * @param target the target
 * @param initiator the initiator name (or an SCST pattern)
 * @param group the initiator group to use or create; {@code null} for the default: the
 * initiator name with {@code *}, {@code ?} and {@code !} replaced by {@code _}
 * @param lun the LUN number in the group (0 to 16383)
 * @param readOnly whether the LUN is read-only ({@code false} when absent)
 */
@Schema(description = "Export a device to an initiator: group, initiator entry and LUN in one request")
public record ExportRequest(@Schema(description = "Device name", example = "vm_disk1") String device,
		@Schema(description = "Target driver", example = "scst_local") String driver,
		@Schema(description = "Target", example = "scst_local_tgt") String target,
		@Schema(description = "Initiator name or SCST pattern",
				example = "iqn.1994-05.com.redhat:host1") String initiator,
		@Schema(description = "Initiator group to use or create; default: the initiator name with *, ? and ! "
				+ "replaced by _", example = "host1") @Nullable String group,
		@Schema(description = "LUN number in the group", example = "0") @Nullable Long lun,
		@Schema(description = "Map read-only (default false)", example = "false") @Nullable Boolean readOnly) {

}
