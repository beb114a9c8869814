package io.scst.manager.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.scst.manager.scst.ScstService;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: measures a scrape of the SCST series at 4,000 sessions and 16,000
 * LUNs on the simulator against the raw cost of reading the same session counter files
 * through the gateway, and prints medians and their ratio. Excluded from the build; run
 * with {@code ./mvnw -o test -Dtest=ScrapeBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class ScrapeBenchmark {

	private static final int TARGETS = 1000;

	private static final int SESSIONS_PER_TARGET = 4;

	private static final int LUNS_PER_TARGET = 16;

	private static final int DEVICES = 256;

	private static final int WARMUPS = 3;

	private static final int RUNS = Integer.getInteger("bench.runs", 9);

	@Test
	void scrapeAgainstRawCounterReads() throws IOException {
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults().withAddDefaultTarget(false))) {
			SimulatedScstSysfs sysfs = new SimulatedScstSysfs(simulator, Duration.ofSeconds(60),
					io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener.NONE);
			long setup = System.nanoTime();
			List<ScstPath> counterFiles = build(sysfs);
			System.out.printf(Locale.ROOT, "setup: %.1f s%n", (System.nanoTime() - setup) / 1e9);
			StatsService stats = stats(sysfs, Duration.ZERO, Duration.ofHours(1));
			ScstMetricsCollector collector = new ScstMetricsCollector(stats);
			ScstMetricsCollector rereading = new ScstMetricsCollector(stats(sysfs, Duration.ZERO, Duration.ZERO));
			PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

			ScstSnapshot check = stats.snapshot();
			assertThat(check.sessions()).hasSize(TARGETS * SESSIONS_PER_TARGET + 1);
			assertThat(check.targets().stream().mapToInt(ScstSnapshot.TargetStats::luns).sum())
				.isGreaterThanOrEqualTo(TARGETS * LUNS_PER_TARGET);
			ScstMetricsCollector fromCache = new ScstMetricsCollector(stats(sysfs, Duration.ofHours(1), Duration.ZERO));
			MetricSnapshots prebuilt = fromCache.collect();

			Phase raw = new Phase("raw counter reads");
			Phase scrape = new Phase("scrape, layout kept (walk + samples + text)");
			Phase cold = new Phase("scrape, layout read again (structure-max-age=0)");
			Phase walk = new Phase("profile: walk alone, layout kept");
			Phase samples = new Phase("profile: samples from a taken snapshot");
			Phase exposition = new Phase("profile: text exposition of built samples");
			int[] bytes = new int[1];
			for (int run = -WARMUPS; run < RUNS; run++) {
				raw.measure(run, () -> {
					long sum = 0;
					for (ScstPath file : counterFiles) {
						sum += sysfs.read(file).value().length();
					}
					assertThat(sum).isPositive();
				});
				scrape.measure(run, () -> {
					ByteArrayOutputStream out = new ByteArrayOutputStream();
					write(writer, out, collector.collect());
					bytes[0] = out.size();
				});
				cold.measure(run, () -> write(writer, new ByteArrayOutputStream(), rereading.collect()));
				walk.measure(run, stats::snapshot);
				samples.measure(run, fromCache::collect);
				exposition.measure(run, () -> write(writer, new ByteArrayOutputStream(), prebuilt));
			}
			System.out.printf(Locale.ROOT, "sessions=%d luns=%d counter files=%d exposition=%d bytes%n"
					+ "(%d runs after %d warm-ups, interleaved; in ms: wall-clock median and minimum, CPU time of "
					+ "this thread median; ratios = median / raw counter reads median)%n", check.sessions().size(),
					check.targets().stream().mapToInt(ScstSnapshot.TargetStats::luns).sum(), counterFiles.size(),
					bytes[0], RUNS, WARMUPS);
			for (Phase phase : List.of(raw, scrape, cold, walk, samples, exposition)) {
				phase.print(raw);
			}
		}
	}

	private static void write(PrometheusTextFormatWriter writer, ByteArrayOutputStream out, MetricSnapshots snapshots) {
		try {
			writer.write(out, snapshots);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Wall-clock and CPU time of one figure over the runs. */
	private static final class Phase {

		private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

		private final String name;

		private final long[] wall = new long[RUNS];

		private final long[] cpu = new long[RUNS];

		Phase(String name) {
			this.name = name;
		}

		void measure(int run, Runnable work) {
			long cpuStart = THREADS.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			work.run();
			long took = System.nanoTime() - start;
			long cpuTook = THREADS.getCurrentThreadCpuTime() - cpuStart;
			if (run >= 0) {
				this.wall[run] = took;
				this.cpu[run] = cpuTook;
			}
		}

		void print(Phase floor) {
			System.out.printf(Locale.ROOT, "%-50s wall %7.1f (min %7.1f) ratio %5.2f | cpu %7.1f ratio %5.2f%n",
					this.name, median(this.wall) / 1e6, Arrays.stream(this.wall).min().orElseThrow() / 1e6,
					median(this.wall) / median(floor.wall), median(this.cpu) / 1e6,
					median(this.cpu) / median(floor.cpu));
		}

	}

	private static StatsService stats(SimulatedScstSysfs sysfs, Duration maxAge, Duration structureMaxAge) {
		return new StatsService(sysfs, new ScstService(sysfs), new MetricsProperties(maxAge, 10_000, 10_000, 10_000,
				Duration.ZERO, Duration.ofMinutes(1), structureMaxAge));
	}

	/** 1,000 scst_local targets with 16 LUNs and 4 sessions each; the counter files. */
	private static List<ScstPath> build(SimulatedScstSysfs sysfs) {
		for (int d = 0; d < DEVICES; d++) {
			sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "bench" + d, Map.of()));
		}
		List<ScstPath> files = new ArrayList<>();
		for (int t = 0; t < TARGETS; t++) {
			String target = "bench_tgt" + t;
			sysfs.mgmt(MgmtCommand.addTarget("scst_local", target, Map.of()));
			for (int l = 0; l < LUNS_PER_TARGET; l++) {
				sysfs.mgmt(MgmtCommand.addLun("scst_local", target, null, l,
						"bench" + ((t * LUNS_PER_TARGET + l) % DEVICES), false));
			}
			for (int s = 0; s < SESSIONS_PER_TARGET; s++) {
				String session = "bench_ini" + t + "_" + s;
				sysfs.mgmt(MgmtCommand.addSession("scst_local", target, session));
				files.add(ScstTree.sessionAttribute("scst_local", target, session, ScstTree.INITIATOR_NAME));
				for (String counter : ScstTree.SESSION_COUNTERS) {
					files.add(ScstTree.sessionAttribute("scst_local", target, session, counter));
				}
			}
		}
		return files;
	}

	private static double median(long[] values) {
		long[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
