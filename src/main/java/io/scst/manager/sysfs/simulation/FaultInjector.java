package io.scst.manager.sysfs.simulation;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;

/**
 * Faults for tests: slow down the work behind a path, make the next operations on a path
 * fail with an errno, or make them answer {@code EAGAIN} while the work goes on in the
 * background, as SCST does when its mutex is held for longer than its wait.
 */
public final class FaultInjector {

	private final Map<ScstPath, Duration> delays = new ConcurrentHashMap<>();

	private final Map<ScstPath, Forced> writeErrors = new ConcurrentHashMap<>();

	private final Map<ScstPath, Forced> readErrors = new ConcurrentHashMap<>();

	private final Map<ScstPath, AtomicInteger> writeEagains = new ConcurrentHashMap<>();

	private final Map<ScstPath, AtomicInteger> readEagains = new ConcurrentHashMap<>();

	private volatile Duration eagainThreshold = Duration.ofSeconds(15);

	/**
	 * Make the work behind every write or queued read of {@code path} take {@code delay}
	 * (holding SCST's management mutex, so later work waits too).
	 */
	public FaultInjector delay(ScstPath path, Duration delay) {
		this.delays.put(path, delay);
		return this;
	}

	/** Make the next {@code times} writes to {@code path} fail with {@code errno}. */
	public FaultInjector failWrites(ScstPath path, Errno errno, int times) {
		this.writeErrors.put(path, new Forced(errno, new AtomicInteger(times)));
		return this;
	}

	/** Make the next {@code times} reads of {@code path} fail with {@code errno}. */
	public FaultInjector failReads(ScstPath path, Errno errno, int times) {
		this.readErrors.put(path, new Forced(errno, new AtomicInteger(times)));
		return this;
	}

	/**
	 * Make the next {@code times} writes to {@code path} answer {@code EAGAIN} at once
	 * while their work still runs (queued attributes only, as in the kernel).
	 */
	public FaultInjector eagainWrites(ScstPath path, int times) {
		this.writeEagains.put(path, new AtomicInteger(times));
		return this;
	}

	/** Make the next {@code times} reads of {@code path} answer {@code EAGAIN}. */
	public FaultInjector eagainReads(ScstPath path, int times) {
		this.readEagains.put(path, new AtomicInteger(times));
		return this;
	}

	/**
	 * How long a writer waits for queued work before answering {@code EAGAIN}; the kernel
	 * waits 15 s.
	 */
	public FaultInjector eagainThreshold(Duration threshold) {
		this.eagainThreshold = threshold;
		return this;
	}

	/** Remove every fault and restore the 15 s threshold. */
	public void clear() {
		this.delays.clear();
		this.writeErrors.clear();
		this.readErrors.clear();
		this.writeEagains.clear();
		this.readEagains.clear();
		this.eagainThreshold = Duration.ofSeconds(15);
	}

	Duration eagainThreshold() {
		return this.eagainThreshold;
	}

	Duration delayOf(ScstPath path) {
		return this.delays.getOrDefault(path, Duration.ZERO);
	}

	@Nullable Errno takeWriteError(ScstPath path) {
		return take(this.writeErrors, path);
	}

	@Nullable Errno takeReadError(ScstPath path) {
		return take(this.readErrors, path);
	}

	boolean takeWriteEagain(ScstPath path) {
		return takeCount(this.writeEagains, path);
	}

	boolean takeReadEagain(ScstPath path) {
		return takeCount(this.readEagains, path);
	}

	private static @Nullable Errno take(Map<ScstPath, Forced> map, ScstPath path) {
		Forced forced = map.get(path);
		if (forced == null || forced.remaining.getAndDecrement() <= 0) {
			return null;
		}
		return forced.errno;
	}

	private static boolean takeCount(Map<ScstPath, AtomicInteger> map, ScstPath path) {
		AtomicInteger remaining = map.get(path);
		return remaining != null && remaining.getAndDecrement() > 0;
	}

	private record Forced(Errno errno, AtomicInteger remaining) {
	}

}
