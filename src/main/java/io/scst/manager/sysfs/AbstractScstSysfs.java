package io.scst.manager.sysfs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * SCST's write protocol over raw file operations: one {@code write(2)} per command, one
 * write in flight at a time (the result slot is global), {@code EAGAIN} resolved by
 * polling {@code last_sysfs_mgmt_res}, and queued reads retried while they answer
 * {@code EAGAIN}. Subclasses supply the raw operations, which report failures as
 * {@link KernelRejectedException} with the errno of the system call.
 */
public abstract class AbstractScstSysfs implements ScstSysfs {

	/** The global result slot of queued management work. */
	public static final ScstPath LAST_RESULT = ScstPath.of("last_sysfs_mgmt_res");

	private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

	private final Duration timeout;

	private final ReentrantLock writeLock = new ReentrantLock(true);

	private final GatewayListener listener;

	private final AtomicLong writes = new AtomicLong();

	protected AbstractScstSysfs(Duration timeout, GatewayListener listener) {
		this.timeout = timeout;
		this.listener = listener;
	}

	/** Raw directory listing, sorted by name. */
	protected abstract List<Entry> rawList(ScstPath dir);

	/** Raw {@code lstat}. */
	protected abstract Optional<Entry> rawStat(ScstPath path);

	/** Raw open for reading and read to end of file. */
	protected abstract byte[] rawRead(ScstPath path);

	/** Raw open for writing (no {@code O_CREAT}) and a single {@code write(2)}. */
	protected abstract void rawWrite(ScstPath path, byte[] data);

	/** Raw {@code readlink}. */
	protected abstract String rawReadLink(ScstPath path);

	@Override
	public Duration timeout() {
		return this.timeout;
	}

	@Override
	public List<Entry> list(ScstPath dir) {
		try {
			return rawList(dir);
		}
		catch (KernelRejectedException ex) {
			throw unlessTreeGone(ex);
		}
	}

	@Override
	public Optional<Entry> stat(ScstPath path) {
		Optional<Entry> entry = rawStat(path);
		if (entry.isEmpty() && !available()) {
			throw treeGone(path, null);
		}
		return entry;
	}

	@Override
	public String readLink(ScstPath path) {
		try {
			return rawReadLink(path);
		}
		catch (KernelRejectedException ex) {
			throw unlessTreeGone(ex);
		}
	}

	/**
	 * An {@code ENOENT} while the whole tree is missing means SCST is not loaded (or was
	 * unloaded meanwhile), not that one object is missing.
	 */
	private RuntimeException unlessTreeGone(KernelRejectedException ex) {
		if (ex.errno().equals(Errno.ENOENT) && !available()) {
			return treeGone(ex.path(), ex);
		}
		return ex;
	}

	private ScstUnavailableException treeGone(ScstPath path, @Nullable Exception cause) {
		return new ScstUnavailableException(
				"The SCST sysfs tree is not there at " + location() + " (are the SCST modules loaded?)", path, cause);
	}

	@Override
	public Attribute read(ScstPath path) {
		long start = System.nanoTime();
		long deadline = 0;
		long pause = TimeUnit.MILLISECONDS.toNanos(1);
		int again = 0;
		while (true) {
			try {
				byte[] content = rawRead(path);
				if (again > 0) {
					this.listener.eagainResolved(path, again, Duration.ofNanos(System.nanoTime() - start));
				}
				return new Attribute(content);
			}
			catch (KernelRejectedException ex) {
				if (!ex.errno().equals(Errno.EAGAIN)) {
					throw unlessTreeGone(ex);
				}
				if (again++ == 0) {
					// a queued read answers EAGAIN only after SCST's own wait: the
					// timeout counts from that answer
					deadline = System.nanoTime() + this.timeout.toNanos();
				}
				else if (System.nanoTime() - deadline >= 0) {
					throw new ScstBusyException(path, null, Duration.ofNanos(System.nanoTime() - start));
				}
				pause = sleep(pause);
			}
		}
	}

	@Override
	public Attribute readWithoutWaiting(ScstPath path) {
		try {
			return new Attribute(rawRead(path));
		}
		catch (KernelRejectedException ex) {
			if (ex.errno().equals(Errno.EAGAIN)) {
				throw new ScstBusyException(path, null, Duration.ZERO);
			}
			throw unlessTreeGone(ex);
		}
	}

	@Override
	public void write(ScstPath path, String value) {
		String line = value.endsWith("\n") ? value : value + "\n";
		writeBytes(path, line.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void writeBytes(ScstPath path, byte[] data) {
		String written = new String(data, StandardCharsets.UTF_8).stripTrailing();
		long start = System.nanoTime();
		this.writeLock.lock();
		try {
			try {
				rawWrite(path, data);
				this.listener.written(path, written, null, Duration.ofNanos(System.nanoTime() - start));
			}
			catch (KernelRejectedException ex) {
				if (ex.stage() != KernelRejectedException.Stage.WRITE || !ex.errno().equals(Errno.EAGAIN)) {
					this.listener.written(path, written, ex.errno(), Duration.ofNanos(System.nanoTime() - start));
					if (ex.errno().equals(Errno.ENOENT) && !available()) {
						throw treeGone(path, ex);
					}
					throw withLastResult(ex, path);
				}
				awaitResult(path, written, start, System.nanoTime());
			}
		}
		finally {
			this.writes.incrementAndGet();
			this.writeLock.unlock();
		}
	}

	@Override
	public long writes() {
		return this.writes.get();
	}

	/**
	 * Poll {@code last_sysfs_mgmt_res} after a write answered {@code EAGAIN}. SCST
	 * answers {@code EAGAIN} only after waiting for the work itself (15 s in SCST 3.11),
	 * so the timeout counts from that answer, not from the start of the write: otherwise
	 * a timeout shorter than SCST's wait would never poll at all.
	 */
	private void awaitResult(ScstPath path, String written, long start, long eagainAt) {
		long deadline = eagainAt + this.timeout.toNanos();
		long pause = TimeUnit.MILLISECONDS.toNanos(1);
		int polls = 0;
		while (true) {
			polls++;
			try {
				int result = parseResult(rawRead(LAST_RESULT));
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				this.listener.eagainResolved(path, polls, took);
				if (result == 0) {
					this.listener.written(path, written, null, took);
					return;
				}
				Errno errno = Errno.of(-result);
				this.listener.written(path, written, errno, took);
				throw new KernelRejectedException(errno, KernelRejectedException.Stage.RESULT, path, written, result);
			}
			catch (KernelRejectedException ex) {
				if (ex.stage() == KernelRejectedException.Stage.RESULT || !ex.errno().equals(Errno.EAGAIN)) {
					throw ex;
				}
			}
			if (System.nanoTime() - deadline >= 0) {
				Duration waited = Duration.ofNanos(System.nanoTime() - start);
				this.listener.written(path, written, Errno.EAGAIN, waited);
				throw new ScstBusyException(path, written, waited);
			}
			pause = sleep(pause);
		}
	}

	/**
	 * Attach {@code last_sysfs_mgmt_res} to a failed write of a {@code mgmt} file: one
	 * read, no waiting; left out when the read is busy or fails.
	 */
	private KernelRejectedException withLastResult(KernelRejectedException ex, ScstPath path) {
		if (ex.stage() != KernelRejectedException.Stage.WRITE || !path.name().equals("mgmt")) {
			return ex;
		}
		try {
			return ex.withLastResult(parseResult(rawRead(LAST_RESULT)));
		}
		catch (SysfsException ignored) {
			return ex;
		}
	}

	private static int parseResult(byte[] content) {
		String text = new String(content, StandardCharsets.US_ASCII).strip();
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new ScstUnavailableException("Unexpected content of last_sysfs_mgmt_res: '" + text + "'", LAST_RESULT,
					ex);
		}
	}

	private static long sleep(long pauseNanos) {
		try {
			TimeUnit.NANOSECONDS.sleep(pauseNanos);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ScstUnavailableException("Interrupted while waiting for SCST", LAST_RESULT, ex);
		}
		return Math.min(pauseNanos * 2, MAX_POLL_NANOS);
	}

	/**
	 * Observes gateway operations (metrics, audit). Implementations must be cheap and
	 * must not throw.
	 */
	public interface GatewayListener {

		/** A listener that does nothing. */
		GatewayListener NONE = new GatewayListener() {
		};

		/**
		 * One listener that tells each of several in turn; a listener that throws does
		 * not keep the others from hearing.
		 * @param listeners the listeners, in order
		 * @return the combined listener
		 */
		static GatewayListener all(List<GatewayListener> listeners) {
			if (listeners.isEmpty()) {
				return NONE;
			}
			if (listeners.size() == 1) {
				return listeners.get(0);
			}
			List<GatewayListener> copy = List.copyOf(listeners);
			return new GatewayListener() {

				@Override
				public void written(ScstPath path, String written, @Nullable Errno errno, Duration took) {
					for (GatewayListener listener : copy) {
						try {
							listener.written(path, written, errno, took);
						}
						catch (RuntimeException ex) {
							// a listener must not break the gateway or the other
							// listeners
						}
					}
				}

				@Override
				public void eagainResolved(ScstPath path, int attempts, Duration waited) {
					for (GatewayListener listener : copy) {
						try {
							listener.eagainResolved(path, attempts, waited);
						}
						catch (RuntimeException ex) {
							// a listener must not break the gateway or the other
							// listeners
						}
					}
				}

			};
		}

		/**
		 * A write finished.
		 * @param path the file written
		 * @param written the text written, without the final newline
		 * @param errno the failure, or {@code null} on success
		 * @param took how long the write (and any wait for its result) took
		 */
		default void written(ScstPath path, String written, @Nullable Errno errno, Duration took) {
		}

		/**
		 * An operation answered {@code EAGAIN} and then completed or failed.
		 * @param path the file
		 * @param attempts how many polls it took
		 * @param waited how long it waited
		 */
		default void eagainResolved(ScstPath path, int attempts, Duration waited) {
		}

	}

}
