package io.scst.manager.lun;

import java.util.List;

import io.scst.manager.session.SessionDeviceChanges;

/**
 * What an idempotent put of a LUN did.
 *
 * @param lun the LUN as it is now
 * @param outcome what was written
 * @param sessions what the change did on the Linux side of each session with a SCSI host
 * that uses the LUN set
 */
public record LunChange(Lun lun, Outcome outcome, List<SessionDeviceChanges> sessions) {

	/** Whether the LUN did not exist before. */
	public boolean created() {
		return this.outcome == Outcome.ADDED;
	}

	/** The answer to the client: the LUN with the Linux devices that appeared or went. */
	public MappedLun answer() {
		return new MappedLun(this.lun.lun(), this.lun.device(), this.lun.readOnly(), this.sessions);
	}

	/** What a put did. */
	public enum Outcome {

		/** The LUN already mapped this device with this flag: nothing was written. */
		UNCHANGED,
		/** The LUN was absent and was added. */
		ADDED,
		/** The LUN mapped another device or flag and was replaced. */
		REPLACED

	}

}
