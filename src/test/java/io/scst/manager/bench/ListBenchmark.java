package io.scst.manager.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.scst.manager.device.DeviceService;
import io.scst.manager.device.HandlerService;
import io.scst.manager.group.InitiatorGroupService;
import io.scst.manager.lun.LunService;
import io.scst.manager.session.SessionService;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScsiDevices;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import io.scst.manager.target.TargetDriverService;
import io.scst.manager.target.TargetService;
import io.scst.manager.web.Page;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The big list services in-process (no HTTP, no JSON) on the full large state: time per
 * call (this thread's CPU time, the mean of batches of calls after a warm-up of
 * {@code bench.warmup-ms}) and gateway operations per listed item, by operation. Excluded
 * from the build; run with
 * {@code ./mvnw -o test -Dtest=ListBenchmark -Dsurefire.excludedGroups=none}
 * ({@code -Dbench.lists=devices} for only the lists whose name starts so).
 */
@Tag("benchmark")
class ListBenchmark {

	private static final int RUNS = Integer.getInteger("bench.runs", 7);

	/** CPU time of this thread: what a call costs, whatever else the machine runs. */
	private static final java.lang.management.ThreadMXBean THREAD = java.lang.management.ManagementFactory
		.getThreadMXBean();

	private static final long WARMUP_MILLIS = Long.getLong("bench.warmup-ms", 2000);

	@Test
	void bigListsOnTheFullState() {
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults())) {
			ScstSysfs sysfs = new SimulatedScstSysfs(simulator);
			LargeState.Counts counts = LargeState.build(sysfs, 1);
			Map<String, Function<ScstSysfs, List<?>>> lists = new LinkedHashMap<>();
			lists.put("devices", (gateway) -> new DeviceService(gateway, new HandlerService(gateway)).list(null));
			lists.put("devices ?limit=100",
					(gateway) -> new DeviceService(gateway, new HandlerService(gateway)).list(null, Page.first(100))
						.items());
			lists.put("targets", (gateway) -> targets(gateway, simulator).list(LargeState.DRIVER));
			lists.put("targets ?limit=100",
					(gateway) -> targets(gateway, simulator).list(LargeState.DRIVER, Page.first(100)).items());
			lists.put("handlers", (gateway) -> new HandlerService(gateway).list());
			lists.put("LUNs of a target",
					(gateway) -> new LunService(gateway).list(LargeState.DRIVER, LargeState.target(0), null));
			lists.put("sessions of a target",
					(gateway) -> new SessionService(gateway, new SimulatedScsiDevices(simulator),
							drivers(gateway, simulator), targets(gateway, simulator))
						.list(LargeState.DRIVER, LargeState.target(0)));
			lists.put("ini-groups of a target",
					(gateway) -> new InitiatorGroupService(gateway, new LunService(gateway))
						.list(LargeState.DRIVER, LargeState.target(0), Page.all())
						.items());
			System.out.println("==== list benchmark (" + counts + ") ====");
			for (Map.Entry<String, Function<ScstSysfs, List<?>>> list : lists.entrySet()) {
				if (!list.getKey().startsWith(System.getProperty("bench.lists", ""))) {
					continue;
				}
				Bench.Recorder recorder = new Bench.Recorder(sysfs);
				int items = list.getValue().apply(recorder.sysfs).size();
				Map<String, Integer> operations = new TreeMap<>();
				recorder.reads.forEach((read) -> operations.merge(read.operation(), 1, Integer::sum));
				// warm up for a while (the JIT), then each run is the mean of a batch of
				// calls taking about 200 ms
				long warmEnd = System.nanoTime() + WARMUP_MILLIS * 1_000_000L;
				int batch = 0;
				while (System.nanoTime() < warmEnd) {
					list.getValue().apply(sysfs);
					batch++;
				}
				batch = Math.max(1, (int) (batch * 200L / WARMUP_MILLIS));
				List<Double> millis = new ArrayList<>();
				for (int run = 0; run < RUNS; run++) {
					long start = THREAD.getCurrentThreadCpuTime();
					for (int i = 0; i < batch; i++) {
						list.getValue().apply(sysfs);
					}
					millis.add((THREAD.getCurrentThreadCpuTime() - start) / 1e6 / batch);
				}
				System.out.println(Bench.summary(list.getKey() + " (" + items + " items)", millis, "ms CPU"));
				System.out.println(String.format(Locale.ROOT, "  gateway operations: %d (%.1f per item) %s",
						recorder.reads.size(), (double) recorder.reads.size() / Math.max(items, 1), operations));
			}
		}
	}

	private static TargetService targets(ScstSysfs sysfs, ScstSimulator simulator) {
		return new TargetService(sysfs, drivers(sysfs, simulator));
	}

	private static TargetDriverService drivers(ScstSysfs sysfs, ScstSimulator simulator) {
		return new TargetDriverService(sysfs, new SimulatedScsiDevices(simulator));
	}

}
