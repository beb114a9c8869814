package io.scst.manager.session;

import java.util.List;

import io.scst.manager.sysfs.LinuxScsiDevice;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a LUN change did to the Linux side of one session with a SCSI host (scst_local),
 * read after the SCSI midlayer caught up (bounded by the management timeout).
 *
 * @param session the session directory name
 * @param host the session's Linux SCSI host number
 * @param appeared the Linux SCSI devices the change brought up
 * @param gone the Linux SCSI devices the change took away
 * @param notAttached LUNs the session sees that still have no Linux device (the midlayer
 * did not attach them within the management timeout)
 */
@Schema(description = "The Linux SCSI devices that appeared on and went from one scst_local session's host "
		+ "because of a LUN change, read once the SCSI midlayer caught up")
public record SessionDeviceChanges(@Schema(example = "scst_local_host") String session,
		@Schema(description = "The session's Linux SCSI host number", example = "3") int host,
		@Schema(description = "Devices the change brought up") List<LinuxScsiDevice> appeared,
		@Schema(description = "Devices the change took away") List<LinuxScsiDevice> gone,
		@Schema(description = "LUNs the session sees that have no Linux device: the SCSI midlayer did not attach "
				+ "them within the management timeout") List<Integer> notAttached) {

}
