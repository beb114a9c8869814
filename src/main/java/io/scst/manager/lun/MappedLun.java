package io.scst.manager.lun;

import java.util.List;

import io.scst.manager.session.SessionDeviceChanges;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a put of a LUN: the LUN as it is now and, for each scst_local session
 * that uses the LUN set, the Linux devices that appeared or went, read once the SCSI
 * midlayer caught up.
 *
 * @param lun the LUN number
 * @param device the device mapped at it
 * @param readOnly whether initiators see it read-only
 * @param sessions the Linux side of each session with a SCSI host that uses the LUN set
 */
@Schema(description = "A LUN as mapped now, with the Linux SCSI devices that appeared on or went from the "
		+ "scst_local sessions that use its LUN set")
public record MappedLun(@Schema(description = "LUN number", example = "0") int lun,
		@Schema(description = "The device mapped at this LUN", example = "vm_disk1") String device,
		@Schema(description = "Whether the LUN (or its device) is read-only", example = "false") boolean readOnly,
		@Schema(description = "scst_local: for each session with a SCSI host that uses the LUN set, the Linux "
				+ "devices that appeared or went (empty for other drivers)") List<SessionDeviceChanges> sessions) {

}
