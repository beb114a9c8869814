package io.scst.manager.metrics;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.scst.manager.scst.ScstService;
import io.scst.manager.sysfs.ScstSysfs;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * Snapshots of SCST's counters for the metrics and the JSON statistics. A snapshot is one
 * walk of the tree; it serves every meter of a scrape, and later scrapes while it is
 * younger than {@code scst.metrics.max-age}. Concurrent callers share one walk.
 */
@Service
public class StatsService {

	private final SnapshotCollector collector;

	private final Duration maxAge;

	private final AtomicLong droppedTargets = new AtomicLong();

	private final AtomicLong droppedSessions = new AtomicLong();

	private final AtomicLong droppedDevices = new AtomicLong();

	private final AtomicLong walks = new AtomicLong();

	private @Nullable ScstSnapshot last;

	private long lastNanos;

	public StatsService(ScstSysfs sysfs, ScstService scst, MetricsProperties properties) {
		this.collector = new SnapshotCollector(sysfs, scst, properties);
		this.maxAge = properties.maxAge();
	}

	/**
	 * The current snapshot: the last one while it is younger than the configured maximum
	 * age, a new walk otherwise.
	 * @return the snapshot
	 */
	public synchronized ScstSnapshot snapshot() {
		ScstSnapshot snapshot = this.last;
		if (snapshot != null && System.nanoTime() - this.lastNanos < this.maxAge.toNanos()) {
			return snapshot;
		}
		long started = System.nanoTime();
		snapshot = this.collector.collect();
		this.walks.incrementAndGet();
		this.droppedTargets.addAndGet(snapshot.dropped().targets());
		this.droppedSessions.addAndGet(snapshot.dropped().sessions());
		this.droppedDevices.addAndGet(snapshot.dropped().devices());
		this.last = snapshot;
		this.lastNanos = started;
		return snapshot;
	}

	/** How many times the tree was walked for counters since start-up. */
	public long walks() {
		return this.walks.get();
	}

	/** Objects left out by the caps, summed over every snapshot taken. */
	ScstSnapshot.Dropped droppedTotals() {
		return new ScstSnapshot.Dropped((int) Math.min(Integer.MAX_VALUE, this.droppedTargets.get()),
				(int) Math.min(Integer.MAX_VALUE, this.droppedSessions.get()),
				(int) Math.min(Integer.MAX_VALUE, this.droppedDevices.get()));
	}

	/** Which objects exist now (no counters read). */
	public TreeStructure structure() {
		return this.collector.structure();
	}

}
