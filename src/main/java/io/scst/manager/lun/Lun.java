package io.scst.manager.lun;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One LUN of a LUN set (a target's default set or an initiator group's).
 *
 * @param lun the LUN number, 0 to 16383
 * @param device the device mapped at it
 * @param readOnly whether initiators see it read-only (the LUN's flag or the device's)
 */
@Schema(description = "A LUN: a device mapped at a number of a LUN set")
public record Lun(@Schema(description = "LUN number", example = "0") int lun,
		@Schema(description = "The device mapped at this LUN", example = "vm_disk1") String device,
		@Schema(description = "Whether the LUN (or its device) is read-only", example = "false") boolean readOnly) {

}
