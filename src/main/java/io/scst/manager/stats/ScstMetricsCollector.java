package io.scst.manager.stats;

import java.util.ArrayList;
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
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.scst.manager.stats.ScstSnapshot.DeviceStats;
import io.scst.manager.stats.ScstSnapshot.DifFailures;
import io.scst.manager.stats.ScstSnapshot.DirectionStats;
import io.scst.manager.stats.ScstSnapshot.SessionStats;
import io.scst.manager.stats.ScstSnapshot.TargetStats;
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

	ScstMetricsCollector(StatsService stats) {
		this.stats = stats;
	}

	@Override
	public MetricSnapshots collect() {
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

	private static void addSessions(List<SessionStats> sessions, List<MetricSnapshot> out) {
		if (sessions.isEmpty()) {
			return;
		}
		List<GaugeDataPointSnapshot> inFlight = new ArrayList<>();
		List<GaugeDataPointSnapshot> active = new ArrayList<>();
		List<CounterDataPointSnapshot> commands = new ArrayList<>();
		List<CounterDataPointSnapshot> bytes = new ArrayList<>();
		List<CounterDataPointSnapshot> unaligned = new ArrayList<>();
		List<CounterDataPointSnapshot> dif = new ArrayList<>();
		for (SessionStats session : sessions) {
			String[] values = { session.driver(), session.target(), session.session(), session.initiator() };
			Labels labels = Labels.of(SESSION_LABELS, values);
			if (session.commands() != null) {
				inFlight.add(point(labels, session.commands()));
			}
			if (session.activeCommands() != null) {
				active.add(point(labels, session.activeCommands()));
			}
			for (DirectionStats direction : session.directions()) {
				Labels withDirection = labels.add("direction", direction.direction());
				commands.add(counterPoint(withDirection, direction.commands()));
				if (direction.bytes() != null) {
					bytes.add(counterPoint(withDirection, direction.bytes()));
				}
				if (direction.unalignedCommands() != null) {
					unaligned.add(counterPoint(withDirection, direction.unalignedCommands()));
				}
			}
			for (DifFailures cell : session.difChecksFailed()) {
				dif.add(counterPoint(labels.add("stage", cell.stage()).add("check", cell.check()), cell.count()));
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
		GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
		points.forEach(builder::dataPoint);
		return builder.build();
	}

	/** A counter family; the exposition adds {@code _total} to {@code name}. */
	private static CounterSnapshot counter(String name, String help, List<CounterDataPointSnapshot> points) {
		CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
		points.forEach(builder::dataPoint);
		return builder.build();
	}

	private static GaugeDataPointSnapshot point(Labels labels, double value) {
		return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
	}

	private static CounterDataPointSnapshot counterPoint(Labels labels, double value) {
		return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
	}

	/** {@code Device Resets} → {@code device_resets}. */
	static String snake(String name) {
		return name.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
	}

}
