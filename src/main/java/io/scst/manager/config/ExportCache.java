package io.scst.manager.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstTree;

/**
 * What the last save read of each device and target, so that the next save reads again
 * only what changed since: the save after a change through this server lists the
 * handlers' and drivers' directories (which objects exist), reads the core, handler and
 * driver attributes, and reads a device or target only when a step of a change wrote
 * below it in a way whose effect is not certain (or, for a deleted device, when a kept
 * target had a LUN of it). Where the effect is certain ({@link StepEffects}: devices
 * created with parameters whose {@code [key]} marks are known, scst_local targets and
 * sessions, LUNs, groups and initiators), the kept object is updated from the step and
 * nothing is read.
 * <p>
 * The kernel tree stays the truth, within stated bounds: everything is read again when a
 * change did not write exactly the writes its steps announce (a write through the gateway
 * outside the change pipeline, a failed or undone change) and when a write's path is not
 * understood; and each object is read again once it was read (or created by a step) more
 * than {@code maxAgeNanos} ago (a change made by another tool to an object this server
 * did not touch shows in the saved file at the latest at the first save after that age).
 * The cache holds one entry per live device and target (entries of objects that are gone
 * are dropped at every save).
 * <p>
 * Thread-safe: every method is synchronized.
 */
final class ExportCache {

	private final long maxAgeNanos;

	private final Map<String, LiveState.LiveDevice> devices = new HashMap<>();

	/** By driver, then target entry name. */
	private final Map<String, Map<String, LiveState.LiveTarget>> targets = new HashMap<>();

	/**
	 * Takes what a step created or changed from the step itself, where that is certain.
	 */
	private final StepEffects effects;

	/** When each kept device was read or created (the clock's nanoseconds). */
	private final Map<String, Long> deviceSince = new HashMap<>();

	/** When each kept target was read or created, by driver, then entry name. */
	private final Map<String, Map<String, Long>> targetSince = new HashMap<>();

	private final LongSupplier clock;

	/** The gateway's write count when the cache last knew every write. */
	private long writes = -1;

	/**
	 * @param maxAgeNanos after how long a kept object is read again
	 */
	ExportCache(long maxAgeNanos) {
		this(maxAgeNanos, System::nanoTime);
	}

	/**
	 * @param maxAgeNanos after how long a kept object is read again
	 * @param clock nanoseconds, as {@link System#nanoTime()} (tests give their own)
	 */
	ExportCache(long maxAgeNanos, LongSupplier clock) {
		this.maxAgeNanos = maxAgeNanos;
		this.clock = clock;
		this.effects = new StepEffects(this.devices, this.targets, (name) -> this.deviceSince.put(name, now()),
				(driver, entry) -> targetSince(driver).put(entry, now()));
	}

	private long now() {
		return this.clock.getAsLong();
	}

	/**
	 * A save is about to read: drop the objects kept for too long, and everything when
	 * the gateway wrote something this cache was not told of.
	 * @param gatewayWrites the gateway's write count now
	 */
	synchronized void beforeRead(long gatewayWrites) {
		if (gatewayWrites != this.writes) {
			clear();
		}
		this.writes = gatewayWrites;
		long now = now();
		expire(this.deviceSince, this.devices, now);
		this.targetSince
			.forEach((driver, since) -> expire(since, this.targets.getOrDefault(driver, new HashMap<>()), now));
	}

	/** Drop the kept objects read or created longer ago than the bound. */
	private void expire(Map<String, Long> since, Map<String, ?> kept, long now) {
		since.entrySet().removeIf((entry) -> {
			boolean old = now - entry.getValue() > this.maxAgeNanos;
			if (old) {
				kept.remove(entry.getKey());
			}
			return old;
		});
	}

	private Map<String, Long> targetSince(String driver) {
		return this.targetSince.computeIfAbsent(driver, (key) -> new HashMap<>());
	}

	/**
	 * A change ran through the pipeline: forget what its steps wrote below.
	 * @param steps the change's steps
	 * @param completed whether every step was written (else everything is forgotten)
	 * @param gatewayWrites the gateway's write count after the change
	 */
	synchronized void changed(List<Step> steps, boolean completed, long gatewayWrites) {
		if (!completed || this.writes < 0 || gatewayWrites - this.writes != steps.size()) {
			clear();
			this.writes = -1;
			return;
		}
		this.writes = gatewayWrites;
		for (Step step : steps) {
			if (!this.effects.follow(step.write()) && !forget(step.write())) {
				clear();
				return;
			}
		}
	}

	/** Whether the write was understood (its objects forgotten). */
	private boolean forget(Write write) {
		ScstPath path;
		String line = null;
		if (write instanceof Write.Mgmt mgmt) {
			path = mgmt.command().file();
			line = mgmt.command().line();
		}
		else if (write instanceof Write.Attribute attribute) {
			path = attribute.path();
		}
		else {
			return false;
		}
		List<String> parts = path.segments();
		if (parts.isEmpty()) {
			return false;
		}
		String top = parts.get(0);
		if (parts.size() == 1) {
			// a core attribute: read at every save anyway
			return !top.equals(ScstTree.MGMT);
		}
		if (top.equals(ScstTree.DEVICES.name())) {
			this.devices.remove(parts.get(1));
			return true;
		}
		if (top.equals(ScstTree.HANDLERS.name())) {
			if (parts.size() == 3 && parts.get(2).equals(ScstTree.MGMT) && line != null) {
				String[] words = line.split(" ");
				if (words.length < 2) {
					return false;
				}
				this.devices.remove(words[1]);
				// the copy manager gets a LUN of every new device and loses it again: its
				// LUNs are never exported, so its kept target stays as it is
				if (words[0].equals("del_device")) {
					forgetTargetsUsing(words[1]);
				}
				return true;
			}
			// a handler attribute: read at every save anyway
			return parts.size() == 3;
		}
		if (top.equals(ScstTree.TARGET_DRIVERS.name())) {
			String driver = parts.get(1);
			if (parts.size() == 3) {
				if (!parts.get(2).equals(ScstTree.MGMT)) {
					// a driver attribute: read at every save anyway
					return true;
				}
				if (line == null) {
					return false;
				}
				String[] words = line.split(" ");
				if (words.length < 2) {
					return false;
				}
				forgetTarget(driver, ScstPath.entryName(words[1]));
				return true;
			}
			forgetTarget(driver, parts.get(2));
			return true;
		}
		return false;
	}

	private void forgetTarget(String driver, String entry) {
		Map<String, LiveState.LiveTarget> kept = this.targets.get(driver);
		if (kept != null) {
			kept.remove(entry);
		}
	}

	private void forgetTargetsUsing(String device) {
		this.targets.forEach((driver, kept) -> {
			if (!driver.equals(ScstTree.COPY_MANAGER)) {
				kept.values().removeIf((target) -> uses(target, device));
			}
		});
	}

	private static boolean uses(LiveState.LiveTarget target, String device) {
		if (target.luns().values().stream().anyMatch((lun) -> lun.device().equals(device))) {
			return true;
		}
		return target.groups()
			.values()
			.stream()
			.anyMatch((group) -> group.luns().values().stream().anyMatch((lun) -> lun.device().equals(device)));
	}

	/**
	 * A device as kept, or read now and kept.
	 * @param name the device
	 * @param reader reads it
	 * @return the device
	 */
	synchronized LiveState.LiveDevice device(String name, Supplier<LiveState.LiveDevice> reader) {
		LiveState.LiveDevice device = this.devices.get(name);
		if (device == null) {
			device = reader.get();
			this.devices.put(name, device);
			this.deviceSince.put(name, now());
		}
		return device;
	}

	/**
	 * A target as kept, or read now and kept.
	 * @param driver its driver
	 * @param name the target
	 * @param reader reads it
	 * @return the target
	 */
	synchronized LiveState.LiveTarget target(String driver, String name, Supplier<LiveState.LiveTarget> reader) {
		Map<String, LiveState.LiveTarget> kept = this.targets.computeIfAbsent(driver, (key) -> new HashMap<>());
		String entry = ScstPath.entryName(name);
		LiveState.LiveTarget target = kept.get(entry);
		if (target == null) {
			target = reader.get();
			kept.put(entry, target);
			targetSince(driver).put(entry, now());
		}
		return target;
	}

	/**
	 * Drop the entries of objects that are gone.
	 * @param devices the devices that exist
	 * @param targets the target names that exist, by driver
	 */
	synchronized void retain(Set<String> devices, Map<String, Set<String>> targets) {
		this.devices.keySet().removeIf((name) -> !devices.contains(name));
		this.deviceSince.keySet().removeIf((name) -> !this.devices.containsKey(name));
		this.targets.entrySet().removeIf((driver) -> {
			Set<String> names = targets.get(driver.getKey());
			if (names == null) {
				return true;
			}
			driver.getValue().keySet().removeIf((entry) -> !names.contains(ScstTree.objectName(entry)));
			return false;
		});
		this.targetSince.entrySet().removeIf((driver) -> {
			Map<String, LiveState.LiveTarget> kept = this.targets.get(driver.getKey());
			if (kept == null) {
				return true;
			}
			driver.getValue().keySet().removeIf((entry) -> !kept.containsKey(entry));
			return false;
		});
	}

	/** Forget everything. */
	synchronized void clear() {
		this.devices.clear();
		this.targets.clear();
		this.deviceSince.clear();
		this.targetSince.clear();
	}

	/** How many objects are kept (for tests). */
	synchronized int size() {
		return this.devices.size() + this.targets.values().stream().mapToInt(Map::size).sum();
	}

}
