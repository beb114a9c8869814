package io.scst.manager.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.scst.manager.metrics.ScstSnapshot.DeviceStats;
import io.scst.manager.metrics.ScstSnapshot.DifFailures;
import io.scst.manager.metrics.ScstSnapshot.DirectionStats;
import io.scst.manager.metrics.ScstSnapshot.Dropped;
import io.scst.manager.metrics.ScstSnapshot.SessionStats;
import io.scst.manager.metrics.ScstSnapshot.TargetStats;
import io.scst.manager.scst.ScstService;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.SysfsException;
import io.scst.manager.sysfs.model.AttributeFile;
import io.scst.manager.sysfs.model.DeviceNode;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.model.SessionNode;
import io.scst.manager.sysfs.model.TargetDriverNode;
import io.scst.manager.sysfs.model.TargetNode;
import org.jspecify.annotations.Nullable;

/**
 * Walks the SCST tree and returns what the metrics need. Objects that vanish during the
 * walk are left out rather than failing the walk; objects beyond the caps are counted,
 * not read.
 * <p>
 * Every walk lists which targets, sessions and devices exist and reads every session's
 * counter files. What changes only through management writes (the <em>layout</em>: which
 * counter files each session has, the LUN counts of targets, each device's handler, size,
 * block size, read-only flag and exported LUNs) is kept from the walk that read it and
 * read again when it may have changed: after any write through this server's gateway,
 * when a target or device appeared or disappeared, when a read of it failed (an object
 * vanished while it was read), and when it is older than
 * {@code scst.metrics.structure-max-age}.
 */
final class SnapshotCollector {

	private final ScstSysfs sysfs;

	private final Scst tree;

	private final ScstService scst;

	private final MetricsProperties properties;

	/** The layout the last walk used; guarded by {@code this}. */
	private @Nullable Layout layout;

	/** Reads that failed while the layout was read; guarded by {@code this}. */
	private int failures;

	SnapshotCollector(ScstSysfs sysfs, ScstService scst, MetricsProperties properties) {
		this.sysfs = sysfs;
		this.tree = Scst.of(sysfs);
		this.scst = scst;
		this.properties = properties;
	}

	/** Walk the tree: every counter, and the layout when it has to be read again. */
	synchronized ScstSnapshot collect() {
		Instant takenAt = Instant.now();
		long start = System.nanoTime();
		if (!this.tree.available()) {
			this.layout = null;
			return ScstSnapshot.unavailable(takenAt, Duration.ofNanos(System.nanoTime() - start));
		}
		long writes = this.sysfs.writes();
		String version = optional(this.scst::version);
		Long threads = number(this.tree.threads());
		Long suspended = number(this.tree.suspend());
		Map<String, Long> localStats = null;
		List<TargetEntry> live = new ArrayList<>();
		for (String driver : counted(this.tree::targetDriverNames)) {
			if (driver.equals(ScstTree.SCST_LOCAL)) {
				localStats = localStats();
			}
			TargetDriverNode driverNode = this.tree.targetDriver(driver);
			for (String target : counted(driverNode::targetNames)) {
				live.add(new TargetEntry(driver, target, counted(driverNode.target(target)::sessionNames)));
			}
		}
		List<String> liveDevices = new ArrayList<>(counted(this.tree::deviceNames));
		Layout previous = this.layout;
		Layout layout = (previous != null
				&& previous.reusable(writes, start, this.properties.structureMaxAge(), live, liveDevices)) ? previous
						: readLayout(writes, start, live, liveDevices);
		List<TargetStats> targets = new ArrayList<>();
		List<SessionStats> sessions = new ArrayList<>();
		Map<SessionKey, SessionFiles> known = (previous != null && layout == previous) ? previous.sessions() : Map.of();
		boolean vanished = false;
		Map<SessionKey, SessionFiles> sessionFiles = new HashMap<>(Math.max(16, known.size() * 2));
		int droppedTargets = 0;
		int droppedSessions = 0;
		for (TargetEntry target : live) {
			if (targets.size() >= this.properties.maxTargets()) {
				droppedTargets++;
				droppedSessions += target.sessions().size();
				continue;
			}
			targets.add(new TargetStats(target.driver(), target.target(), target.sessions().size(),
					layout.luns().getOrDefault(target.key(), 0)));
			for (String session : target.sessions()) {
				if (sessions.size() >= this.properties.maxSessions()) {
					droppedSessions++;
					continue;
				}
				SessionKey key = new SessionKey(target.driver(), target.target(), session);
				SessionFiles files = known.get(key);
				if (files == null) {
					files = sessionFiles(key);
				}
				SessionStats stats = (files != null) ? read(key, files) : null;
				if (stats != null) {
					sessions.add(stats);
					sessionFiles.put(key, files);
				}
				else {
					vanished = true;
				}
			}
		}
		this.layout = layout.withSessions(sessionFiles, !vanished);
		return new ScstSnapshot(takenAt, Duration.ofNanos(System.nanoTime() - start), true, version,
				(threads != null) ? threads.intValue() : null, (suspended != null) ? suspended.intValue() : null,
				targets, sessions, layout.devices(), localStats,
				new Dropped(droppedTargets, droppedSessions, layout.droppedDevices()));
	}

	/**
	 * Read the layout: the LUN counts of the targets within the cap, the devices within
	 * the cap. Session files are found as sessions are met.
	 */
	private Layout readLayout(long writes, long start, List<TargetEntry> live, List<String> liveDevices) {
		this.failures = 0;
		Map<String, Integer> luns = new HashMap<>();
		for (int i = 0; i < live.size() && i < this.properties.maxTargets(); i++) {
			TargetEntry target = live.get(i);
			luns.put(target.key(), lunCount(target.driver(), target.target()));
		}
		List<DeviceStats> devices = new ArrayList<>();
		int droppedDevices = 0;
		for (String name : liveDevices) {
			if (devices.size() >= this.properties.maxDevices()) {
				droppedDevices++;
				continue;
			}
			DeviceStats device = device(name);
			if (device != null) {
				devices.add(device);
			}
			else {
				this.failures++;
			}
		}
		return new Layout(writes, start, this.failures == 0, live.stream().map(TargetEntry::key).toList(),
				List.copyOf(liveDevices), luns, List.copyOf(devices), droppedDevices, Map.of());
	}

	/**
	 * Look at which objects exist, without reading any counter: what the watcher
	 * compares.
	 */
	TreeStructure structure() {
		if (!this.tree.available()) {
			return TreeStructure.EMPTY;
		}
		Set<String> targets = new TreeSet<>();
		Set<String> sessions = new TreeSet<>();
		for (String driver : quietly(this.tree::targetDriverNames)) {
			TargetDriverNode driverNode = this.tree.targetDriver(driver);
			for (String target : quietly(driverNode::targetNames)) {
				targets.add(TreeStructure.key(driver, target));
				for (String session : quietly(driverNode.target(target)::sessionNames)) {
					sessions.add(TreeStructure.key(driver, target, session));
				}
			}
		}
		Set<String> devices = new TreeSet<>(quietly(this.tree::deviceNames));
		return new TreeStructure(targets, sessions, devices);
	}

	/** Names from a listing, without counting a failure (for the watcher). */
	private static List<String> quietly(Supplier<List<String>> listing) {
		try {
			return listing.get();
		}
		catch (SysfsException ex) {
			return List.of();
		}
	}

	/** Which of the counter files a session shows, or {@code null} when it is gone. */
	private @Nullable SessionFiles sessionFiles(SessionKey key) {
		SessionNode session = this.tree.targetDriver(key.driver()).target(key.target()).session(key.session());
		Set<String> files;
		try {
			files = session.listing().names();
		}
		catch (SysfsException ex) {
			return null;
		}
		List<DirectionFiles> directions = new ArrayList<>();
		for (String direction : ScstTree.IO_DIRECTIONS) {
			String commands = ScstTree.sessionCommandCount(direction);
			if (files.contains(commands)) {
				directions.add(new DirectionFiles(direction, session.attribute(commands),
						present(session, files, ScstTree.sessionIoKilobytes(direction)),
						present(session, files, ScstTree.sessionUnalignedCount(direction))));
			}
		}
		for (String direction : ScstTree.COMMAND_ONLY_DIRECTIONS) {
			String commands = ScstTree.sessionCommandCount(direction);
			if (files.contains(commands)) {
				directions.add(new DirectionFiles(direction, session.attribute(commands), null, null));
			}
		}
		return new SessionFiles(session.initiatorNameFile(), present(session, files, ScstTree.SESSION_COMMANDS),
				present(session, files, ScstTree.SESSION_ACTIVE_COMMANDS), directions,
				present(session, files, ScstTree.DIF_CHECKS_FAILED));
	}

	private static @Nullable AttributeFile present(SessionNode session, Set<String> files, String name) {
		return files.contains(name) ? session.attribute(name) : null;
	}

	/**
	 * Read a session's files, each once; {@code null} when one of them is gone (the
	 * session vanished).
	 */
	private @Nullable SessionStats read(SessionKey key, SessionFiles files) {
		try {
			String initiator = files.initiator().value();
			List<DirectionStats> directions = new ArrayList<>(files.directions().size());
			for (DirectionFiles direction : files.directions()) {
				long commands = count(direction.commands());
				Long bytes = (direction.kilobytes() != null) ? count(direction.kilobytes()) * 1024 : null;
				Long unaligned = (direction.unaligned() != null) ? count(direction.unaligned()) : null;
				directions.add(new DirectionStats(direction.direction(), commands, bytes, unaligned));
			}
			List<DifFailures> dif = (files.dif() != null) ? difTable(files.dif().value()) : List.of();
			Long commands = (files.commands() != null) ? parseLong(files.commands().value()) : null;
			Long active = (files.active() != null) ? parseLong(files.active().value()) : null;
			return new SessionStats(key.driver(), key.target(), key.session(), initiator, commands, active, directions,
					dif);
		}
		catch (SysfsException ex) {
			return null;
		}
	}

	/** A counter: 0 when it does not parse. */
	private static long count(AttributeFile file) {
		Long value = parseLong(file.value());
		return (value != null) ? value : 0;
	}

	private @Nullable DeviceStats device(String name) {
		DeviceNode device = this.tree.device(name);
		try {
			Set<String> files = device.listing().names();
			String handler = files.contains(ScstTree.HANDLER_LINK) ? device.handlerLink().targetName() : null;
			Long size = files.contains(ScstTree.SIZE) ? number(device.attribute(ScstTree.SIZE)) : null;
			Long blockSize = files.contains(ScstTree.BLOCKSIZE) ? number(device.attribute(ScstTree.BLOCKSIZE)) : null;
			Long readOnly = files.contains(ScstTree.READ_ONLY) ? number(device.readOnly()) : null;
			int exported = files.contains(ScstTree.EXPORTED) ? count(device::exportedCount) : 0;
			return new DeviceStats(name, handler, size, blockSize, (readOnly != null) ? readOnly != 0 : null, exported);
		}
		catch (SysfsException ex) {
			return null;
		}
	}

	/** The LUNs of a target's own set and of all its initiator groups. */
	private int lunCount(String driver, String target) {
		TargetNode node = this.tree.targetDriver(driver).target(target);
		int luns = count(node.luns()::count);
		for (String group : counted(node::groupNames)) {
			luns += count(node.group(group).luns()::count);
		}
		return luns;
	}

	/** scst_local's {@code stats} line: {@code Aborts: 0, Device Resets: 0, ...}. */
	private @Nullable Map<String, Long> localStats() {
		String text = optional(() -> this.tree.targetDriver(ScstTree.SCST_LOCAL).stats().value());
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
	 * stage, tab-separated, as SCST prints it (scst/src/scst_sysfs.c).
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

	/** Names from a listing; none, counting a failure, when it fails. */
	private List<String> counted(Supplier<List<String>> listing) {
		try {
			return listing.get();
		}
		catch (SysfsException ex) {
			this.failures++;
			return List.of();
		}
	}

	/** A count from a listing; 0, counting a failure, when it fails. */
	private int count(IntSupplier listing) {
		try {
			return listing.getAsInt();
		}
		catch (SysfsException ex) {
			this.failures++;
			return 0;
		}
	}

	private @Nullable Long number(AttributeFile file) {
		String text = optional(file::value);
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

	private <T> @Nullable T optional(Supplier<T> read) {
		try {
			return read.get();
		}
		catch (SysfsException ex) {
			this.failures++;
			return null;
		}
	}

	/** A target as listed by this walk, with its session entries. */
	private record TargetEntry(String driver, String target, List<String> sessions) {

		String key() {
			return TreeStructure.key(this.driver, this.target);
		}

	}

	/** A session's identity in the tree. */
	private record SessionKey(String driver, String target, String session) {

	}

	/** The files of a session that a walk reads ({@code null}: the session has none). */
	private record SessionFiles(AttributeFile initiator, @Nullable AttributeFile commands,
			@Nullable AttributeFile active, List<DirectionFiles> directions, @Nullable AttributeFile dif) {

	}

	/** The counter files of one data direction. */
	private record DirectionFiles(String direction, AttributeFile commands, @Nullable AttributeFile kilobytes,
			@Nullable AttributeFile unaligned) {

	}

	/**
	 * What a walk read of the layout and when.
	 *
	 * @param writes the gateway's write count before it was read
	 * @param readAt {@link System#nanoTime()} before it was read
	 * @param complete whether every read of it succeeded
	 * @param targets every target ({@code driver/target}) as listed then, in tree order
	 * @param deviceNames every device as listed then, in tree order
	 * @param luns the LUN count of each target within the cap
	 * @param devices the devices within the cap that could be read
	 * @param droppedDevices devices beyond the cap
	 * @param sessions the files of each session met by the last walk
	 */
	private record Layout(long writes, long readAt, boolean complete, List<String> targets, List<String> deviceNames,
			Map<String, Integer> luns, List<DeviceStats> devices, int droppedDevices,
			Map<SessionKey, SessionFiles> sessions) {

		/**
		 * Whether a walk that started at {@code now} may use this layout: nothing was
		 * written through the gateway since it was read, every read of it succeeded, it
		 * is younger than {@code maxAge} and the same targets and devices exist.
		 */
		boolean reusable(long writes, long now, Duration maxAge, List<TargetEntry> live, List<String> liveDevices) {
			if (!this.complete || writes != this.writes || now - this.readAt >= maxAge.toNanos()
					|| live.size() != this.targets.size() || !liveDevices.equals(this.deviceNames)) {
				return false;
			}
			for (int i = 0; i < live.size(); i++) {
				if (!live.get(i).key().equals(this.targets.get(i))) {
					return false;
				}
			}
			return true;
		}

		/**
		 * This layout with the session files of the walk that used it; incomplete when a
		 * session vanished during that walk.
		 */
		Layout withSessions(Map<SessionKey, SessionFiles> sessions, boolean allRead) {
			return new Layout(this.writes, this.readAt, this.complete && allRead, this.targets, this.deviceNames,
					this.luns, this.devices, this.droppedDevices, sessions);
		}

	}

}
