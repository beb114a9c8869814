package io.scst.manager.lun;

/**
 * What an idempotent put of a LUN did.
 *
 * @param lun the LUN as it is now
 * @param outcome what was written
 */
public record LunChange(Lun lun, Outcome outcome) {

	/** Whether the LUN did not exist before. */
	public boolean created() {
		return this.outcome == Outcome.ADDED;
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
