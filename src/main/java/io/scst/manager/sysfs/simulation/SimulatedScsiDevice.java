package io.scst.manager.sysfs.simulation;

/**
 * A Linux SCSI device that a simulated scst_local session brought up, frozen at scan time
 * as the kernel keeps it (the columns of {@code lsscsi -g}).
 *
 * @param host the SCSI host number (the session's {@code host_no})
 * @param lun the LUN
 * @param type {@code disk} or {@code cd/dvd}
 * @param vendor the INQUIRY vendor at scan time
 * @param model the INQUIRY product at scan time
 * @param revision the INQUIRY revision at scan time
 * @param blockDevice {@code /dev/sdX} or {@code /dev/srN}
 * @param genericDevice {@code /dev/sgN}
 */
public record SimulatedScsiDevice(int host, int lun, String type, String vendor, String model, String revision,
		String blockDevice, String genericDevice) {

	/** The address {@code H:0:0:L}. */
	public String address() {
		return this.host + ":0:0:" + this.lun;
	}

}
