package io.scst.manager.config;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;

/**
 * Saves the live configuration in the background after changes made through the API, so
 * that a change's response does not wait for a read of the whole tree. One save runs at a
 * time; every change that arrives while one runs is covered by one more save, so a burst
 * of changes costs at most two exports. Each save reads the tree while no change of this
 * server is in progress. At shutdown the pending save is finished.
 */
public class ConfigSaver implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ConfigSaver.class);

	/** How long shutdown waits for a pending save. */
	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private final ConfigService service;

	private final Reader reader;

	private final ExecutorService executor;

	private final Object monitor = new Object();

	/** Held while a save runs, on the worker or on a caller of {@link #flush()}. */
	private final Object saving = new Object();

	/** Changes announced so far. */
	private long requested;

	/** Changes covered by a finished save (successful or not). */
	private long covered;

	/** Whether the worker runs or is queued. */
	private boolean busy;

	private volatile @Nullable String lastError;

	private volatile @Nullable Instant lastSaved;

	private volatile @Nullable Saved lastSave;

	/**
	 * @param service what exports and saves
	 * @param reader runs a save's read of the tree while no change is in progress
	 */
	public ConfigSaver(ConfigService service, Reader reader) {
		this.service = service;
		this.reader = reader;
		this.executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "scst-config-save");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Announce a change: a save that starts after this call will follow. */
	public void changed() {
		synchronized (this.monitor) {
			this.requested++;
			if (!this.busy) {
				this.busy = true;
				this.executor.execute(this::drain);
			}
		}
	}

	private void drain() {
		while (true) {
			long target;
			synchronized (this.monitor) {
				if (this.covered >= this.requested) {
					this.busy = false;
					this.monitor.notifyAll();
					return;
				}
				target = this.requested;
			}
			try {
				// a change's request may have saved meanwhile (see flush)
				this.reader.read(() -> saveUnlessCovered(target));
			}
			catch (RuntimeException ex) {
				this.lastError = ex.getMessage();
				logger.warn("Saving the configuration to " + this.service.savedFile() + " failed", ex);
			}
			cover(target);
		}
	}

	/**
	 * Save now, on the calling thread, when announced changes are not covered by a
	 * finished save yet: what a reader that must see every change answered so far (the
	 * drift) calls first. When another save covered them while this call waited, that
	 * save is the answer. The caller may hold the request order's read side (as a request
	 * does); the save only reads the tree.
	 */
	public @Nullable Saved flush() {
		long target;
		synchronized (this.monitor) {
			if (this.covered >= this.requested) {
				return null;
			}
			target = this.requested;
		}
		Saved saved = saveUnlessCovered(target);
		return (saved != null) ? saved : this.lastSave;
	}

	/**
	 * One save for every change announced when it starts, unless a save that finished
	 * while this one waited for its turn covered {@code target} already: a burst of
	 * requests that each save before their answer costs one save per save in progress,
	 * not one per request (group commit).
	 * @return the save, or {@code null} when none was needed
	 */
	private @Nullable Saved saveUnlessCovered(long target) {
		synchronized (this.saving) {
			long upTo;
			synchronized (this.monitor) {
				if (this.covered >= target) {
					return null;
				}
				// announced changes are written before they are announced (the
				// pipeline's listeners run after its writes): this save reads them all
				upTo = this.requested;
			}
			Saved saved = save();
			cover(upTo);
			return saved;
		}
	}

	/**
	 * The drift from the saved configuration as of every change answered so far: pending
	 * changes are saved first.
	 * @return the drift
	 * @throws SavedConfigNotFoundException when nothing was saved yet
	 */
	public Drift drift() {
		flush();
		return this.service.drift();
	}

	private Saved save() {
		synchronized (this.saving) {
			long start = System.nanoTime();
			try {
				boolean written = this.service.saveLive();
				this.lastError = null;
				this.lastSaved = Instant.now();
				Saved saved = new Saved(written ? Saved.WRITTEN : Saved.UNCHANGED, System.nanoTime() - start);
				this.lastSave = saved;
				return saved;
			}
			catch (RuntimeException ex) {
				this.lastError = ex.getMessage();
				logger.warn("Saving the configuration to " + this.service.savedFile() + " failed", ex);
				Saved saved = new Saved(Saved.FAILED, System.nanoTime() - start);
				this.lastSave = saved;
				return saved;
			}
		}
	}

	/** The last save, or {@code null} before the first. */
	public @Nullable Saved lastSave() {
		return this.lastSave;
	}

	private void cover(long target) {
		synchronized (this.monitor) {
			this.covered = Math.max(this.covered, target);
			this.monitor.notifyAll();
		}
	}

	/**
	 * Wait until every change announced before this call is covered by a finished save.
	 * Do not call it while holding the request order (the save needs it).
	 * @param timeout how long to wait at most
	 * @return whether they are
	 * @throws InterruptedException when interrupted while waiting
	 */
	public boolean awaitSaved(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		synchronized (this.monitor) {
			long target = this.requested;
			while (this.covered < target) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return false;
				}
				TimeUnit.NANOSECONDS.timedWait(this.monitor, left);
			}
			return true;
		}
	}

	/** Whether a save is queued or running. */
	public boolean pending() {
		synchronized (this.monitor) {
			return this.covered < this.requested;
		}
	}

	/** The error of the last save when it failed, or {@code null}. */
	public @Nullable String lastError() {
		return this.lastError;
	}

	/** When the last save finished successfully, or {@code null}. */
	public @Nullable Instant lastSaved() {
		return this.lastSaved;
	}

	@Override
	public void destroy() throws InterruptedException {
		if (!awaitSaved(SHUTDOWN_WAIT)) {
			logger.warn("A configuration save was still running at shutdown after " + SHUTDOWN_WAIT);
		}
		this.executor.shutdown();
	}

	/**
	 * One save.
	 *
	 * @param outcome {@link #WRITTEN} (a new version of the file), {@link #UNCHANGED}
	 * (the file already held it) or {@link #FAILED}
	 * @param nanos how long it took: reading what changed, writing the file, flushing it
	 * to disk and renaming it
	 */
	public record Saved(String outcome, long nanos) {

		/** A new version was written. */
		public static final String WRITTEN = "written";

		/** The file already held this configuration. */
		public static final String UNCHANGED = "unchanged";

		/** The save failed (see the health details). */
		public static final String FAILED = "failed";

		/** The duration in milliseconds, as {@code Server-Timing} gives it. */
		public double millis() {
			return this.nanos / 1e6;
		}

	}

	/** Runs a read of the tree in the order of this server's work. */
	@FunctionalInterface
	public interface Reader {

		/**
		 * Run the reader.
		 * @param reader what reads
		 * @param <T> its result
		 * @return its result
		 */
		<T> T read(Supplier<T> reader);

	}

}
