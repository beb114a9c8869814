package io.scst.manager.device;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A device handler in a listing.
 *
 * @param name the handler name
 * @param type the SCSI device type it serves
 * @param devices the names of its devices, sorted
 */
@Schema(description = "A device handler in a listing")
public record HandlerSummary(@Schema(description = "The handler name", example = "vdisk_fileio") String name,
		ScsiType type, @Schema(description = "The devices of this handler, sorted by name",
				example = "[\"vm_disk1\"]") List<String> devices) {

	public HandlerSummary {
		devices = List.copyOf(devices);
	}

}
