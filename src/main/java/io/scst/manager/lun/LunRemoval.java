package io.scst.manager.lun;

import java.util.List;

import io.scst.manager.session.SessionDeviceChanges;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to removing one LUN or clearing a LUN set.
 *
 * @param removed the LUN numbers that were removed
 * @param sessions for each session with a SCSI host (scst_local) that uses the LUN set,
 * the Linux devices that went (and any that appeared)
 */
@Schema(description = "LUNs removed, with the Linux SCSI devices that went from the scst_local sessions that "
		+ "used them")
public record LunRemoval(@Schema(description = "The LUN numbers removed, ascending") List<Integer> removed,
		@Schema(description = "scst_local: for each session with a SCSI host that uses the LUN set, the Linux "
				+ "devices that went (empty for other drivers)") List<SessionDeviceChanges> sessions) {

}
