package io.scst.manager.sysfs.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.KernelRejectedException.Stage;
import io.scst.manager.sysfs.ScstPath;

/**
 * The raw sysfs operations on the simulator's tree, as the kernel answers them: paths
 * resolved through links, opens checked against the modes, reads and page-sized stores
 * run directly or through the {@link ManagementQueue}, every failure the errno the kernel
 * gives; successful stores go to the {@link Journal}, every write attempt to the write
 * log. A little over 400 lines: read and store each handle the direct and the queued path
 * with their four ways to fail, kept side by side so they can be compared.
 */
final class SysfsFiles {

	private static final int PAGE_SIZE = 4096;

	private static final ScstPath LAST_RESULT = ScstPath.of("last_sysfs_mgmt_res");

	private final ReentrantLock lock;

	private final Node.Dir root;

	private final SimulatorOptions options;

	private final FaultInjector faults;

	private final ManagementQueue work;

	private final Journal journal = new Journal();

	private final WriteLog writeLog = new WriteLog();

	SysfsFiles(ScstSimulator sim, FaultInjector faults) {
		this.lock = sim.lock;
		this.root = sim.root;
		this.options = sim.options();
		this.faults = faults;
		this.work = sim.work;
	}

	/** The last write attempts, oldest first. */
	List<WriteRecord> writeLog() {
		return this.writeLog.records();
	}

	/** How many write attempts arrived since start-up. */
	long writeCount() {
		return this.writeLog.count();
	}

	/**
	 * List a directory (links followed).
	 * @param dir the directory
	 * @return its entries sorted by name
	 */
	List<Entry> list(ScstPath dir) {
		this.lock.lock();
		try {
			Node node = resolve(dir, true);
			if (!(node instanceof Node.Dir directory)) {
				throw rejected(Errno.ENOTDIR, Stage.OPEN, dir, null);
			}
			return directory.entries();
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
	Optional<Entry> stat(ScstPath path) {
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
	String readLink(ScstPath path) {
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
	byte[] read(ScstPath path) {
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
			try {
				return latin1(this.work.readLastResult());
			}
			catch (SimErrno ex) {
				throw rejected(ex.errno(), Stage.READ, path, null);
			}
		}
		if (this.faults.takeReadEagain(path)) {
			throw rejected(Errno.EAGAIN, Stage.READ, path, null);
		}
		if (!file.kind.queuedRead()) {
			return latin1(readUnderLock(file, path));
		}
		if (this.options.debugEagain()) {
			if (this.work.debugReadEagain()) {
				throw rejected(Errno.EAGAIN, Stage.READ, path, null);
			}
		}
		Duration delay = this.faults.delayOf(path);
		CompletableFuture<String> work = this.work.submit(() -> {
			ManagementQueue.pause(delay);
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
	void write(ScstPath path, byte[] data) {
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
			this.writeLog.add(path, text, null);
		}
		catch (KernelRejectedException ex) {
			this.writeLog.add(path, text, ex.errno());
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
		CompletableFuture<Integer> work = this.work.submit(() -> {
			ManagementQueue.pause(delay);
			if (forced != null) {
				return -forced.code();
			}
			BackingFile.awaitOpen(path, text);
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
		this.journal.append(path, text);
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
		return isAscii(name) ? name : new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
	}

	static String fromKernfs(String name) {
		return isAscii(name) ? name : new String(name.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
	}

	/** ASCII is the same in both forms: nearly every name, so no copy for it. */
	static boolean isAscii(String name) {
		for (int i = 0; i < name.length(); i++) {
			if (name.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	// ---------------------------------------------------------------- journal

	/**
	 * Replay the journal (see {@link Journal#open}).
	 * @return whether any entry applied
	 */
	boolean openJournal(Path file) {
		return this.journal.open(file, this::replay);
	}

	void closeJournal() throws IOException {
		this.journal.close();
	}

	/** Replay one journal entry under the lock; {@code false} when no file takes it. */
	private boolean replay(ScstPath path, String text) {
		this.lock.lock();
		try {
			Node node = resolveOrNull(path, true);
			if (node instanceof Node.File entryFile && entryFile.writer != null) {
				apply(entryFile, path, text);
				return true;
			}
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

}
