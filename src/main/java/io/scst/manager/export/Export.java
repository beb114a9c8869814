package io.scst.manager.export;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A device exported to an initiator, and what the request did to get there.
 *
 * @param driver the target driver
 * @param target the target
 * @param group the initiator group
 * @param initiator the initiator entry
 * @param lun the LUN number in the group
 * @param device the device mapped there
 * @param readOnly whether the LUN is read-only
 * @param created the steps this request performed, in order: {@code create-group},
 * {@code add-initiator}, {@code add-lun} or {@code replace-lun}; empty when everything
 * was in place
 */
@Schema(description = "An export of a device to an initiator and the steps the request performed")
public record Export(@Schema(example = "scst_local") String driver, @Schema(example = "scst_local_tgt") String target,
		@Schema(example = "host1") String group, @Schema(example = "iqn.1994-05.com.redhat:host1") String initiator,
		@Schema(example = "0") int lun, @Schema(example = "vm_disk1") String device,
		@Schema(example = "false") boolean readOnly,
		@Schema(description = "Steps performed: create-group, add-initiator, add-lun, replace-lun",
				example = "[\"create-group\", \"add-initiator\", \"add-lun\"]") List<String> created) {

	public Export {
		created = List.copyOf(created);
	}

	/** Whether the request changed anything. */
	public boolean changed() {
		return !this.created.isEmpty();
	}

}
