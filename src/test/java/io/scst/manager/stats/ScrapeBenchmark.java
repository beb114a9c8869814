package io.scst.manager.stats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

			long[] raw = new long[RUNS];
			long[] scrape = new long[RUNS];
			long[] cold = new long[RUNS];
			long[] walk = new long[RUNS];
			long[] samples = new long[RUNS];
			long[] exposition = new long[RUNS];
			int bytes = 0;
			for (int run = -WARMUPS; run < RUNS; run++) {
				long start = System.nanoTime();
				long sum = 0;
				for (ScstPath file : counterFiles) {
					sum += sysfs.read(file).value().length();
				}
				long rawTook = System.nanoTime() - start;
				assertThat(sum).isPositive();
				start = System.nanoTime();
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				writer.write(out, collector.collect());
				long scrapeTook = System.nanoTime() - start;
				bytes = out.size();
				start = System.nanoTime();
				writer.write(new ByteArrayOutputStream(), rereading.collect());
				long coldTook = System.nanoTime() - start;
				start = System.nanoTime();
				stats.snapshot();
				long walkTook = System.nanoTime() - start;
				start = System.nanoTime();
				fromCache.collect();
				long samplesTook = System.nanoTime() - start;
				start = System.nanoTime();
				writer.write(new ByteArrayOutputStream(), prebuilt);
				long expositionTook = System.nanoTime() - start;
				if (run >= 0) {
					raw[run] = rawTook;
					scrape[run] = scrapeTook;
					cold[run] = coldTook;
					walk[run] = walkTook;
					samples[run] = samplesTook;
					exposition[run] = expositionTook;
				}
			}
			double rawMedian = median(raw) / 1e6;
			System.out.printf(Locale.ROOT, "sessions=%d luns=%d counter files=%d exposition=%d bytes%n"
					+ "(%d runs after %d warm-ups, interleaved; median, min in ms; ratio = median / raw median)%n",
					check.sessions().size(), check.targets().stream().mapToInt(ScstSnapshot.TargetStats::luns).sum(),
					counterFiles.size(), bytes, RUNS, WARMUPS);
			print("raw counter reads", raw, rawMedian);
			print("scrape, layout kept (walk + samples + text)", scrape, rawMedian);
			print("scrape, layout read again (structure-max-age=0)", cold, rawMedian);
			print("profile: walk alone, layout kept", walk, rawMedian);
			print("profile: samples from a taken snapshot", samples, rawMedian);
			print("profile: text exposition of built samples", exposition, rawMedian);
		}
	}

	private static void print(String figure, long[] nanos, double rawMedian) {
		System.out.printf(Locale.ROOT, "%-50s median %7.1f  min %7.1f  ratio %.2f%n", figure, median(nanos) / 1e6,
				Arrays.stream(nanos).min().orElseThrow() / 1e6, median(nanos) / 1e6 / rawMedian);
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
