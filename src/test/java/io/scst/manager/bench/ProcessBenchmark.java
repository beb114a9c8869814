package io.scst.manager.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.scst.manager.ScstManagerApplication;
import io.scst.manager.bench.bare.BareApplication;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: starts the server as a child JVM (default JVM flags, the test
 * classpath) and measures startup time against a bare Spring Boot application with the
 * same starters, and the resident set (VmRSS) of the server with the full
 * {@link LargeState} loaded (restored from the simulator's journal, which this benchmark
 * writes first). Excluded from the build; run with
 * {@code ./mvnw -o test -Dtest=ProcessBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class ProcessBenchmark {

	private static final int RUNS = Integer.getInteger("bench.runs", 5);

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	@TempDir
	Path dir;

	private final List<String> lines = new ArrayList<>();

	@Test
	void startupAndResidentSet() throws Exception {
		Path large = Files.createDirectories(this.dir.resolve("large/data"));
		long t0 = System.nanoTime();
		LargeState.Counts counts;
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults()
			.withAddDefaultTarget(false)
			.withJournal(large.resolve("simulator.journal")))) {
			counts = LargeState.build(new SimulatedScstSysfs(simulator), 1);
		}
		print("journal of %s written in %.1f s (%d KiB)", counts, (System.nanoTime() - t0) / 1e9,
				Files.size(large.resolve("simulator.journal")) / 1024);
		List<Double> bare = new ArrayList<>();
		List<Double> bareSpring = new ArrayList<>();
		List<Double> fresh = new ArrayList<>();
		List<Double> freshSpring = new ArrayList<>();
		List<Double> loaded = new ArrayList<>();
		List<Double> loadedSpring = new ArrayList<>();
		List<Double> rssBare = new ArrayList<>();
		List<Double> rssFresh = new ArrayList<>();
		List<Double> rssLoaded = new ArrayList<>();
		List<Double> rssLoadedAfter = new ArrayList<>();
		for (int run = -1; run < RUNS; run++) {
			Started b = start(BareApplication.class.getName(), null, "/");
			Started f = start(ScstManagerApplication.class.getName(),
					Files.createDirectories(this.dir.resolve("fresh" + run)), "/actuator/health/liveness");
			Started l = start(ScstManagerApplication.class.getName(), large.getParent(), "/actuator/health/liveness");
			try {
				String stats = get(l.port, "/api/v1/stats");
				assertThat(stats.contains("ls999_3")).as("the large state is loaded").isTrue();
				get(l.port, "/api/v1/config");
				get(l.port, "/actuator/prometheus");
				double after = rss(l.process);
				if (run >= 0) {
					bare.add(b.millis);
					bareSpring.add(b.springMillis);
					fresh.add(f.millis);
					freshSpring.add(f.springMillis);
					loaded.add(l.millis);
					loadedSpring.add(l.springMillis);
					rssBare.add(b.rss);
					rssFresh.add(f.rss);
					rssLoaded.add(l.rss);
					rssLoadedAfter.add(after);
				}
			}
			finally {
				stop(b.process);
				stop(f.process);
				stop(l.process);
			}
		}
		print("startup, wall clock from process start to the first HTTP answer (%d runs, after 1 warm-up):", RUNS);
		print("  %s", Bench.summary("bare Spring Boot app, same classpath", bare, "ms"));
		print("  %s", Bench.summary("ours, fresh simulator", fresh, "ms"));
		print("  %s", Bench.summary("ours, large state restored from journal", loaded, "ms"));
		print("  => startup ratio fresh/bare %.2f, large/bare %.2f (goal <= 1.5)",
				Bench.median(fresh) / Bench.median(bare), Bench.median(loaded) / Bench.median(bare));
		print("startup as Spring logs it (\"Started ... in\"):");
		print("  %s", Bench.summary("bare", bareSpring, "ms"));
		print("  %s", Bench.summary("ours, fresh", freshSpring, "ms"));
		print("  %s", Bench.summary("ours, large state", loadedSpring, "ms"));
		print("resident set (VmRSS), default JVM flags:");
		print("  %s", Bench.summary("bare, after startup", rssBare, "MB"));
		print("  %s", Bench.summary("ours fresh, after startup", rssFresh, "MB"));
		print("  %s", Bench.summary("ours large, after startup", rssLoaded, "MB"));
		print("  %s", Bench.summary("ours large, after config+stats+scrape", rssLoadedAfter, "MB"));
		print("  => RSS with the large state %.0f MB (goal <= 300 MB)", Bench.median(rssLoadedAfter));
		System.out.println();
		System.out.println("==== benchmark summary ====");
		this.lines.forEach(System.out::println);
	}

	private record Started(Process process, int port, double millis, double springMillis, double rss) {
	}

	private Started start(String mainClass, Path home, String probe) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), mainClass, "--server.port=" + port,
						"--server.address=127.0.0.1"));
		Path log = Files.createTempFile(this.dir, "server", ".log");
		if (home == null) {
			// the application.properties on the classpath names our health contributors
			command.add("--management.endpoint.health.group.readiness.include=readinessState");
		}
		else {
			command.addAll(List.of("--scst.sysfs.mode=simulator", "--scst.simulator.state=fresh",
					"--scst.simulator.add-default-target=false", "--scst.simulator.data-dir=" + home.resolve("data"),
					"--scst.config.path=" + home.resolve("scst-desired.conf"),
					"--scst.security.audit-file=" + home.resolve("audit.log"), "--scst.metrics.max-targets=100000",
					"--scst.metrics.max-sessions=100000", "--scst.metrics.max-devices=100000"));
		}
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		while (true) {
			assertThat(process.isAlive()).as(() -> read(log)).isTrue();
			try {
				CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe)).build(),
						HttpResponse.BodyHandlers.discarding());
				break;
			}
			catch (IOException notYet) {
				Thread.sleep(10);
			}
		}
		double millis = (System.nanoTime() - start) / 1e6;
		Matcher started = Pattern.compile("Started \\S+ in ([0-9.]+) seconds").matcher(read(log));
		assertThat(started.find()).as(() -> read(log)).isTrue();
		return new Started(process, port, millis, Double.parseDouble(started.group(1)) * 1000, rss(process));
	}

	private static String read(Path log) {
		try {
			return Files.readString(log);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static String get(int port, String path) throws Exception {
		HttpResponse<String> response = CLIENT
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Accept", path.contains("prometheus") ? "text/plain" : "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return response.body();
	}

	/** VmRSS in MB. */
	private static double rss(Process process) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
			}
		}
		throw new IllegalStateException("No VmRSS for " + process.pid());
	}

	private static void stop(Process process) throws InterruptedException {
		process.destroy();
		process.waitFor();
	}

	private void print(String format, Object... args) {
		String line = String.format(Locale.ROOT, format, args);
		System.out.println(line);
		this.lines.add(line);
	}

}
