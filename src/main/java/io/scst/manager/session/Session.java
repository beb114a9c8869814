package io.scst.manager.session;

import java.util.List;
import java.util.Map;

import io.scst.manager.sysfs.LinuxScsiDevice;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A session as read now.
 *
 * @param name the session directory name
 * @param initiatorName the initiator name
 * @param driver the target driver
 * @param target the target
 * @param group the initiator group whose LUN set the session uses, or {@code null} for
 * the target's own LUN set
 * @param counters the counters of spec section 10.2 that the session has
 * ({@code commands}, {@code active_commands}, {@code read_cmd_count},
 * {@code read_io_count_kb}, ...)
 * @param transportId scst_local: the TransportID, or {@code null} when the session has
 * none
 * @param host scst_local: the Linux SCSI host number, or {@code null}
 * @param luns the LUNs the session sees, by number
 * @param scsiDevices scst_local: every Linux SCSI device of the session's host (as
 * {@code lsscsi -g} lists them; they stay after their LUN is removed)
 */
@Schema(description = "A session with its counters, TransportID, LUNs and Linux SCSI devices")
public record Session(@Schema(example = "scst_local_host") String name,
		@Schema(example = "scst_local_host") String initiatorName, @Schema(example = "scst_local") String driver,
		@Schema(example = "scst_local_tgt") String target, @Nullable String group, Map<String, Long> counters,
		@Nullable TransportId transportId, @Schema(example = "0") @Nullable Integer host, List<SessionLun> luns,
		List<LinuxScsiDevice> scsiDevices) {

}
