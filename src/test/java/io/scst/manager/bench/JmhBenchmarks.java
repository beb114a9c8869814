package io.scst.manager.bench;

import java.util.Collection;
import java.util.Locale;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the JMH benchmarks of the in-process paths ({@link ConfigPathsBenchmark}) and
 * prints each figure next to its floor. Not a test: tagged {@code benchmark}, run with
 * {@code ./mvnw -o test -Dtest=JmhBenchmarks -Dsurefire.excludedGroups=none}; knobs
 * {@code -Dbench.jmh.forks}, {@code -Dbench.jmh.iterations}, {@code -Dbench.jmh.divisors}
 * (e.g. {@code 1} for the full size only).
 */
@Tag("benchmark")
class JmhBenchmarks {

	@Test
	void configPathsAgainstTheirFloors() throws Exception {
		int iterations = Integer.getInteger("bench.jmh.iterations", 5);
		Options options = new OptionsBuilder().include(ConfigPathsBenchmark.class.getName())
			.param("divisor", System.getProperty("bench.jmh.divisors", "16,4,1").split(","))
			.forks(Integer.getInteger("bench.jmh.forks", 1))
			.warmupIterations(3)
			.warmupTime(TimeValue.seconds(2))
			.measurementIterations(iterations)
			.measurementTime(TimeValue.seconds(3))
			.jvmArgsAppend("-Xmx2g")
			.build();
		Collection<RunResult> results = new Runner(options).run();
		assertThat(results).isNotEmpty();
		System.out.println();
		System.out.println("==== JMH summary (sample time, ms: p50 / mean +- error) ====");
		for (String divisor : System.getProperty("bench.jmh.divisors", "16,4,1").split(",")) {
			double exportFloor = p50(results, "exportFloor", divisor);
			double applyFloor = p50(results, "applyFloor", divisor);
			for (String name : new String[] { "export", "exportFloor", "plan", "apply", "applyFloor" }) {
				RunResult result = find(results, name, divisor);
				double p50 = p50(results, name, divisor);
				double floor = name.startsWith("export") ? exportFloor : applyFloor;
				System.out.printf(Locale.ROOT, "1/%-2s %-12s p50 %9.2f  mean %9.2f +- %7.2f  (n=%d)  => %.2f x floor%n",
						divisor, name, p50, result.getPrimaryResult().getScore(),
						result.getPrimaryResult().getScoreError(), result.getPrimaryResult().getStatistics().getN(),
						p50 / floor);
			}
		}
	}

	private static RunResult find(Collection<RunResult> results, String method, String divisor) {
		return results.stream()
			.filter((result) -> result.getParams().getBenchmark().endsWith("." + method)
					&& divisor.equals(result.getParams().getParam("divisor")))
			.findFirst()
			.orElseThrow();
	}

	private static double p50(Collection<RunResult> results, String method, String divisor) {
		return find(results, method, divisor).getPrimaryResult().getStatistics().getPercentile(50);
	}

}
