package io.scst.manager.sysfs.simulation;

import java.io.FileInputStream;
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
import io.scst.manager.sysfs.ScstPath;

/** A vdisk device ({@code devices/<name>/}) with its attributes and exports. */
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
		long num = (this.sim.setupId << 32) | Crc32c.raw(name);
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
		device.parseParameters(params);
		SimHandler.Kind kind = handler.kind;
		if (kind == SimHandler.Kind.FILEIO && device.readOnly && (device.writeThrough || device.nvCache)) {
			throw new SimErrno(Errno.EINVAL);
		}
		if ((kind == SimHandler.Kind.FILEIO || kind == SimHandler.Kind.BLOCKIO) && device.filename == null) {
			throw new SimErrno(Errno.EINVAL);
		}
		if (name.indexOf('/') >= 0 || name.indexOf('.') >= 0) {
			throw new SimErrno(Errno.EINVAL);
		}
		if (handler.dir.get(name) != null) {
			throw new SimErrno(Errno.EEXIST);
		}
		if (kind == SimHandler.Kind.FILEIO && device.oDirect && !device.async) {
			throw new SimErrno(Errno.EINVAL);
		}
		if (device.difType != 0 && device.difMode == 0 || device.difType == 0 && device.difMode != 0
				|| device.difType > 3) {
			throw new SimErrno(Errno.EINVAL);
		}
		if (device.filename != null && device.active) {
			device.size = backingSize(device.filename, kind);
		}
		else if (kind != SimHandler.Kind.NULLIO && !device.active) {
			device.size = 0;
		}
		device.register();
	}

	private void parseParameters(String params) {
		List<String> allowed = this.handler.allowed();
		MgmtLine line = new MgmtLine(params);
		String token;
		while ((token = line.token()) != null) {
			MgmtLine words = MgmtLine.of(token);
			String param = words.lexeme();
			if (param.isEmpty()) {
				throw new SimErrno(Errno.EINVAL);
			}
			String key = param.toLowerCase(Locale.ROOT);
			if (allowed != null && !allowed.contains(key)) {
				throw new SimErrno(Errno.EINVAL);
			}
			String value = words.lexeme();
			if (value.isEmpty() || !words.lexeme().isEmpty()) {
				throw new SimErrno(Errno.EINVAL);
			}
			switch (key) {
				case "filename" -> {
					if (this.filename != null || !value.startsWith("/")) {
						throw new SimErrno(Errno.EINVAL);
					}
					this.filename = value;
					continue;
				}
				case "dif_filename" -> {
					if (!value.startsWith("/")) {
						throw new SimErrno(Errno.EINVAL);
					}
					continue;
				}
				case "dif_mode" -> {
					this.difMode |= parseDifMode(value);
					continue;
				}
				case "t10_dev_id" -> {
					setT10DevId(value);
					continue;
				}
				default -> {
				}
			}
			long signed = KernelNumbers.parseSigned64(value);
			if (key.equals("numa_node_id")) {
				if (signed < -1 || signed > Integer.MAX_VALUE) {
					throw new SimErrno(Errno.EINVAL);
				}
				this.numaNode = (int) signed;
				continue;
			}
			long number = KernelNumbers.parseUnsignedLong(value);
			boolean bit = (number & 1) != 0;
			switch (key) {
				case "write_through" -> this.writeThrough = bit;
				case "nv_cache" -> this.nvCache = bit;
				case "o_direct" -> this.oDirect = bit;
				case "read_only" -> this.readOnly = bit;
				case "dummy" -> {
					if (Long.compareUnsigned(number, 1) > 0) {
						throw new SimErrno(Errno.EINVAL);
					}
					this.dummy = bit;
				}
				case "removable" -> this.removable = bit;
				case "active" -> this.active = bit;
				case "bind_alua_state" -> this.bindAluaState = bit;
				case "rotational" -> this.rotational = bit;
				case "tst" -> {
					if (number != 0 && number != 1) {
						throw new SimErrno(Errno.EINVAL);
					}
					this.tst = (int) number;
				}
				case "thin_provisioned" -> {
					this.thinProvisioned = bit;
					this.thinProvisionedSet = true;
				}
				case "async" -> this.async = number != 0;
				case "size" -> this.size = number;
				case "size_mb" -> this.size = number * 1024 * 1024;
				case "cluster_mode" -> this.clusterMode = bit ? 1 : 0;
				case "blocksize" -> {
					int shift = blockShift(number);
					if (shift < 9) {
						throw new SimErrno(Errno.EINVAL);
					}
					this.blockShift = shift;
				}
				case "dif_type" -> this.difType = number;
				case "dif_static_app_tag" -> {
				}
				case "lb_per_pb_exp" -> this.lbPerPbExp = bit ? 1 : 0;
				default -> throw new SimErrno(Errno.EINVAL);
			}
		}
		if ((this.size & ((1L << this.blockShift) - 1)) != 0) {
			throw new SimErrno(Errno.EINVAL);
		}
	}

	/**
	 * {@code scst_calc_block_shift()}: 0 means 512, otherwise rounded down to a power of
	 * two.
	 */
	private static int blockShift(long blockSize) {
		if (blockSize == 0) {
			return 9;
		}
		return 63 - Long.numberOfLeadingZeros(blockSize);
	}

	private static int parseDifMode(String value) {
		int mode = 0;
		for (String part : value.split("\\|", -1)) {
			String word = part.strip();
			if (word.isEmpty()) {
				continue;
			}
			mode |= switch (word.toLowerCase(Locale.ROOT)) {
				case "tgt" -> 1;
				case "scst" -> 2;
				case "dev_check" -> 4;
				case "dev_store" -> 8;
				default -> throw new SimErrno(Errno.EINVAL);
			};
		}
		return mode;
	}

	private void setT10DevId(String data) {
		int max = 26;
		if (data.length() > max || (data.length() == max && data.charAt(max - 1) != '\n')) {
			throw new SimErrno(Errno.EINVAL);
		}
		this.t10DevId = cString(Attr.firstLine(data));
		this.t10DevIdSet = true;
	}

	/**
	 * The size of the backing of an active device, as its handler opens it: vdisk_blockio
	 * opens the path as a block device, which fails for a regular file with
	 * {@code ENOTBLK} (seen on Linux 6.1 with SCST 3.11: {@code add_device} of
	 * vdisk_blockio on a regular file answers {@code -ENOTBLK}).
	 */
	static long backingSize(String filename, SimHandler.Kind kind) {
		long size = backingSize(filename);
		if (kind == SimHandler.Kind.BLOCKIO && isRegularFile(filename)) {
			throw new SimErrno(Errno.ENOTBLK);
		}
		return size;
	}

	private static boolean isRegularFile(String filename) {
		return Files.isRegularFile(Path.of(new String(ScstSimulator.latin1(filename), StandardCharsets.UTF_8)));
	}

	/** The size of a backing file or block device, as the handler opens it. */
	static long backingSize(String filename) {
		Path path = Path.of(new String(ScstSimulator.latin1(filename), StandardCharsets.UTF_8));
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			if (attributes.isRegularFile()) {
				return attributes.size();
			}
			if (isFifo(path)) {
				// scst_file_or_bdev_size(): neither a regular file nor a block device
				throw new SimErrno(Errno.EINVAL);
			}
			if (attributes.isOther() && Files.isReadable(path)) {
				return blockDeviceSize(path);
			}
			throw new SimErrno(Errno.EINVAL);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new SimErrno(Errno.ENOENT);
		}
		catch (java.nio.file.AccessDeniedException ex) {
			throw new SimErrno(Errno.EACCES);
		}
		catch (IOException ex) {
			throw new SimErrno(Errno.EIO);
		}
	}

	/** {@code S_IFMT} and {@code S_IFIFO} of {@code stat(2)}. */
	private static final int S_IFMT = 0170000;

	private static final int S_IFIFO = 0010000;

	private static boolean isFifo(Path path) {
		try {
			return (((Integer) Files.getAttribute(path, "unix:mode")) & S_IFMT) == S_IFIFO;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException ex) {
			return false;
		}
	}

	/**
	 * The open of an {@code add_device}'s backing file, on the work thread before the
	 * command runs. vdisk's {@code attach()} reads the size of its backing with
	 * {@code scst_file_or_bdev_size()}, which opens it {@code O_RDONLY} while SCST's
	 * {@code scst_mutex} is held; for a FIFO that open waits until a writer opens it, so
	 * the command outlives SCST's 15 s wait and the write answers {@code EAGAIN}, then
	 * fails with {@code EINVAL} through {@code last_sysfs_mgmt_res} (seen on Linux 6.1
	 * with SCST 3.11). Only the work thread waits here: reads,
	 * {@code last_sysfs_mgmt_res} among them, go on; later queued work waits behind it,
	 * as behind the mutex.
	 * @param path the file written
	 * @param text the command
	 */
	static void awaitBackingOpen(ScstPath path, String text) {
		String where = path.toString();
		if (!where.startsWith("handlers/") || !path.name().equals("mgmt")) {
			return;
		}
		MgmtLine line = new MgmtLine(text);
		if (!line.lexeme().toLowerCase(Locale.ROOT).equals("add_device") || line.lexeme().isEmpty()) {
			return;
		}
		MgmtLine params = new MgmtLine(line.rest());
		String filename = null;
		boolean active = true;
		for (String token = params.token(); token != null; token = params.token()) {
			MgmtLine parameter = MgmtLine.of(token);
			String key = parameter.lexeme();
			String value = parameter.lexeme();
			if (key.equals("filename")) {
				filename = value;
			}
			else if (key.equals("active")) {
				active = !value.equals("0");
			}
		}
		if (filename == null || !active) {
			return;
		}
		Path fifo = Path.of(new String(ScstSimulator.latin1(filename), StandardCharsets.UTF_8));
		if (!isFifo(fifo)) {
			return;
		}
		try (FileInputStream opened = new FileInputStream(fifo.toFile())) {
			// opened: a writer came; the command goes on (and fails: not a file)
		}
		catch (IOException ex) {
			// the command's own open reports it
		}
	}

	/** Where Linux describes block devices. */
	static final Path SYS_BLOCK = Path.of("/sys/class/block");

	/**
	 * Whether the block device behind a path supports discard
	 * ({@code queue/discard_max_bytes} above 0), as {@code bdev_max_discard_sectors()}
	 * tells the kernel; {@code false} when that cannot be read.
	 * @param sysBlock {@code /sys/class/block}
	 * @param filename the device's path
	 */
	static boolean discardSupported(Path sysBlock, String filename) {
		try {
			Path real = Path.of(new String(ScstSimulator.latin1(filename), StandardCharsets.UTF_8)).toRealPath();
			Path file = sysBlock.resolve(real.getFileName().toString()).resolve("queue/discard_max_bytes");
			return Long.parseLong(Files.readString(file).strip()) > 0;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static long blockDeviceSize(Path device) throws IOException {
		Path real = device.toRealPath();
		Path sizeFile = Path.of("/sys/class/block", real.getFileName().toString(), "size");
		if (!Files.exists(sizeFile, LinkOption.NOFOLLOW_LINKS) && !Files.exists(sizeFile)) {
			throw new SimErrno(Errno.EINVAL);
		}
		return Long.parseLong(Files.readString(sizeFile).strip()) * 512;
	}

	// ---------------------------------------------------------------- registration

	private void register() {
		Node.Dir devDir = this.sim.devicesDir.dir(this.name);
		this.dir = devDir;
		this.exported = devDir.dir("exported");
		buildAttributes(devDir);
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
	private void checkThinProvisioning() {
		SimHandler.Kind kind = this.handler.kind;
		if (kind != SimHandler.Kind.FILEIO && kind != SimHandler.Kind.BLOCKIO) {
			return;
		}
		boolean supported = !this.readOnly && this.filename != null && this.active
				&& (kind == SimHandler.Kind.FILEIO || discardSupported(SYS_BLOCK, this.filename));
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
	private void inquiryDataChanged() {
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

	// ---------------------------------------------------------------- attributes

	private void buildAttributes(Node.Dir d) {
		SimHandler.Kind kind = this.handler.kind;
		boolean fileio = kind == SimHandler.Kind.FILEIO;
		boolean blockio = kind == SimHandler.Kind.BLOCKIO;
		boolean nullio = kind == SimHandler.Kind.NULLIO;
		boolean disk = fileio || blockio;
		d.add(Attr.ro("type", kind::typeLine));
		d.add(Attr.rw("max_tgt_dev_commands", () -> Attr.keyed(this.maxTgtDevCommands, this.maxTgtDevCommands != 64),
				(data) -> {
					long value = KernelNumbers.parseLong(data);
					if (value < 0 || value > Integer.MAX_VALUE) {
						throw new SimErrno(Errno.EINVAL);
					}
					this.maxTgtDevCommands = (int) value;
				}));
		d.add(Attr.rw("numa_node_id", () -> Attr.keyed(this.numaNode, this.numaNode != -1), (data) -> {
			long value = KernelNumbers.parseLong(data);
			if (value < -1 || value > Integer.MAX_VALUE) {
				throw new SimErrno(Errno.EINVAL);
			}
			this.numaNode = (int) value;
		}));
		d.add(Attr.rw("block", () -> this.blocked + " 0\n", this::writeBlock));
		d.add(Attr.rwQueued("pr_state", () -> "version 1\ngeneration 0\n", (data) -> {
			throw new SimErrno(Errno.EBUSY);
		}));
		d.add(Attr.rwQueued("pr_file_name", () -> (this.prFileName != null) ? Attr.keyed(this.prFileName, true)
				: Attr.line("/var/lib/scst/pr/" + this.name), (data) -> {
					throw new SimErrno(Errno.EBUSY);
				}));
		d.add(Attr.wo("dump_prs", (data) -> {
		}, Node.Queue.DIRECT));
		d.add(Attr.rwQueued("threads_num",
				() -> Attr.keyed(this.threadsNum, this.threadsNum != this.handler.kind.threads), (data) -> {
					this.threadsNum = (int) KernelNumbers.parseLong(data);
					restartThreads();
				}, (data) -> {
					long value = KernelNumbers.parseLong(data);
					if (value < 0 || value > Integer.MAX_VALUE) {
						throw new SimErrno(Errno.EINVAL);
					}
					return value != this.threadsNum;
				}));
		d.add(Attr.rwQueued("threads_pool_type", this::poolType, (data) -> {
			this.sharedPool = parsePoolType(data);
			restartThreads();
		}, (data) -> parsePoolType(data) != this.sharedPool));
		if (disk) {
			d.add(Attr.rwQueued("active", () -> Attr.keyed(this.active ? 1 : 0, !this.active), this::writeActive));
			boolean bindDefault = blockio;
			d.add(Attr.rw("bind_alua_state",
					() -> Attr.keyed(this.bindAluaState ? 1 : 0, this.bindAluaState != bindDefault),
					(data) -> this.bindAluaState = KernelNumbers.parseUnsignedLong(data) != 0));
			d.add(Attr.rw("expl_alua", () -> Attr.keyed(this.explAlua ? 1 : 0, this.explAlua),
					(data) -> this.explAlua = KernelNumbers.parseUnsignedLong(data) != 0));
			d.add(Attr.ro("write_through", flag(() -> this.writeThrough, false)));
			d.add(Attr.ro("nv_cache", flag(() -> this.nvCache, false)));
			d.add(Attr.ro("thin_provisioned", () -> Attr.keyed(this.thinProvisioned ? 1 : 0, this.thinProvisionedSet)));
			d.add(Attr.rw("lb_per_pb_exp", () -> Attr.keyed(this.lbPerPbExp, this.lbPerPbExp != 1),
					zeroOrOne((v) -> this.lbPerPbExp = v)));
			d.add(Attr.rwQueued("filename", this::filenameShow, this::writeFilename));
			d.add(Attr.wo("resync_size", (data) -> resync(), Node.Queue.QUEUED));
			d.add(Attr.wo("sync", (data) -> {
			}, Node.Queue.DIRECT));
		}
		if (fileio) {
			d.add(Attr.ro("o_direct", flag(() -> this.oDirect, false)));
			d.add(Attr.rw("async", () -> Attr.keyed(this.async ? 1 : 0, this.async),
					zeroOrOne((v) -> this.async = v == 1)));
		}
		if (kind == SimHandler.Kind.CDROM || fileio) {
			d.add(Attr.ro("size", () -> Attr.keyed(this.size, true)));
			d.add(Attr.ro("size_mb", () -> Attr.line(this.size >> 20)));
		}
		else {
			d.add(Attr.rwQueued("size", () -> Attr.keyed(this.size, !(nullio && this.size == NULLIO_DEFAULT_SIZE)),
					(data) -> writeSize(data, 0)));
			d.add(Attr.rwQueued("size_mb", () -> Attr.line(this.size >> 20), (data) -> writeSize(data, 20)));
		}
		if (kind == SimHandler.Kind.CDROM) {
			d.add(Attr.rwQueued("filename", this::filenameShow, this::changeMedium));
		}
		else {
			d.add(Attr.ro("blocksize", () -> Attr.keyed(1 << this.blockShift, this.blockShift != 9)));
			d.add(Attr.rw("opt_trans_len", () -> Attr.keyed(this.optTransLen, this.optTransLenSet), (data) -> {
				long value = KernelNumbers.parseUnsignedLong(data);
				if ((value & ((1L << this.blockShift) - 1)) != 0) {
					throw new SimErrno(Errno.EINVAL);
				}
				this.optTransLen = value;
				this.optTransLenSet = true;
			}));
			d.add(Attr.ro("read_only", flag(() -> this.readOnly, false)));
			d.add(Attr.ro("removable", flag(() -> this.removable, false)));
			d.add(Attr.ro("rotational", flag(() -> this.rotational, true)));
			d.add(Attr.rwQueued("cluster_mode", () -> Attr.keyed(this.clusterMode, this.clusterMode != 0),
					zeroOrOne((v) -> this.clusterMode = v)));
		}
		d.add(Attr.ro("tst", () -> Attr.keyed(this.tst, this.tst != 1)));
		if (nullio) {
			d.add(Attr.ro("dummy", flag(() -> this.dummy, false)));
			d.add(Attr.rw("read_zero", () -> Attr.keyed(this.readZero ? 1 : 0, this.readZero),
					zeroOrOne((v) -> this.readZero = v == 1)));
		}
		buildIdentity(d);
	}

	private void buildIdentity(Node.Dir d) {
		d.add(identity("t10_vend_id", () -> Attr.keyed(this.t10VendId, this.t10VendIdSet), (data) -> {
			this.t10VendId = limited(data, 9);
			this.t10VendIdSet = true;
		}));
		d.add(identity("vend_specific_id", () -> Attr.keyed(this.vendSpecificId, this.vendSpecificIdSet), (data) -> {
			this.vendSpecificId = limited(data, 129);
			this.vendSpecificIdSet = true;
		}));
		d.add(identity("prod_id", () -> Attr.keyed(this.prodId, this.prodIdSet), (data) -> {
			this.prodId = limited(data, 17);
			this.prodIdSet = true;
		}));
		d.add(identity("prod_rev_lvl", () -> Attr.keyed(this.prodRevLvl, this.prodRevLvlSet), (data) -> {
			this.prodRevLvl = limited(data, 5);
			this.prodRevLvlSet = true;
		}));
		d.add(identity("scsi_device_name", () -> Attr.keyed(this.scsiDeviceName, !this.scsiDeviceName.isEmpty()),
				(data) -> this.scsiDeviceName = limited(data, 257)));
		d.add(identity("t10_dev_id", () -> Attr.keyed(this.t10DevId, this.t10DevIdSet), (data) -> {
			if (this.clusterMode != 0) {
				throw new SimErrno(Errno.EPERM);
			}
			setT10DevId(data);
		}));
		d.add(identity("usn", () -> Attr.keyed(this.usn, this.usnSet), (data) -> {
			if (data.length() > 21 || (data.length() == 21 && data.charAt(20) != '\n')) {
				throw new SimErrno(Errno.EINVAL);
			}
			this.usn = cString(Attr.firstLine(data));
			this.usnSet = true;
		}));
		d.add(identity("naa_id", () -> hexId(this.naaId), (data) -> this.naaId = parseHexId(data, true)));
		d.add(identity("eui64_id", () -> hexId(this.eui64Id), (data) -> this.eui64Id = parseHexId(data, false)));
		d.add(identity("inq_vend_specific", () -> Attr.keyed(this.inqVendSpecific, !this.inqVendSpecific.isEmpty()),
				(data) -> this.inqVendSpecific = limited(data, 161)));
	}

	/**
	 * An identity attribute: a successful write schedules the "INQUIRY data changed"
	 * work, which also reaches the copy manager.
	 */
	private Node.File identity(String name, Node.Reader reader, Node.Writer writer) {
		return Attr.rw(name, reader, (data) -> {
			writer.write(data);
			inquiryDataChanged();
		});
	}

	/**
	 * Text up to the first newline; {@code EINVAL} when it does not fit a buffer of
	 * {@code size}.
	 */
	private static String limited(String data, int size) {
		String text = Attr.firstLine(data);
		if (text.length() >= size) {
			throw new SimErrno(Errno.EINVAL);
		}
		return cString(text);
	}

	/** What {@code sprintf("%s")} keeps: the text up to a NUL byte. */
	private static String cString(String text) {
		int nul = text.indexOf('\0');
		return (nul >= 0) ? text.substring(0, nul) : text;
	}

	private static String hexId(byte[] id) {
		if (id.length == 0) {
			return "\n";
		}
		return "0x" + HexFormat.of().formatHex(id) + "\n" + Attr.KEY;
	}

	private static byte[] parseHexId(String data, boolean naa) {
		String text = data;
		int start = 0;
		int end = text.length();
		while (start < end && MgmtLine.isSpace(text.charAt(start))) {
			start++;
		}
		while (end > start && MgmtLine.isSpace(text.charAt(end - 1))) {
			end--;
		}
		text = text.substring(start, end);
		if (text.startsWith("0x")) {
			text = text.substring(2);
		}
		int length = text.length();
		boolean ok;
		if (naa) {
			char first = text.isEmpty() ? '\0' : text.charAt(0);
			ok = length == 0 || (length == 16 && "235".indexOf(first) >= 0) || (length == 32 && first == '6');
		}
		else {
			ok = length == 0 || length == 16 || length == 24 || length == 32;
		}
		if (!ok) {
			throw new SimErrno(Errno.EINVAL);
		}
		try {
			return HexFormat.of().parseHex(text);
		}
		catch (IllegalArgumentException ex) {
			throw new SimErrno(Errno.EINVAL);
		}
	}

	private static Node.Reader flag(Supplier<Boolean> value, boolean defaultValue) {
		return () -> Attr.keyed(value.get() ? 1 : 0, value.get() != defaultValue);
	}

	private static Node.Writer zeroOrOne(Consumer<Integer> setter) {
		return (data) -> {
			long value = KernelNumbers.parseLong(data);
			if (value != 0 && value != 1) {
				throw new SimErrno(Errno.EINVAL);
			}
			setter.accept((int) value);
		};
	}

	private String poolType() {
		if (this.threadsNum == 0) {
			return "Async\n";
		}
		return this.sharedPool ? Attr.keyed("shared", true) : "per_initiator\n";
	}

	private static boolean parsePoolType(String data) {
		if (Attr.prefixMatch(data, "per_initiator")) {
			return false;
		}
		if (Attr.prefixMatch(data, "shared")) {
			return true;
		}
		throw new SimErrno(Errno.EINVAL);
	}

	private void writeBlock(String data) {
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

	private void writeActive(String data) {
		long value = KernelNumbers.parseLong(data);
		if (value != 0 && value != 1) {
			throw new SimErrno(Errno.EINVAL);
		}
		boolean activate = value == 1;
		if (activate == this.active) {
			return;
		}
		if (activate && this.filename != null) {
			this.size = backingSize(this.filename, this.handler.kind);
		}
		this.active = activate;
		if (activate && this.reexamPending) {
			this.reexamPending = false;
			checkThinProvisioning();
		}
	}

	private String filenameShow() {
		return (this.filename != null) ? this.filename + "\n" + Attr.KEY + "\n" : "none\n\n";
	}

	private void writeFilename(String data) {
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

	private void changeMedium(String data) {
		String text = data.strip();
		if (text.isEmpty()) {
			this.filename = null;
			this.size = 0;
			return;
		}
		if (!text.startsWith("/")) {
			throw new SimErrno(Errno.EINVAL);
		}
		this.size = backingSize(text);
		this.filename = text;
	}

	private void resync() {
		if (!this.active || this.filename == null) {
			throw new SimErrno(Errno.EMEDIUMTYPE);
		}
		this.size = backingSize(this.filename);
	}

	private void writeSize(String data, int shift) {
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
