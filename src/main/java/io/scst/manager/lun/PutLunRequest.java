package io.scst.manager.lun;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What to map at a LUN.
 *
 * @param device the device
 * @param readOnly whether the LUN is read-only ({@code false} when absent)
 */
@Schema(description = "The device to map at a LUN")
record PutLunRequest(@Schema(description = "Device name", example = "vm_disk1") String device,
		@Schema(description = "Map read-only (default false)", example = "false") @Nullable Boolean readOnly) {

	boolean readOnlyOrDefault() {
		return Boolean.TRUE.equals(this.readOnly);
	}

}
