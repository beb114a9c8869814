package io.scst.manager.sysfs.simulation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.KernelRejectedException.Stage;
import io.scst.manager.sysfs.ScstPath;

/**
 * An in-memory SCST 3.11 with {@code scst_vdisk} and {@code scst_local} loaded, answering
 * raw sysfs operations the way the kernel does: the same tree, modes and contents, the
 * same management grammar and errno, queued writes on one work thread with the global
 * {@code last_sysfs_mgmt_res}, and a simulated Linux SCSI side for {@code scst_local}
 * sessions. Thread-safe: one lock stands for SCST's {@code scst_mutex}.
 * <p>
 * This class holds the objects and hands the work to its parts: {@link SysfsFiles} (the
 * raw file operations), {@link ManagementQueue} (the work thread and
 * {@code last_sysfs_mgmt_res}), {@link Journal} (persistence), {@link SimRoot} (the root
 * directory's files), {@link IoCounters} (the sessions' counters); each SCST object is a
 * {@code Sim...} class whose command grammar and files live beside it (for devices
 * {@link DeviceParameters} and {@link DeviceFiles}).
 */
public final class ScstSimulator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ScstSimulator.class);

	final ReentrantLock lock = new ReentrantLock();

	private final SimulatorOptions options;

	private final FaultInjector faults = new FaultInjector();

	private boolean restored;

	/**
	 * The simulator's sysfs work: queued stores and reads, {@code last_sysfs_mgmt_res}.
	 */
	final ManagementQueue work;

	/** The raw file operations on the tree. */
	private final SysfsFiles files;

	final Node.Dir root = new Node.Dir("scst_tgt");

	final Node.Dir handlersDir;

	final Node.Dir devicesDir;

	final Node.Dir targetsDir;

	/** Registered devices in registration order (SCST's device list). */
	final Map<String, SimDevice> devices = new LinkedHashMap<>();

	final Map<String, SimHandler> handlers = new LinkedHashMap<>();

	final ScsiHosts scsi = new ScsiHosts();

	final SimTarget copyManager;

	final SimLocalDriver local;

	/** The root directory's own files and their state. */
	final SimRoot rootFiles;

	private int nextPid = 200;

	private int copyManagerLunCounter;

	int sessionOrdinal;

	public ScstSimulator(SimulatorOptions options) {
		this.options = options;
		this.work = new ManagementQueue(this.lock);
		this.files = new SysfsFiles(this, this.faults);
		this.rootFiles = new SimRoot(this);
		this.rootFiles.build(this.root);
		this.handlersDir = (Node.Dir) this.root.get("handlers");
		this.devicesDir = (Node.Dir) this.root.get("devices");
		this.targetsDir = (Node.Dir) this.root.get("targets");
		for (SimHandler.Kind kind : SimHandler.Kind.values()) {
			SimHandler handler = new SimHandler(this, kind);
			this.handlers.put(handler.name(), handler);
		}
		this.copyManager = SimTarget.copyManager(this);
		this.local = new SimLocalDriver(this);
		if (options.addDefaultTarget()) {
			this.local.addDefaultTarget();
		}
		if (options.journal() != null) {
			this.restored = this.files.openJournal(options.journal());
		}
	}

	/** The options this simulator was built with. */
	public SimulatorOptions options() {
		return this.options;
	}

	/** Fault injection for tests. */
	public FaultInjector faults() {
		return this.faults;
	}

	/** Whether state was restored from the journal at start-up. */
	public boolean restored() {
		return this.restored;
	}

	/** The last write attempts (up to 100,000), oldest first. */
	public List<WriteRecord> writeLog() {
		return this.files.writeLog();
	}

	/** The Linux SCSI devices of all scst_local sessions, in the order they appeared. */
	public List<SimulatedScsiDevice> scsiDevices() {
		this.lock.lock();
		try {
			return this.scsi.devices();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * The Linux SCSI devices of one scst_local session's host.
	 * @param host the host number
	 * @return its devices, in the order they were added
	 */
	public List<SimulatedScsiDevice> scsiDevices(int host) {
		this.lock.lock();
		try {
			return this.scsi.devices(host);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Whether a simulated SCSI scan (see {@link SimulatorOptions#scanDelay()}) has not
	 * run yet, so that {@link #scsiDevices()} may still grow without another write.
	 */
	public boolean scsiScanPending() {
		this.lock.lock();
		try {
			return this.local.targets.values()
				.stream()
				.flatMap((target) -> target.sessions.stream())
				.anyMatch(SimSession::scanPending);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** How many write attempts arrived since start-up. */
	public long writeCount() {
		return this.files.writeCount();
	}

	@Override
	public void close() {
		this.work.close();
		this.lock.lock();
		try {
			this.files.closeJournal();
		}
		catch (IOException ex) {
			logger.warn("Closing the simulator journal failed", ex);
		}
		finally {
			this.lock.unlock();
		}
	}

	// ---------------------------------------------------------------- raw operations

	/**
	 * List a directory (links followed).
	 * @param dir the directory
	 * @return its entries sorted by name
	 */
	public List<Entry> list(ScstPath dir) {
		return this.files.list(dir);
	}

	/**
	 * {@code lstat()} an entry.
	 * @param path the entry
	 * @return the entry, or empty
	 */
	public Optional<Entry> stat(ScstPath path) {
		return this.files.stat(path);
	}

	/**
	 * Read a link as stored.
	 * @param path the link
	 * @return its relative target
	 */
	public String readLink(ScstPath path) {
		return this.files.readLink(path);
	}

	/**
	 * Open a file for reading and read it to the end.
	 * @param path the file
	 * @return its content
	 */
	public byte[] read(ScstPath path) {
		return this.files.read(path);
	}

	/**
	 * Open a file for writing (without {@code O_CREAT}) and write a buffer in one
	 * {@code write(2)}. Buffers longer than a page reach SCST as several stores, as in
	 * the kernel.
	 * @param path the file
	 * @param data the bytes
	 */
	public void write(ScstPath path, byte[] data) {
		this.files.write(path, data);
	}

	// ---------------------------------------------------------------- shared services

	int cpus() {
		return this.options.cpus();
	}

	/** The all-CPUs mask as the kernel prints bitmaps ({@code %*pb}). */
	String allCpuMask() {
		return CpuMask.format(CpuMask.all(cpus()), cpus());
	}

	int[] newPids(int count) {
		int[] pids = new int[count];
		for (int i = 0; i < count; i++) {
			pids[i] = this.nextPid++;
		}
		return pids;
	}

	int nextCopyManagerLun() {
		for (int tries = 0; tries <= 16383; tries++) {
			int lun = this.copyManagerLunCounter;
			this.copyManagerLunCounter = (this.copyManagerLunCounter + 1) % 16384;
			if (!this.copyManager.defaultSet.luns.containsKey(lun)) {
				return lun;
			}
		}
		throw new SimErrno(Errno.ENOSPC);
	}

	void schedule(Runnable action, Duration delay) {
		this.work.schedule(action, delay);
	}

	/**
	 * Test hook: account completed I/O to a session, as SCST does when commands complete.
	 * Updates the counters the session's files show ({@code <direction>_cmd_count},
	 * {@code <direction>_io_count_kb} = bytes >> 10,
	 * {@code <direction>_unaligned_cmd_count}) and so the target-level sums.
	 * @param driver the target driver
	 * @param target the target name
	 * @param session the session directory name
	 * @param direction {@code read}, {@code write}, {@code bidi}, {@code none} or
	 * {@code unknown}
	 * @param commands completed commands to add
	 * @param bytes transferred bytes to add (ignored for {@code none} and
	 * {@code unknown})
	 * @param unaligned commands to add to the unaligned count (ignored for {@code none}
	 * and {@code unknown})
	 * @throws IllegalArgumentException when the session or direction does not exist
	 */
	public void addIo(String driver, String target, String session, String direction, long commands, long bytes,
			long unaligned) {
		IoCounters.Direction dir = IoCounters.Direction.of(direction);
		this.lock.lock();
		try {
			SimSession found = allTargets().stream()
				.filter((t) -> t.driver.equals(driver) && t.name.equals(target))
				.flatMap((t) -> t.sessions.stream())
				.filter((s) -> s.dirName.equals(session))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"No session " + session + " of target " + driver + "/" + target));
			found.counters.add(dir, commands, bytes, unaligned);
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Test hook: account completed reads and writes to a session (see
	 * {@link #addIo(String, String, String, String, long, long, long)}).
	 * @param driver the target driver
	 * @param target the target name
	 * @param session the session directory name
	 * @param readCommands completed read commands
	 * @param readKb KiB read
	 * @param writeCommands completed write commands
	 * @param writeKb KiB written
	 */
	public void addIo(String driver, String target, String session, long readCommands, long readKb, long writeCommands,
			long writeKb) {
		addIo(driver, target, session, "read", readCommands, readKb * 1024, 0);
		addIo(driver, target, session, "write", writeCommands, writeKb * 1024, 0);
	}

	/** Every target of every driver, for checks across drivers. */
	List<SimTarget> allTargets() {
		List<SimTarget> all = new ArrayList<>();
		all.add(this.copyManager);
		all.addAll(this.local.targets.values());
		return all;
	}

}
