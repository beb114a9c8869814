package io.scst.manager.device;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A device in a listing.
 *
 * @param name the device name
 * @param handler its handler, or {@code null} for a pass-through device that no handler
 * has taken
 * @param size its size in bytes, or {@code null} when the device has no {@code size}
 * attribute
 * @param exported whether any target or initiator group has it as a LUN (the copy
 * manager's automatic LUN does not count)
 */
@Schema(description = "A device in a listing")
public record DeviceSummary(@Schema(description = "The device name", example = "vm_disk1") String name,
		@Schema(description = "The device's handler", example = "vdisk_fileio") @Nullable String handler,
		@Schema(description = "The size in bytes, when the device has one", example = "1073741824") @Nullable Long size,
		@Schema(description = "Whether a target or initiator group has the device as a LUN",
				example = "true") boolean exported) {

}
