package io.scst.manager.events;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.scst.manager.metrics.MetricsProperties;
import io.scst.manager.metrics.StatsService;
import io.scst.manager.metrics.TreeStructure;
import io.scst.manager.metrics.TreeStructure.TreeChange;
import io.scst.manager.sysfs.ScstSysfs;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Looks at which targets, sessions and devices exist every
 * {@code scst.metrics.watch-period} (directory listings only, no counters) and publishes
 * what appeared or disappeared since the last look. Changes made through the API are
 * absorbed: a mutating request that writes has the watcher look just before its first
 * write (the change pipeline's hook) and again after the request, so only what happened
 * outside the API is reported as a tree change. A request that writes nothing (a plan, a
 * refused change) costs no look: a change made outside meanwhile is reported at the next
 * look. The look before a write is skipped when the gateway was written since the last
 * look (another API request is writing, or this one wrote already): its objects so far
 * are the API's, not changes behind its back. The periodic look waits while a mutating
 * request is in flight: an apply writes for seconds on a kernel. Each look lists every
 * target's sessions: 2.6 ms at 1,000 targets and 4,000 sessions on the simulator.
 */
final class TreeWatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(TreeWatcher.class);

	private final StatsService stats;

	private final EventService events;

	private final Duration period;

	private final ScstSysfs sysfs;

	private @Nullable ScheduledExecutorService executor;

	private @Nullable TreeStructure last;

	/** The gateway's write count when {@link #last} was taken (before it was read). */
	private long lastWrites = -1;

	/** Mutating API requests in flight. */
	private int apiChanges;

	TreeWatcher(StatsService stats, EventService events, MetricsProperties properties, ScstSysfs sysfs) {
		this.stats = stats;
		this.events = events;
		this.period = properties.watchPeriod();
		this.sysfs = sysfs;
	}

	/** Whether the watcher runs at all ({@code watch-period} > 0). */
	boolean enabled() {
		return !this.period.isZero() && !this.period.isNegative();
	}

	/**
	 * A mutating API request starts; the look before it waits for its first write
	 * ({@link #writesStart()}).
	 */
	synchronized void apiChangeStarts() {
		this.apiChanges++;
	}

	/**
	 * The change pipeline is about to write: while an API request is in flight and
	 * nothing was written since the last look, report what changed before it.
	 */
	synchronized void writesStart() {
		if (this.apiChanges > 0 && this.sysfs.writes() == this.lastWrites) {
			check();
		}
	}

	/**
	 * A mutating API request ended: take what it wrote without reporting it.
	 */
	synchronized void apiChangeEnded() {
		this.apiChanges--;
		absorb();
	}

	/** The periodic look: skipped while a mutating API request is in flight. */
	synchronized void periodicCheck() {
		if (this.apiChanges == 0) {
			check();
		}
	}

	/** Report what changed since the last look (under the lock). */
	private void check() {
		if (this.last == null) {
			return;
		}
		try {
			long writes = this.sysfs.writes();
			TreeStructure now = this.stats.structure();
			List<TreeChange> changes = now.changesSince(this.last);
			this.last = now;
			this.lastWrites = writes;
			changes.forEach(this.events::treeChange);
		}
		catch (RuntimeException ex) {
			logger.warn("Watching the SCST tree failed: {}", ex.getMessage());
		}
	}

	/**
	 * Take the tree as it is now without reporting (after a change made by the API),
	 * unless nothing was written through the gateway since the last look.
	 */
	private void absorb() {
		if (this.last == null) {
			return;
		}
		try {
			long writes = this.sysfs.writes();
			if (writes == this.lastWrites) {
				return;
			}
			this.last = this.stats.structure();
			this.lastWrites = writes;
		}
		catch (RuntimeException ex) {
			logger.warn("Watching the SCST tree failed: {}", ex.getMessage());
		}
	}

	@Override
	public synchronized void start() {
		if (!enabled() || this.executor != null) {
			return;
		}
		this.lastWrites = this.sysfs.writes();
		this.last = this.stats.structure();
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "scst-tree-watcher");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(1, this.period.toMillis());
		executor.scheduleWithFixedDelay(this::periodicCheck, millis, millis, TimeUnit.MILLISECONDS);
		this.executor = executor;
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
		this.last = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

}
