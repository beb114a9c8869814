package io.scst.manager.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.scst.manager.scst.ScstService;
import io.scst.manager.stats.ScstSnapshot.DeviceStats;
import io.scst.manager.stats.ScstSnapshot.DifFailures;
import io.scst.manager.stats.ScstSnapshot.DirectionStats;
import io.scst.manager.stats.ScstSnapshot.Dropped;
import io.scst.manager.stats.ScstSnapshot.SessionStats;
import io.scst.manager.stats.ScstSnapshot.TargetStats;
import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.SysfsException;
import org.jspecify.annotations.Nullable;

/**
 * Walks the SCST tree once and returns what the metrics need. Objects that vanish during
 * the walk are left out rather than failing the walk; objects beyond the caps are
 * counted, not read.
 */
final class SnapshotCollector {

	private final ScstSysfs sysfs;

	private final ScstService scst;

	private final MetricsProperties properties;

	SnapshotCollector(ScstSysfs sysfs, ScstService scst, MetricsProperties properties) {
		this.sysfs = sysfs;
		this.scst = scst;
		this.properties = properties;
	}

	/** Walk the whole tree (counters included). */
	ScstSnapshot collect() {
		Instant takenAt = Instant.now();
		long start = System.nanoTime();
		if (!this.sysfs.available()) {
			return ScstSnapshot.unavailable(takenAt, Duration.ofNanos(System.nanoTime() - start));
		}
		String version = optional(this.scst::version);
		Long threads = number(ScstTree.THREADS);
		List<TargetStats> targets = new ArrayList<>();
		List<SessionStats> sessions = new ArrayList<>();
		int droppedTargets = 0;
		int droppedSessions = 0;
		Map<String, Long> localStats = null;
		for (String driver : directories(ScstTree.TARGET_DRIVERS)) {
			if (driver.equals(ScstTree.SCST_LOCAL)) {
				localStats = localStats();
			}
			for (String targetEntry : directories(ScstTree.targetDriver(driver))) {
				String target = ScstTree.objectName(targetEntry);
				List<String> sessionEntries = directories(ScstTree.sessions(driver, target));
				if (targets.size() >= this.properties.maxTargets()) {
					droppedTargets++;
					droppedSessions += sessionEntries.size();
					continue;
				}
				targets.add(new TargetStats(driver, target, sessionEntries.size(), lunCount(driver, target)));
				for (String session : sessionEntries) {
					if (sessions.size() >= this.properties.maxSessions()) {
						droppedSessions++;
						continue;
					}
					SessionStats stats = session(driver, target, session);
					if (stats != null) {
						sessions.add(stats);
					}
				}
			}
		}
		List<DeviceStats> devices = new ArrayList<>();
		int droppedDevices = 0;
		for (Entry entry : list(ScstTree.DEVICES)) {
			if (entry.isFile()) {
				continue;
			}
			if (devices.size() >= this.properties.maxDevices()) {
				droppedDevices++;
				continue;
			}
			DeviceStats device = device(entry.name());
			if (device != null) {
				devices.add(device);
			}
		}
		return new ScstSnapshot(takenAt, Duration.ofNanos(System.nanoTime() - start), true, version,
				(threads != null) ? threads.intValue() : null, targets, sessions, devices, localStats,
				new Dropped(droppedTargets, droppedSessions, droppedDevices));
	}

	/**
	 * Look at which objects exist, without reading any counter: what the watcher
	 * compares.
	 */
	TreeStructure structure() {
		if (!this.sysfs.available()) {
			return TreeStructure.EMPTY;
		}
		Set<String> targets = new TreeSet<>();
		Set<String> sessions = new TreeSet<>();
		for (String driver : directories(ScstTree.TARGET_DRIVERS)) {
			for (String targetEntry : directories(ScstTree.targetDriver(driver))) {
				String target = ScstTree.objectName(targetEntry);
				targets.add(TreeStructure.key(driver, target));
				for (String session : directories(ScstTree.sessions(driver, target))) {
					sessions.add(TreeStructure.key(driver, target, session));
				}
			}
		}
		Set<String> devices = list(ScstTree.DEVICES).stream()
			.filter((entry) -> !entry.isFile())
			.map(Entry::name)
			.collect(Collectors.toCollection(TreeSet::new));
		return new TreeStructure(targets, sessions, devices);
	}

	private @Nullable SessionStats session(String driver, String target, String session) {
		ScstPath dir = ScstTree.session(driver, target, session);
		try {
			Set<String> files = names(this.sysfs.list(dir));
			String initiator = this.sysfs.read(dir.resolve(ScstTree.INITIATOR_NAME)).value();
			List<DirectionStats> directions = new ArrayList<>();
			for (String direction : ScstTree.IO_DIRECTIONS) {
				String commands = ScstTree.sessionCommandCount(direction);
				if (files.contains(commands)) {
					Long kb = files.contains(ScstTree.sessionIoKilobytes(direction))
							? numberOrZero(dir.resolve(ScstTree.sessionIoKilobytes(direction))) : null;
					Long unaligned = files.contains(ScstTree.sessionUnalignedCount(direction))
							? numberOrZero(dir.resolve(ScstTree.sessionUnalignedCount(direction))) : null;
					directions.add(new DirectionStats(direction, numberOrZero(dir.resolve(commands)),
							(kb != null) ? kb * 1024 : null, unaligned));
				}
			}
			for (String direction : ScstTree.COMMAND_ONLY_DIRECTIONS) {
				String commands = ScstTree.sessionCommandCount(direction);
				if (files.contains(commands)) {
					directions.add(new DirectionStats(direction, numberOrZero(dir.resolve(commands)), null, null));
				}
			}
			List<DifFailures> dif = files.contains(ScstTree.DIF_CHECKS_FAILED)
					? difTable(this.sysfs.read(dir.resolve(ScstTree.DIF_CHECKS_FAILED)).value()) : List.of();
			Long commands = files.contains(ScstTree.SESSION_COMMANDS) ? number(dir.resolve(ScstTree.SESSION_COMMANDS))
					: null;
			Long active = files.contains(ScstTree.SESSION_ACTIVE_COMMANDS)
					? number(dir.resolve(ScstTree.SESSION_ACTIVE_COMMANDS)) : null;
			return new SessionStats(driver, target, session, initiator, commands, active, directions, dif);
		}
		catch (SysfsException ex) {
			return null;
		}
	}

	private @Nullable DeviceStats device(String name) {
		ScstPath dir = ScstTree.device(name);
		try {
			Set<String> files = names(this.sysfs.list(dir));
			String handler = null;
			if (files.contains(ScstTree.HANDLER_LINK)) {
				String link = this.sysfs.readLink(dir.resolve(ScstTree.HANDLER_LINK));
				handler = link.substring(link.lastIndexOf('/') + 1);
			}
			Long size = files.contains(ScstTree.SIZE) ? number(dir.resolve(ScstTree.SIZE)) : null;
			Long blockSize = files.contains(ScstTree.BLOCKSIZE) ? number(dir.resolve(ScstTree.BLOCKSIZE)) : null;
			Long readOnly = files.contains(ScstTree.READ_ONLY) ? number(dir.resolve(ScstTree.READ_ONLY)) : null;
			int exported = files.contains(ScstTree.EXPORTED) ? list(ScstTree.deviceExported(name)).size() : 0;
			return new DeviceStats(name, handler, size, blockSize, (readOnly != null) ? readOnly != 0 : null, exported);
		}
		catch (SysfsException ex) {
			return null;
		}
	}

	/** The LUNs of a target's own set and of all its initiator groups. */
	private int lunCount(String driver, String target) {
		int luns = directories(ScstTree.luns(driver, target, null)).size();
		for (String group : directories(ScstTree.iniGroups(driver, target))) {
			luns += directories(ScstTree.luns(driver, target, ScstTree.objectName(group))).size();
		}
		return luns;
	}

	/** scst_local's {@code stats} line: {@code Aborts: 0, Device Resets: 0, ...}. */
	private @Nullable Map<String, Long> localStats() {
		String text = optional(
				() -> this.sysfs.read(ScstTree.targetDriver(ScstTree.SCST_LOCAL).resolve(ScstTree.DRIVER_STATS))
					.value());
		return (text != null) ? parseDriverStats(text) : Map.of();
	}

	static Map<String, Long> parseDriverStats(String text) {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String part : text.strip().split(",")) {
			int colon = part.indexOf(':');
			if (colon < 0) {
				continue;
			}
			Long value = parseLong(part.substring(colon + 1));
			if (value != null) {
				counts.put(part.substring(0, colon).strip(), value);
			}
		}
		return counts;
	}

	/**
	 * A {@code dif_checks_failed} table: a header row of check names, then one row per
	 * stage (tab-separated, spec 6.3).
	 */
	static List<DifFailures> difTable(String text) {
		String[] lines = text.split("\n");
		if (lines.length == 0) {
			return List.of();
		}
		String[] checks = lines[0].strip().split("\\s+");
		List<DifFailures> cells = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			String[] cols = lines[i].strip().split("\\s+");
			for (int c = 1; c < cols.length && c - 1 < checks.length; c++) {
				Long value = parseLong(cols[c]);
				if (value != null && !cols[0].isEmpty()) {
					cells.add(new DifFailures(cols[0], checks[c - 1], value));
				}
			}
		}
		return cells;
	}

	private List<String> directories(ScstPath dir) {
		return list(dir).stream().filter(Entry::isDirectory).map(Entry::name).toList();
	}

	private List<Entry> list(ScstPath dir) {
		try {
			return this.sysfs.list(dir);
		}
		catch (SysfsException ex) {
			return List.of();
		}
	}

	private static Set<String> names(List<Entry> entries) {
		Set<String> names = new TreeSet<>();
		for (Entry entry : entries) {
			names.add(entry.name());
		}
		return names;
	}

	private long numberOrZero(ScstPath path) {
		Long value = number(path);
		return (value != null) ? value : 0;
	}

	private @Nullable Long number(ScstPath path) {
		String text = optional(() -> this.sysfs.read(path).value());
		return (text != null) ? parseLong(text) : null;
	}

	private static @Nullable Long parseLong(String text) {
		String value = text.strip();
		int space = value.indexOf(' ');
		if (space > 0) {
			value = value.substring(0, space);
		}
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static <T> @Nullable T optional(java.util.function.Supplier<T> read) {
		try {
			return read.get();
		}
		catch (SysfsException ex) {
			return null;
		}
	}

}
