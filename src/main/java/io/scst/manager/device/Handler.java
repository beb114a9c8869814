package io.scst.manager.device;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A device handler: what it serves, which creation parameters it accepts and which
 * devices it has.
 *
 * @param name the handler name
 * @param type the SCSI device type it serves
 * @param parameters the {@code add_device} parameters the handler accepts, in the order
 * of its help text (read from the handler, not from a list of our own)
 * @param devices the names of its devices, sorted
 */
@Schema(description = "A device handler")
public record Handler(@Schema(description = "The handler name", example = "vdisk_fileio") String name, ScsiType type,
		@Schema(description = "The device creation parameters this handler accepts, as its management help lists them",
				example = "[\"active\", \"blocksize\", \"filename\", \"read_only\"]") List<String> parameters,
		@Schema(description = "The devices of this handler, sorted by name",
				example = "[\"vm_disk1\"]") List<String> devices) {

	public Handler {
		parameters = List.copyOf(parameters);
		devices = List.copyOf(devices);
	}

}
