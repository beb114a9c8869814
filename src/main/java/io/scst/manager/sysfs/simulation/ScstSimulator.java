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
 */
public final class ScstSimulator implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(ScstSimulator.class);

	static final String SCST_VERSION = "3.11.0-pre";

	private static final int PAGE_SIZE = 4096;

	private static final int WRITE_LOG_CAPACITY = 100_000;

	private static final ScstPath LAST_RESULT = ScstPath.of("last_sysfs_mgmt_res");

	final ReentrantLock lock = new ReentrantLock();

	private final SimulatorOptions options;

	private final FaultInjector faults = new FaultInjector();

	private final ExecutorService workThread;

	private final ScheduledExecutorService timers;

	private final Object workState = new Object();

	private int pendingWorks;

	private int lastResult;

	private long queuedReads;

	private final Deque<WriteRecord> writeLog = new ArrayDeque<>();

	private long writeCount;

	private @Nullable BufferedWriter journal;

	private boolean restored;

	/** Whether the journal is being replayed (its rewrite is flushed once at the end). */
	private boolean replaying;

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

	final String buildDate;

	long setupId;

	int threads;

	private int suspendCount;

	private int maxTaskletCmd = 10;

	private long pollUs;

	private int measureLatency;

	private boolean asyncLunReplace;

	private int forceGlobalSgvPool;

	private String clusterName = "";

	private final TraceLevel coreTrace = new TraceLevel(TraceLevel.CORE_LOCAL, "");

	final TraceLevel vdiskTrace = new TraceLevel(TraceLevel.VDISK_LOCAL, ", order");

	final TraceLevel localTrace = new TraceLevel(Map.of(), "");

	private int nextPid = 200;

	private int copyManagerLunCounter;

	int sessionOrdinal;

	public ScstSimulator(SimulatorOptions options) {
		this.options = options;
		this.workThread = Executors.newSingleThreadExecutor((r) -> daemon(r, "scst-sim-sysfs-work"));
		this.timers = Executors.newSingleThreadScheduledExecutor((r) -> daemon(r, "scst-sim-timers"));
		this.threads = options.cpus();
		this.buildDate = java.time.format.DateTimeFormatter.ofPattern("yyyy/MM/dd-HH:mm:ss-'UTC'xxx")
			.format(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
		buildRoot();
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
			openJournal(options.journal());
		}
	}

	private static Thread daemon(Runnable runnable, String name) {
		Thread thread = new Thread(runnable, name);
		thread.setDaemon(true);
		return thread;
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
		synchronized (this.writeLog) {
			return List.copyOf(this.writeLog);
		}
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
		synchronized (this.writeLog) {
			return this.writeCount;
		}
	}

	@Override
	public void close() {
		this.workThread.shutdownNow();
		this.timers.shutdownNow();
		this.lock.lock();
		try {
			if (this.journal != null) {
				this.journal.close();
				this.journal = null;
			}
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
		this.lock.lock();
		try {
			Node node = resolve(dir, true);
			if (!(node instanceof Node.Dir directory)) {
				throw rejected(Errno.ENOTDIR, Stage.OPEN, dir, null);
			}
			List<Entry> entries = new ArrayList<>();
			for (Node child : directory.children()) {
				entries.add(new Entry(fromKernfs(child.name), child.type(), child.mode()));
			}
			return entries;
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * {@code lstat()} an entry.
	 * @param path the entry
	 * @return the entry, or empty
	 */
	public Optional<Entry> stat(ScstPath path) {
		this.lock.lock();
		try {
			Node node = resolveOrNull(path, false);
			return (node != null) ? Optional.of(new Entry(fromKernfs(node.name), node.type(), node.mode()))
					: Optional.empty();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Read a link as stored.
	 * @param path the link
	 * @return its relative target
	 */
	public String readLink(ScstPath path) {
		this.lock.lock();
		try {
			Node node = resolve(path, false);
			if (!(node instanceof Node.Link link)) {
				throw rejected(Errno.EINVAL, Stage.READ, path, null);
			}
			return fromKernfs(link.relativeTarget());
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Open a file for reading and read it to the end.
	 * @param path the file
	 * @return its content
	 */
	public byte[] read(ScstPath path) {
		Errno forced = this.faults.takeReadError(path);
		if (forced != null) {
			throw rejected(forced, Stage.READ, path, null);
		}
		Node.File file;
		this.lock.lock();
		try {
			file = openFile(path, false, null);
		}
		finally {
			this.lock.unlock();
		}
		if (LAST_RESULT.equals(path)) {
			synchronized (this.workState) {
				if (this.pendingWorks > 0) {
					throw rejected(Errno.EAGAIN, Stage.READ, path, null);
				}
				return latin1(this.lastResult + "\n");
			}
		}
		if (this.faults.takeReadEagain(path)) {
			throw rejected(Errno.EAGAIN, Stage.READ, path, null);
		}
		if (!file.kind.queuedRead()) {
			return latin1(readUnderLock(file, path));
		}
		if (this.options.debugEagain()) {
			synchronized (this.workState) {
				if (++this.queuedReads % 4 != 0) {
					throw rejected(Errno.EAGAIN, Stage.READ, path, null);
				}
			}
		}
		Duration delay = this.faults.delayOf(path);
		CompletableFuture<String> work = submit(() -> {
			pause(delay);
			return readUnderLock(file, path);
		}, false);
		try {
			return latin1(work.get(this.faults.eagainThreshold().toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			throw rejected(Errno.EAGAIN, Stage.READ, path, null);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof SimErrno errno) {
				throw rejected(errno.errno(), Stage.READ, path, null);
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw rejected(Errno.EINTR, Stage.READ, path, null);
		}
	}

	private String readUnderLock(Node.File file, ScstPath path) {
		this.lock.lock();
		try {
			if (file.parent == null) {
				throw rejected(Errno.ENOENT, Stage.READ, path, null);
			}
			try {
				return file.reader.read();
			}
			catch (SimErrno ex) {
				throw rejected(ex.errno(), Stage.READ, path, null);
			}
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Open a file for writing (without {@code O_CREAT}) and write a buffer in one
	 * {@code write(2)}. Buffers longer than a page reach SCST as several stores, as in
	 * the kernel.
	 * @param path the file
	 * @param data the bytes
	 */
	public void write(ScstPath path, byte[] data) {
		String text = new String(data, StandardCharsets.ISO_8859_1);
		try {
			Node.File file;
			this.lock.lock();
			try {
				file = openFile(path, true, text);
			}
			finally {
				this.lock.unlock();
			}
			for (int offset = 0; offset < text.length(); offset += PAGE_SIZE) {
				store(file, path, text.substring(offset, Math.min(text.length(), offset + PAGE_SIZE)));
			}
			log(path, text, null);
		}
		catch (KernelRejectedException ex) {
			log(path, text, ex.errno());
			throw ex;
		}
	}

	private void store(Node.File file, ScstPath path, String text) {
		Errno forced = this.faults.takeWriteError(path);
		if (file.kind.queue() == Node.Queue.DIRECT) {
			if (forced != null) {
				throw rejected(forced, Stage.WRITE, path, text);
			}
			this.lock.lock();
			try {
				apply(file, path, text);
			}
			catch (SimErrno ex) {
				throw rejected(ex.errno(), Stage.WRITE, path, text);
			}
			finally {
				this.lock.unlock();
			}
			return;
		}
		this.lock.lock();
		try {
			if (!file.kind.precheck().queue(text)) {
				return;
			}
		}
		catch (SimErrno ex) {
			throw rejected(ex.errno(), Stage.WRITE, path, text);
		}
		finally {
			this.lock.unlock();
		}
		Duration delay = this.faults.delayOf(path);
		CompletableFuture<Integer> work = submit(() -> {
			pause(delay);
			if (forced != null) {
				return -forced.code();
			}
			SimDevice.awaitBackingOpen(path, text);
			this.lock.lock();
			try {
				apply(file, path, text);
				return 0;
			}
			catch (SimErrno ex) {
				return -ex.errno().code();
			}
			finally {
				this.lock.unlock();
			}
		}, true);
		if (this.options.debugEagain() || this.faults.takeWriteEagain(path)) {
			throw rejected(Errno.EAGAIN, Stage.WRITE, path, text);
		}
		int result;
		try {
			result = work.get(this.faults.eagainThreshold().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw rejected(Errno.EAGAIN, Stage.WRITE, path, text);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw rejected(Errno.EINTR, Stage.WRITE, path, text);
		}
		if (result != 0) {
			throw rejected(Errno.of(-result), Stage.WRITE, path, text);
		}
	}

	/** Run a store under the lock and keep it in the journal when it succeeds. */
	private void apply(Node.File file, ScstPath path, String text) {
		if (file.parent == null) {
			throw new SimErrno(Errno.ENOENT);
		}
		file.writer.write(text);
		journal(path, text);
	}

	private <T> CompletableFuture<T> submit(java.util.concurrent.Callable<T> task, boolean updatesResult) {
		synchronized (this.workState) {
			this.pendingWorks++;
		}
		CompletableFuture<T> future = new CompletableFuture<>();
		this.workThread.execute(() -> {
			try {
				T value = task.call();
				synchronized (this.workState) {
					if (updatesResult) {
						this.lastResult = (Integer) value;
					}
					this.pendingWorks--;
				}
				future.complete(value);
			}
			catch (Throwable ex) {
				synchronized (this.workState) {
					this.pendingWorks--;
				}
				future.completeExceptionally(ex);
			}
		});
		return future;
	}

	private static void pause(Duration delay) {
		if (delay.isZero()) {
			return;
		}
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void log(ScstPath path, String text, @Nullable Errno errno) {
		synchronized (this.writeLog) {
			this.writeCount++;
			if (this.writeLog.size() == WRITE_LOG_CAPACITY) {
				this.writeLog.removeFirst();
			}
			this.writeLog.addLast(new WriteRecord(Instant.now(), path, text, errno));
		}
	}

	private Node.File openFile(ScstPath path, boolean forWrite, @Nullable String text) {
		Node node = resolveOrNull(path, true);
		if (node == null) {
			throw rejected(Errno.ENOENT, Stage.OPEN, path, text);
		}
		if (node instanceof Node.Dir) {
			throw rejected(forWrite ? Errno.EISDIR : Errno.EISDIR, forWrite ? Stage.OPEN : Stage.READ, path, text);
		}
		Node.File file = (Node.File) node;
		if (forWrite ? (file.mode() & 0200) == 0 : (file.mode() & 0400) == 0) {
			throw rejected(Errno.EACCES, Stage.OPEN, path, text);
		}
		return file;
	}

	private Node resolve(ScstPath path, boolean followLast) {
		Node node = resolveOrNull(path, followLast);
		if (node == null) {
			throw rejected(Errno.ENOENT, Stage.OPEN, path, null);
		}
		return node;
	}

	private @Nullable Node resolveOrNull(ScstPath path, boolean followLast) {
		Node node = this.root;
		List<String> segments = path.segments();
		int hops = 0;
		for (int i = 0; i < segments.size(); i++) {
			if (!(node instanceof Node.Dir dir)) {
				return null;
			}
			Node child = dir.get(toKernfs(segments.get(i)));
			if (child == null) {
				return null;
			}
			boolean last = i == segments.size() - 1;
			while (child instanceof Node.Link link && (!last || followLast)) {
				if (++hops > 40) {
					return null;
				}
				child = nodeAt(link.target.get());
				if (child == null) {
					return null;
				}
			}
			node = child;
		}
		return node;
	}

	private @Nullable Node nodeAt(List<String> fromSys) {
		if (fromSys.size() < 2 || !fromSys.subList(0, 2).equals(Node.ROOT_FROM_SYS)) {
			return null;
		}
		Node node = this.root;
		for (String name : fromSys.subList(2, fromSys.size())) {
			if (!(node instanceof Node.Dir dir) || (node = dir.get(name)) == null) {
				return null;
			}
		}
		return node;
	}

	private static KernelRejectedException rejected(Errno errno, Stage stage, ScstPath path, @Nullable String text) {
		return new KernelRejectedException(errno, stage, path,
				(text != null) ? new String(latin1(text), StandardCharsets.UTF_8).stripTrailing() : null);
	}

	static byte[] latin1(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	/** A Java name as kernfs stores it (UTF-8 bytes, one char per byte). */
	static String toKernfs(String name) {
		return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	static String fromKernfs(String name) {
		return new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	// ---------------------------------------------------------------- journal

	/**
	 * Replay the journal and keep what still applies. The entries that apply are written
	 * to a new file that replaces the journal only when the replay is complete (so a
	 * replay that does not finish leaves the journal as it was), and flushed once at the
	 * end instead of per entry.
	 */
	private void openJournal(Path file) {
		List<String> entries = new ArrayList<>();
		Path replayed = file.resolveSibling(file.getFileName() + ".replay");
		try {
			if (Files.exists(file)) {
				entries = Files.readAllLines(file, StandardCharsets.US_ASCII);
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			this.journal = Files.newBufferedWriter(replayed, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open simulator journal " + file, ex);
		}
		this.replaying = true;
		int applied = 0;
		for (String entry : entries) {
			int tab = entry.indexOf('\t');
			if (tab < 0) {
				continue;
			}
			ScstPath path = ScstPath
				.of(new String(Base64.getDecoder().decode(entry.substring(0, tab)), StandardCharsets.UTF_8));
			String text = new String(Base64.getDecoder().decode(entry.substring(tab + 1)), StandardCharsets.ISO_8859_1);
			this.lock.lock();
			try {
				Node node = resolveOrNull(path, true);
				if (node instanceof Node.File entryFile && entryFile.writer != null) {
					apply(entryFile, path, text);
					applied++;
				}
			}
			catch (SimErrno ex) {
				logger.warn("Simulator journal: '{}' to {} no longer applies ({})", text.strip(), path,
						ex.errno().symbol());
			}
			finally {
				this.lock.unlock();
			}
		}
		this.replaying = false;
		try {
			this.journal.close();
			Files.move(replayed, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			this.journal = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.APPEND,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot replace simulator journal " + file, ex);
		}
		this.restored = applied > 0;
		if (this.restored) {
			logger.info("Simulator state restored from {} ({} writes)", file, applied);
		}
	}

	private void journal(ScstPath path, String text) {
		if (this.journal == null || isCounterReset(path)) {
			return;
		}
		try {
			this.journal.write(Base64.getEncoder().encodeToString(path.toString().getBytes(StandardCharsets.UTF_8)));
			this.journal.write('\t');
			this.journal.write(Base64.getEncoder().encodeToString(latin1(text)));
			this.journal.newLine();
			if (!this.replaying) {
				this.journal.flush();
			}
		}
		catch (IOException ex) {
			logger.warn("Writing the simulator journal failed; state will not survive a restart", ex);
		}
	}

	private static boolean isCounterReset(ScstPath path) {
		String name = path.name();
		return name.endsWith("_count") || name.endsWith("_count_kb") || path.segments().contains("latency");
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
		if (delay.isZero()) {
			action.run();
			return;
		}
		this.timers.schedule(() -> {
			this.lock.lock();
			try {
				action.run();
			}
			finally {
				this.lock.unlock();
			}
		}, delay.toMillis(), TimeUnit.MILLISECONDS);
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
		SimSession.Direction dir = java.util.Arrays.stream(SimSession.Direction.values())
			.filter((d) -> d.prefix.equals(direction))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No such data direction: " + direction));
		this.lock.lock();
		try {
			SimSession found = allTargets().stream()
				.filter((t) -> t.driver.equals(driver) && t.name.equals(target))
				.flatMap((t) -> t.sessions.stream())
				.filter((s) -> s.dirName.equals(session))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException(
						"No session " + session + " of target " + driver + "/" + target));
			SimSession.Counters counters = found.counters(dir);
			counters.commands += commands;
			if (dir.full) {
				counters.bytes += bytes;
				counters.unaligned += unaligned;
			}
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

	// ---------------------------------------------------------------- root

	private void buildRoot() {
		Node.Dir r = this.root;
		r.add(Attr.ro("version", this::version));
		r.add(Attr.rwQueued("threads", () -> Attr.keyed(this.threads, this.threads != cpus()),
				(data) -> this.threads = KernelNumbers.parseInt(Attr.chomp(data).strip()), (data) -> {
					int n;
					try {
						n = KernelNumbers.parseInt(data);
					}
					catch (SimErrno ex) {
						throw new SimErrno(Errno.EINVAL);
					}
					if (n <= 0) {
						throw new SimErrno(Errno.EINVAL);
					}
					return true;
				}));
		r.add(Attr.rw("setup_id", () -> Attr.keyed("0x" + Long.toHexString(this.setupId), this.setupId != 0),
				(data) -> this.setupId = KernelNumbers.parseUnsignedLong(data) & 0xFFFFFFFFL));
		r.add(Attr.rw("suspend", () -> Attr.line(this.suspendCount), this::writeSuspend));
		r.add(Attr.ro("last_sysfs_mgmt_res", () -> Attr.line(this.lastResult)));
		r.add(Attr.rw("trace_level", this.coreTrace::show, this.coreTrace::write));
		r.add(Attr.rw("max_tasklet_cmd", () -> Attr.keyed(this.maxTaskletCmd, this.maxTaskletCmd != 10),
				(data) -> this.maxTaskletCmd = (int) KernelNumbers.parseUnsignedLong(data)));
		r.add(Attr.rw("poll_us", () -> Attr.keyed(this.pollUs, this.pollUs != 0),
				(data) -> this.pollUs = KernelNumbers.parseUnsignedLong(data)));
		r.add(Attr.rw("measure_latency", () -> Attr.line(this.measureLatency),
				(data) -> this.measureLatency = (KernelNumbers.parseLong(data) != 0) ? 1 : 0));
		r.add(Attr.rw("async_lun_replace", () -> Attr.line(this.asyncLunReplace ? 1 : 0),
				(data) -> this.asyncLunReplace = KernelNumbers.parseBool(data)));
		r.add(Attr.rw("force_global_sgv_pool", () -> Attr.keyed(this.forceGlobalSgvPool, this.forceGlobalSgvPool != 0),
				(data) -> this.forceGlobalSgvPool = (KernelNumbers.parseUnsignedLong(data) != 0) ? 1 : 0));
		r.add(Attr.rw("cluster_name", () -> this.clusterName.isEmpty() ? "" : Attr.keyed(this.clusterName, true),
				(data) -> {
					String name = Attr.chomp(data);
					if (name.length() >= 64) {
						throw new SimErrno(Errno.EINVAL);
					}
					this.clusterName = name;
				}));
		r.add(Attr.roQueued("trace_cmds", () -> ""));
		r.add(Attr.roQueued("trace_mcmds", () -> ""));
		r.dir("handlers");
		r.dir("devices");
		r.dir("targets");
		Node.Dir deviceGroups = r.dir("device_groups");
		new SimAlua(this, deviceGroups);
		buildSgv(r.dir("sgv"));
	}

	private String version() {
		return "SCST version: " + SCST_VERSION + "\n" + "SCST build date: " + this.buildDate + "\n"
				+ "SCST build number: 9378\n" + "SCST git commit sha1: aa5cc2dd70f9\n" + "SCST kver: "
				+ System.getProperty("os.version") + "\n" + "SCST arch type: x86_64\n" + "SCST config: TRACING\n";
	}

	private void writeSuspend(String data) {
		long value = KernelNumbers.parseLong(data);
		if (value >= 0) {
			this.suspendCount++;
		}
		else if (this.suspendCount > 0) {
			this.suspendCount--;
		}
	}

	boolean suspended() {
		return this.suspendCount > 0;
	}

	private void buildSgv(Node.Dir sgv) {
		sgv.add(Attr.rw("global_stats", () -> String.format(Locale.ROOT, "%-43s%d\n", "Inactive pages", 0), (data) -> {
		}));
		List<String> caches = new ArrayList<>(List.of("sgv", "sgv-clust", "sgv-dma"));
		for (int cpu = 0; cpu < cpus(); cpu++) {
			caches.add("sgv-" + cpu);
			caches.add("sgv-clust-" + cpu);
			caches.add("sgv-dma-" + cpu);
		}
		for (String cache : caches) {
			sgv.dir(cache).add(Attr.rw("stats", () -> sgvStats(cache), (data) -> {
			}));
		}
	}

	private static String sgvStats(String cache) {
		StringBuilder out = new StringBuilder();
		out.append(String.format(Locale.ROOT, "%-30s %-11s %-11s %-11s %s\n", "Name", "Hit", "Total", "% merged",
				"Cached (P/I/O)"));
		out.append(String.format(Locale.ROOT, "%-30s %-11d %-11d %-11d %d/%d/%d\n", cache, 0, 0, 0, 0, 0, 0));
		for (int kb = 4; kb <= 4096; kb *= 2) {
			out.append(String.format(Locale.ROOT, "  %-28s %-11d %-11d %d\n", cache + "-" + kb + "K", 0, 0, 0));
		}
		out.append(String.format(Locale.ROOT, "  %-40s %-11s %s\n", "big/other", "0/0", "0/0"));
		return out.toString();
	}

}
