package io.scst.manager.session;

import io.scst.manager.sysfs.LinuxScsiDevice;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A LUN the session sees.
 *
 * @param lun the LUN number
 * @param device the SCST device behind it, or {@code null} when it went away while
 * reading
 * @param linux scst_local: the Linux SCSI device ({@code H:0:0:L}) the session's host
 * brought up for it, or {@code null} when there is none
 * @param attached scst_local: whether the Linux SCSI midlayer attached the LUN (a new
 * session's answer waits for the scan, so {@code false} there means it did not within the
 * management timeout); {@code null} for sessions without a Linux SCSI host
 */
@Schema(description = "A LUN the session sees, with the Linux device behind it (scst_local)")
public record SessionLun(@Schema(example = "0") int lun, @Schema(example = "vm_disk1") @Nullable String device,
		@Nullable LinuxScsiDevice linux,
		@Schema(description = "scst_local: whether the Linux SCSI midlayer attached the LUN; null without a SCSI host",
				example = "true") @Nullable Boolean attached) {

}
