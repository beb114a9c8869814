package io.scst.manager.sysfs.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.Errno;

/**
 * A vdisk device ({@code devices/<name>/}): its state, registration, exports and the
 * changes its attribute writes make. The grammar is {@link DeviceParameters}, the files
 * {@link DeviceFiles}, the backing file {@link BackingFile}. Over 400 lines because about
 * 150 are its state, one field per scst_vdisk setting.
 */
final class SimDevice {

	static final long NULLIO_DEFAULT_SIZE = 5L * 1024 * 1024 * 1024 * 1024 / 2;

	private static final int NAME_MAX = 64;

	/**
	 * The write-only attribute scst_vdisk adds to a device whose thin provisioning is in
	 * effect ({@code vdisk_check_tp_support()}).
	 */
	static final String GEN_TP_UA = "gen_tp_soft_threshold_reached_UA";

	final ScstSimulator sim;

	final SimHandler handler;

	final String name;

	Node.@Nullable Dir dir;

	Node.@Nullable Dir exported;

	/** Next {@code export<N>} number; never decreases. */
	int exportCounter;

	/** The session LUNs (tgt_devs) using this device, oldest first. */
	final List<SimSession.TgtDev> tgtDevs = new ArrayList<>();

	/** Every LUN (copy manager included) that maps this device. */
	final List<SimLunSet.Lun> luns = new ArrayList<>();

	// creation parameters
	boolean readOnly;

	boolean writeThrough;

	boolean nvCache;

	boolean oDirect;

	boolean removable;

	boolean rotational = true;

	boolean thinProvisioned;

	boolean thinProvisionedSet;

	boolean async;

	boolean dummy;

	boolean readZero;

	boolean active = true;

	/**
	 * The backing file could not be examined at creation because the device was inactive;
	 * activation examines it ({@code reexam_pending}).
	 */
	boolean reexamPending;

	boolean bindAluaState = true;

	boolean explAlua;

	int tst = 1;

	int blockShift = 9;

	long size;

	@Nullable String filename;

	int numaNode = -1;

	int lbPerPbExp = 1;

	int clusterMode;

	int difMode;

	long difType;

	// settable attributes
	long optTransLen = 524288;

	boolean optTransLenSet;

	int maxTgtDevCommands = 64;

	int threadsNum;

	boolean sharedPool;

	int @Nullable [] sharedPoolPids;

	int blocked;

	@Nullable String prFileName;

	String t10VendId;

	boolean t10VendIdSet;

	String vendSpecificId;

	boolean vendSpecificIdSet;

	String prodId;

	boolean prodIdSet;

	String prodRevLvl = "3110";

	boolean prodRevLvlSet;

	String scsiDeviceName = "";

	String t10DevId;

	boolean t10DevIdSet;

	String usn;

	boolean usnSet;

	byte[] naaId = new byte[0];

	byte[] eui64Id = new byte[0];

	String inqVendSpecific = "";

	private SimDevice(SimHandler handler, String name) {
		this.sim = handler.sim;
		this.handler = handler;
		this.name = name;
		this.threadsNum = handler.kind.threads;
		this.t10VendId = handler.kind.vendor;
		long num = (this.sim.rootFiles.setupId << 32) | Crc32c.raw(name);
		String devId = Long.toHexString(num) + "-" + name;
		this.t10DevId = truncate(devId, 25);
		this.vendSpecificId = this.t10DevId;
		this.usn = truncate(Long.toHexString(num), 20);
		this.prodId = truncate(name, 16);
		if (handler.kind == SimHandler.Kind.FILEIO) {
			this.bindAluaState = false;
		}
		if (handler.kind == SimHandler.Kind.NULLIO) {
			this.size = NULLIO_DEFAULT_SIZE;
		}
		if (handler.kind == SimHandler.Kind.CDROM) {
			// __vcdrom_add_device() sets rd_only, so every LUN of it is read-only
			this.readOnly = true;
		}
	}

	private static String truncate(String text, int max) {
		return (text.length() > max) ? text.substring(0, max) : text;
	}

	/** {@code add_device}: parse, check, register and attach, or change nothing. */
	static void create(SimHandler handler, String name, String params) {
		ScstSimulator sim = handler.sim;
		if (sim.devices.containsKey(name)) {
			throw new SimErrno(Errno.EEXIST);
		}
		if (name.length() > NAME_MAX) {
			throw new SimErrno(Errno.EINVAL);
		}
		SimDevice device = new SimDevice(handler, name);
		for (SimDevice other : sim.devices.values()) {
			if (other.usn.equals(device.usn)) {
				throw new SimErrno(Errno.EEXIST);
			}
		}
		DeviceParameters.parse(device, params);
		DeviceParameters.check(device);
		SimHandler.Kind kind = handler.kind;
		if (device.filename != null && device.active) {
			device.size = BackingFile.size(device.filename, kind);
		}
		else if (kind != SimHandler.Kind.NULLIO && !device.active) {
			device.size = 0;
		}
		device.register();
	}

	void setT10DevId(String data) {
		int max = 26;
		if (data.length() > max || (data.length() == max && data.charAt(max - 1) != '\n')) {
			throw new SimErrno(Errno.EINVAL);
		}
		this.t10DevId = DeviceParameters.cString(Attr.firstLine(data));
		this.t10DevIdSet = true;
	}

	private void register() {
		Node.Dir devDir = this.sim.devicesDir.dir(this.name);
		this.dir = devDir;
		this.exported = devDir.dir("exported");
		new DeviceFiles(this).build(devDir);
		if (this.active) {
			checkThinProvisioning();
		}
		else if (this.handler.kind != SimHandler.Kind.NULLIO) {
			this.reexamPending = true;
		}
		devDir.add(new Node.Link("handler", () -> this.handler.dir.pathFromSys()));
		this.handler.dir.add(new Node.Link(this.name, devDir::pathFromSys));
		this.sim.devices.put(this.name, this);
		SimTarget cm = this.sim.copyManager;
		cm.defaultSet.add(this, this.sim.nextCopyManagerLun(), false);
		cm.copyManagerInquiry();
	}

	/** {@code del_device}: every LUN using the device goes first, then the device. */
	void unregister() {
		for (SimLunSet.Lun lun : List.copyOf(this.luns)) {
			lun.set.remove(lun.number);
		}
		this.handler.dir.remove(this.name);
		this.sim.devicesDir.remove(this.name);
		this.sim.devices.remove(this.name);
		this.dir = null;
	}

	/** Add an {@code export<N>} link to a LUN directory. */
	String export(Node.Dir lunDir) {
		String link = ("export" + this.exportCounter++).intern();
		this.exported.add(new Node.Link(link, lunDir::pathFromSys));
		return link;
	}

	void unexport(String link) {
		if (this.exported != null) {
			this.exported.remove(link);
		}
	}

	/**
	 * {@code vdisk_check_tp_support()} as far as fileio goes: a writable, active backing
	 * file supports thin provisioning (regular files and block devices both have
	 * {@code fallocate}). A {@code thin_provisioned=1} that cannot be honoured is turned
	 * off (the attribute keeps its key marker); one that is honoured brings the
	 * write-only {@code gen_tp_soft_threshold_reached_UA}, which stays for the device's
	 * life.
	 */
	void checkThinProvisioning() {
		SimHandler.Kind kind = this.handler.kind;
		if (kind != SimHandler.Kind.FILEIO && kind != SimHandler.Kind.BLOCKIO) {
			return;
		}
		boolean supported = !this.readOnly && this.filename != null && this.active && (kind == SimHandler.Kind.FILEIO
				|| BackingFile.discardSupported(BackingFile.SYS_BLOCK, this.filename));
		// vdisk_check_tp_support(): a vdisk_blockio device without thin_provisioned given
		// at creation is thin provisioned exactly when its block device supports discard
		if (kind == SimHandler.Kind.BLOCKIO && !this.thinProvisionedSet) {
			this.thinProvisioned = supported;
		}
		if (this.thinProvisionedSet && this.thinProvisioned && !supported) {
			this.thinProvisioned = false;
		}
		if (this.thinProvisioned && this.dir != null && this.dir.get(GEN_TP_UA) == null) {
			this.dir.add(Attr.wo(GEN_TP_UA, (data) -> {
				// queues a THIN PROVISIONING SOFT THRESHOLD REACHED unit attention on
				// every session LUN; EINVAL once thin provisioning is off
				if (!this.thinProvisioned) {
					throw new SimErrno(Errno.EINVAL);
				}
			}, Node.Queue.DIRECT));
		}
	}

	/**
	 * An identity attribute changed: {@code vdev_inq_changed_fn()} ends in
	 * {@code scst_cm_update_dev()}, which has the copy manager read the device's
	 * identification page again if the device still has a copy-manager LUN.
	 */
	void inquiryDataChanged() {
		for (SimLunSet.Lun lun : this.luns) {
			if (lun.set.target.isCopyManager()) {
				this.sim.copyManager.copyManagerInquiry();
				return;
			}
		}
	}

	/**
	 * {@code scst_stop_dev_threads()} and {@code scst_create_dev_threads()} after a
	 * {@code threads_num} or {@code threads_pool_type} change: every session LUN gets new
	 * threads, in the order of the device's session LUN list, and a per-initiator pool's
	 * {@code thread_index} becomes the LUN's current position in that list.
	 */
	void restartThreads() {
		this.sharedPoolPids = null;
		for (int i = 0; i < this.tgtDevs.size(); i++) {
			this.tgtDevs.get(i).setUpThreads(i);
		}
		if (this.threadsNum > 0 && this.sharedPool) {
			sharedPids();
		}
	}

	/** The threads of the device's shared pool, created on first use. */
	int[] sharedPids() {
		if (this.sharedPoolPids == null) {
			this.sharedPoolPids = this.sim.newPids(this.threadsNum);
		}
		return this.sharedPoolPids;
	}

	boolean isCdrom() {
		return this.handler.kind == SimHandler.Kind.CDROM;
	}

	void writeBlock(String data) {
		MgmtLine line = new MgmtLine(data);
		String first = line.lexeme();
		switch (first) {
			case "0" -> this.blocked = Math.max(0, this.blocked - 1);
			case "1" -> {
				String second = line.lexeme();
				if (!second.isEmpty() && !second.equals("1")) {
					throw new SimErrno(Errno.EINVAL);
				}
				this.blocked++;
			}
			default -> throw new SimErrno(Errno.EINVAL);
		}
	}

	void writeActive(String data) {
		long value = KernelNumbers.parseLong(data);
		if (value != 0 && value != 1) {
			throw new SimErrno(Errno.EINVAL);
		}
		boolean activate = value == 1;
		if (activate == this.active) {
			return;
		}
		if (activate && this.filename != null) {
			this.size = BackingFile.size(this.filename, this.handler.kind);
		}
		this.active = activate;
		if (activate && this.reexamPending) {
			this.reexamPending = false;
			checkThinProvisioning();
		}
	}

	void writeFilename(String data) {
		if (this.active) {
			throw new SimErrno(Errno.EINVAL);
		}
		int start = 0;
		while (start < data.length() && MgmtLine.isSpace(data.charAt(start))) {
			start++;
		}
		int end = data.length();
		while (end > start && MgmtLine.isSpace(data.charAt(end - 1))) {
			end--;
		}
		String trimmed = data.substring(start, end);
		if (trimmed.isEmpty() || !trimmed.startsWith("/")) {
			throw new SimErrno(Errno.EINVAL);
		}
		this.filename = trimmed;
	}

	void changeMedium(String data) {
		String text = data.strip();
		if (text.isEmpty()) {
			this.filename = null;
			this.size = 0;
			return;
		}
		if (!text.startsWith("/")) {
			throw new SimErrno(Errno.EINVAL);
		}
		this.size = BackingFile.size(text);
		this.filename = text;
	}

	void resync() {
		if (!this.active || this.filename == null) {
			throw new SimErrno(Errno.EMEDIUMTYPE);
		}
		this.size = BackingFile.size(this.filename);
	}

	void writeSize(String data, int shift) {
		String text = data.strip();
		int i = 0;
		boolean negative = false;
		if (i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
			negative = text.charAt(i) == '-';
			i++;
		}
		int digitsStart = i;
		while (i < text.length() && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
			i++;
		}
		if (i == digitsStart) {
			throw new SimErrno(Errno.EINVAL);
		}
		java.math.BigInteger parsed = new java.math.BigInteger(text.substring(digitsStart, i));
		if (negative) {
			parsed = java.math.BigInteger.ONE.shiftLeft(64).subtract(parsed);
		}
		if (parsed.bitLength() > 64 - shift) {
			throw new SimErrno(Errno.EINVAL);
		}
		long newSize = parsed.longValue() << shift;
		if ((newSize & ((1L << this.blockShift) - 1)) != 0) {
			throw new SimErrno(Errno.EINVAL);
		}
		this.size = newSize;
	}

}
