package io.scst.manager.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot;
import io.prometheus.metrics.model.snapshots.InfoSnapshot.InfoDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricMetadata;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.scst.manager.metrics.ScstSnapshot.DeviceStats;
import io.scst.manager.metrics.ScstSnapshot.DifFailures;
import io.scst.manager.metrics.ScstSnapshot.DirectionStats;
import io.scst.manager.metrics.ScstSnapshot.SessionStats;
import io.scst.manager.metrics.ScstSnapshot.TargetStats;
import org.jspecify.annotations.Nullable;

/**
 * The SCST series of a scrape, built from ONE snapshot per scrape (see
 * {@link StatsService#snapshot()}). Nothing is registered per object: the series are
 * produced from the snapshot on every scrape, so sessions and devices that went away
 * leave no series behind.
 * <p>
 * SCST's command and byte counters are exported as counters ({@code _total}) although a
 * write to a counter file resets it: Prometheus treats a decrease of a counter as a
 * reset, which is exactly what such a write is, so {@code rate()} and {@code increase()}
 * stay right. Commands in flight, sizes and object counts are gauges.
 */
final class ScstMetricsCollector implements MultiCollector {

	private static final String[] SESSION_LABELS = { "driver", "target", "session", "initiator" };

	private final StatsService stats;

	/** The labels of the sessions of the last scrape; guarded by {@code this}. */
	private Map<LabelKey, SessionLabels> sessionLabels = Map.of();

	ScstMetricsCollector(StatsService stats) {
		this.stats = stats;
	}

	@Override
	public synchronized MetricSnapshots collect() {
		ScstSnapshot snapshot = this.stats.snapshot();
		List<MetricSnapshot> out = new ArrayList<>();
		out.add(gauge("scst_up", "Whether the SCST sysfs tree was there at the last walk (1) or not (0)",
				List.of(point(Labels.EMPTY, snapshot.available() ? 1 : 0))));
		out.add(gauge("scst_snapshot_duration_seconds", "How long the last walk of the SCST tree took",
				List.of(point(Labels.EMPTY, snapshot.took().toNanos() / 1e9))));
		if (snapshot.version() != null) {
			out.add(InfoSnapshot.builder()
				.name("scst_build")
				.help("The SCST core version")
				.dataPoint(InfoDataPointSnapshot.builder().labels(Labels.of("version", snapshot.version())).build())
				.build());
		}
		if (snapshot.threads() != null) {
			out.add(gauge("scst_threads", "SCST's global I/O threads",
					List.of(point(Labels.EMPTY, snapshot.threads()))));
		}
		if (snapshot.suspendCount() != null) {
			out.add(gauge("scst_io_suspended",
					"How many times SCST's I/O is suspended now (0: running; above 0, initiators wait)",
					List.of(point(Labels.EMPTY, snapshot.suspendCount()))));
		}
		addTargets(snapshot.targets(), out);
		addSessions(snapshot.sessions(), out);
		addDevices(snapshot.devices(), out);
		Map<String, Long> local = snapshot.localDriverStats();
		if (local != null) {
			List<CounterDataPointSnapshot> points = new ArrayList<>();
			local.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((e) -> points.add(counterPoint(Labels.of("kind", snake(e.getKey())), e.getValue())));
			out.add(counter("scst_local_error_handler_requests",
					"scst_local's SCSI error-handler requests since the module was loaded (its stats file)", points));
		}
		ScstSnapshot.Dropped dropped = this.stats.droppedTotals();
		out.add(counter("scst_metrics_dropped_objects",
				"Objects (and so their series) left out of snapshots by the scst.metrics.max-* caps",
				List.of(counterPoint(Labels.of("kind", "device"), dropped.devices()),
						counterPoint(Labels.of("kind", "session"), dropped.sessions()),
						counterPoint(Labels.of("kind", "target"), dropped.targets()))));
		return new MetricSnapshots(out);
	}

	private static void addTargets(List<TargetStats> targets, List<MetricSnapshot> out) {
		if (targets.isEmpty()) {
			return;
		}
		List<GaugeDataPointSnapshot> sessions = new ArrayList<>();
		List<GaugeDataPointSnapshot> luns = new ArrayList<>();
		for (TargetStats target : targets) {
			Labels labels = Labels.of("driver", target.driver(), "target", target.target());
			sessions.add(point(labels, target.sessions()));
			luns.add(point(labels, target.luns()));
		}
		out.add(gauge("scst_target_sessions", "Sessions of a target", sessions));
		out.add(gauge("scst_target_luns", "LUNs of a target (its own LUN set and its initiator groups')", luns));
	}

	/**
	 * The session families. Each session's labels are built once and kept while the
	 * session exists; the points of each family are produced in label order, the order
	 * the exposition sorts them into anyway, so that sorting costs one pass.
	 */
	private void addSessions(List<SessionStats> sessions, List<MetricSnapshot> out) {
		Map<LabelKey, SessionLabels> kept = this.sessionLabels;
		Map<LabelKey, SessionLabels> next = new HashMap<>(Math.max(16, sessions.size() * 2));
		List<SessionLabels> sorted = new ArrayList<>(sessions.size());
		for (SessionStats session : sessions) {
			LabelKey key = new LabelKey(session.driver(), session.target(), session.session(), session.initiator());
			SessionLabels labels = kept.get(key);
			if (labels == null) {
				labels = new SessionLabels(key);
			}
			labels.stats = session;
			next.put(key, labels);
			sorted.add(labels);
		}
		this.sessionLabels = next;
		sorted.sort(SessionLabels.LABEL_ORDER);
		if (sorted.isEmpty()) {
			return;
		}
		List<GaugeDataPointSnapshot> inFlight = new ArrayList<>(sorted.size());
		List<GaugeDataPointSnapshot> active = new ArrayList<>(sorted.size());
		for (SessionLabels labels : sorted) {
			if (labels.stats.commands() != null) {
				inFlight.add(new GaugeDataPointSnapshot(labels.stats.commands(), labels.base, null));
			}
			if (labels.stats.activeCommands() != null) {
				active.add(new GaugeDataPointSnapshot(labels.stats.activeCommands(), labels.base, null));
			}
		}
		int size = sorted.size() * SessionLabels.DIRECTIONS.size();
		List<CounterDataPointSnapshot> commands = new ArrayList<>(size);
		List<CounterDataPointSnapshot> bytes = new ArrayList<>(size);
		List<CounterDataPointSnapshot> unaligned = new ArrayList<>(size);
		for (int d : SessionLabels.DIRECTIONS_BY_NAME) {
			String name = SessionLabels.DIRECTIONS.get(d);
			for (SessionLabels labels : sorted) {
				DirectionStats direction = labels.direction(name);
				if (direction == null) {
					continue;
				}
				Labels withDirection = labels.direction(d);
				commands.add(new CounterDataPointSnapshot(direction.commands(), withDirection, null, 0));
				if (direction.bytes() != null) {
					bytes.add(new CounterDataPointSnapshot(direction.bytes(), withDirection, null, 0));
				}
				if (direction.unalignedCommands() != null) {
					unaligned.add(new CounterDataPointSnapshot(direction.unalignedCommands(), withDirection, null, 0));
				}
			}
		}
		List<CounterDataPointSnapshot> dif = new ArrayList<>();
		for (SessionLabels labels : sorted) {
			for (DifFailures cell : labels.stats.difChecksFailed()) {
				dif.add(new CounterDataPointSnapshot(cell.count(),
						labels.base.add("stage", cell.stage()).add("check", cell.check()), null, 0));
			}
		}
		addGauge(out, "scst_session_commands_in_flight", "Commands of a session inside SCST now", inFlight);
		addGauge(out, "scst_session_active_commands", "Active commands of a session (sum over its LUNs)", active);
		addCounter(out, "scst_session_completed_commands",
				"Completed commands of a session by data direction (reset when its counter file is written)", commands);
		addCounter(out, "scst_session_transferred_bytes",
				"Bytes transferred by a session by data direction (SCST counts KiB; bidi counts both ways)", bytes);
		addCounter(out, "scst_session_unaligned_commands",
				"Completed commands of a session whose offset or length is not 4 KiB aligned", unaligned);
		addCounter(out, "scst_session_dif_checks_failed",
				"DIF check failures of a session by stage and tag (DIF-capable targets only)", dif);
	}

	private static void addDevices(List<DeviceStats> devices, List<MetricSnapshot> out) {
		if (devices.isEmpty()) {
			return;
		}
		List<InfoDataPointSnapshot> info = new ArrayList<>();
		List<GaugeDataPointSnapshot> size = new ArrayList<>();
		List<GaugeDataPointSnapshot> blockSize = new ArrayList<>();
		List<GaugeDataPointSnapshot> readOnly = new ArrayList<>();
		List<GaugeDataPointSnapshot> exported = new ArrayList<>();
		for (DeviceStats device : devices) {
			Labels labels = Labels.of("device", device.device());
			info.add(InfoDataPointSnapshot.builder()
				.labels(labels.add("handler", (device.handler() != null) ? device.handler() : ""))
				.build());
			addIfPresent(size, labels, device.sizeBytes());
			addIfPresent(blockSize, labels, device.blockSize());
			if (device.readOnly() != null) {
				readOnly.add(point(labels, device.readOnly() ? 1 : 0));
			}
			exported.add(point(labels, device.exportedLuns()));
		}
		InfoSnapshot.Builder infoBuilder = InfoSnapshot.builder()
			.name("scst_device")
			.help("A device with its handler as a label (value 1)");
		info.forEach(infoBuilder::dataPoint);
		out.add(infoBuilder.build());
		addGauge(out, "scst_device_size_bytes", "Size of a device", size);
		addGauge(out, "scst_device_block_size_bytes", "Logical block size of a device", blockSize);
		addGauge(out, "scst_device_read_only", "Whether a device is read-only (1) or not (0)", readOnly);
		addGauge(out, "scst_device_exported_luns", "LUNs that export a device", exported);
	}

	private static void addIfPresent(List<GaugeDataPointSnapshot> points, Labels labels, @Nullable Long value) {
		if (value != null) {
			points.add(point(labels, value));
		}
	}

	private static void addGauge(List<MetricSnapshot> out, String name, String help,
			List<GaugeDataPointSnapshot> points) {
		if (!points.isEmpty()) {
			out.add(gauge(name, help, points));
		}
	}

	private static void addCounter(List<MetricSnapshot> out, String name, String help,
			List<CounterDataPointSnapshot> points) {
		if (!points.isEmpty()) {
			out.add(counter(name, help, points));
		}
	}

	private static GaugeSnapshot gauge(String name, String help, List<GaugeDataPointSnapshot> points) {
		return new GaugeSnapshot(new MetricMetadata(name, help), points);
	}

	/** A counter family; the exposition adds {@code _total} to {@code name}. */
	private static CounterSnapshot counter(String name, String help, List<CounterDataPointSnapshot> points) {
		return new CounterSnapshot(new MetricMetadata(name, help), points);
	}

	private static GaugeDataPointSnapshot point(Labels labels, double value) {
		return new GaugeDataPointSnapshot(value, labels, null);
	}

	private static CounterDataPointSnapshot counterPoint(Labels labels, double value) {
		return new CounterDataPointSnapshot(value, labels, null, 0);
	}

	/** {@code Device Resets} → {@code device_resets}. */
	static String snake(String name) {
		return name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
	}

	/** What a session's labels are made of. */
	private record LabelKey(String driver, String target, String session, String initiator) {

	}

	/**
	 * A session's labels, built when the session is first met, and its counters of the
	 * current scrape.
	 */
	private static final class SessionLabels {

		/** The data directions in the order a snapshot lists them. */
		static final List<String> DIRECTIONS = List.of("read", "write", "bidi", "none", "unknown");

		/** Indexes into {@link #DIRECTIONS} in the order of the names. */
		static final int[] DIRECTIONS_BY_NAME = { 2, 3, 0, 4, 1 };

		/** The order of the labels {@code driver, initiator, session, target}. */
		static final Comparator<SessionLabels> LABEL_ORDER = Comparator
			.comparing((SessionLabels labels) -> labels.key.driver())
			.thenComparing((labels) -> labels.key.initiator())
			.thenComparing((labels) -> labels.key.session())
			.thenComparing((labels) -> labels.key.target());

		final LabelKey key;

		final Labels base;

		private final @Nullable Labels[] directions = new Labels[DIRECTIONS.size()];

		SessionStats stats;

		SessionLabels(LabelKey key) {
			this.key = key;
			this.base = Labels.of(SESSION_LABELS,
					new String[] { key.driver(), key.target(), key.session(), key.initiator() });
		}

		/** The base labels with {@code direction}, built once. */
		Labels direction(int index) {
			Labels labels = this.directions[index];
			if (labels == null) {
				labels = this.base.add("direction", DIRECTIONS.get(index));
				this.directions[index] = labels;
			}
			return labels;
		}

		@Nullable DirectionStats direction(String name) {
			for (DirectionStats direction : this.stats.directions()) {
				if (direction.direction().equals(name)) {
					return direction;
				}
			}
			return null;
		}

	}

}
