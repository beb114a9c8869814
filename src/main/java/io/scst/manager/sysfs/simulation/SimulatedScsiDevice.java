package io.scst.manager.sysfs.simulation;

/**
 * A Linux SCSI device that a simulated scst_local session brought up, frozen at scan time
 * as the kernel keeps it (the columns of {@code lsscsi -g}). Keeps the numbers of its
 * device nodes rather than their names: a large state has one per session LUN.
 */
public final class SimulatedScsiDevice {

	private final int host;

	private final int lun;

	private final boolean cdrom;

	private final String vendor;

	private final String model;

	private final String revision;

	/** {@code sd} index (a = 0) or {@code sr} number. */
	private final int block;

	private final int generic;

	SimulatedScsiDevice(int host, int lun, boolean cdrom, String vendor, String model, String revision, int block,
			int generic) {
		this.host = host;
		this.lun = lun;
		this.cdrom = cdrom;
		this.vendor = vendor;
		this.model = model;
		this.revision = revision;
		this.block = block;
		this.generic = generic;
	}

	/** The SCSI host number (the session's {@code host_no}). */
	public int host() {
		return this.host;
	}

	/** The LUN. */
	public int lun() {
		return this.lun;
	}

	/** {@code disk} or {@code cd/dvd}. */
	public String type() {
		return this.cdrom ? "cd/dvd" : "disk";
	}

	/** The INQUIRY vendor at scan time. */
	public String vendor() {
		return this.vendor;
	}

	/** The INQUIRY product at scan time. */
	public String model() {
		return this.model;
	}

	/** The INQUIRY revision at scan time. */
	public String revision() {
		return this.revision;
	}

	/** {@code /dev/sdX} or {@code /dev/srN}. */
	public String blockDevice() {
		return this.cdrom ? "/dev/sr" + this.block : "/dev/sd" + ScsiHosts.diskSuffix(this.block);
	}

	/** {@code /dev/sgN}. */
	public String genericDevice() {
		return "/dev/sg" + this.generic;
	}

	/** The address {@code H:0:0:L}. */
	public String address() {
		return this.host + ":0:0:" + this.lun;
	}

	boolean cdrom() {
		return this.cdrom;
	}

	int blockNumber() {
		return this.block;
	}

	int genericNumber() {
		return this.generic;
	}

	@Override
	public String toString() {
		return "[" + address() + "] " + type() + " " + this.vendor + " " + this.model + " " + this.revision + " "
				+ blockDevice() + " " + genericDevice();
	}

}
