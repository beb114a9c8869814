package io.scst.manager.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.scst.manager.bench.bare.BareApplication;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: starts the packaged server as child JVMs and measures startup time
 * against a bare Spring Boot application with the same starters, and the resident set
 * (VmRSS) of the server with the full {@link LargeState} loaded (restored from the
 * simulator's journal, which this benchmark writes first).
 * <p>
 * Both applications run the way they are deployed: the executable jar extracted with
 * {@code java -Djarmode=tools -jar app.jar extract} ({@code app.jar} + {@code lib/}); the
 * bare application is a jar holding only {@link BareApplication} and the server's
 * {@code application.properties}, whose manifest names the same {@code lib/} jars. Each
 * runs with the production JVM flags ({@code JAVA_OPTS} of
 * {@code docs/deploy/systemd/scst-manager.env}, the same as the Dockerfile), without and
 * with a class-data sharing archive made by one training run per application
 * ({@code -XX:ArchiveClassesAtExit} with {@code -Dspring.context.exit=onRefresh}); the
 * bare application and the server with the large state also run with the JVM's default
 * flags. Needs the packaged jar: run
 * {@code ./mvnw -o package -DskipTests && ./mvnw -o test -Dtest=ProcessBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class ProcessBenchmark {

	private static final int RUNS = Integer.getInteger("bench.runs", 5);

	private static final HttpClient CLIENT = HttpClient.newHttpClient();

	private static final String PROBE = "/actuator/health/liveness";

	@TempDir
	Path dir;

	private final List<String> lines = new ArrayList<>();

	@Test
	void startupAndResidentSet() throws Exception {
		List<String> production = productionFlags();
		Path app = extract();
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
		print("production JVM flags: %s", String.join(" ", production));
		Path bareJsa = this.dir.resolve("bare.jsa");
		Path oursJsa = this.dir.resolve("ours.jsa");
		train(app.resolve("bare.jar"), null, production, bareJsa);
		train(app.resolve("app.jar"), Files.createDirectories(this.dir.resolve("training")), production, oursJsa);
		List<String> cdsBare = with(production, "-XX:SharedArchiveFile=" + bareJsa);
		List<String> cdsOurs = with(production, "-XX:SharedArchiveFile=" + oursJsa);
		Map<String, Sample> samples = new LinkedHashMap<>();
		for (int run = -1; run < RUNS; run++) {
			Path fresh = Files.createDirectories(this.dir.resolve("fresh" + run));
			Path freshCds = Files.createDirectories(this.dir.resolve("fresh-cds" + run));
			measure(samples, run, "bare, production flags", app.resolve("bare.jar"), null, production);
			measure(samples, run, "bare, production flags + CDS", app.resolve("bare.jar"), null, cdsBare);
			measure(samples, run, "ours fresh, production flags", app.resolve("app.jar"), fresh, production);
			measure(samples, run, "ours fresh, production flags + CDS", app.resolve("app.jar"), freshCds, cdsOurs);
			measure(samples, run, "ours large, production flags", app.resolve("app.jar"), large.getParent(),
					production);
			measure(samples, run, "ours large, production flags + CDS", app.resolve("app.jar"), large.getParent(),
					cdsOurs);
			measure(samples, run, "bare, default flags", app.resolve("bare.jar"), null, List.of());
			measure(samples, run, "ours large, default flags", app.resolve("app.jar"), large.getParent(), List.of());
		}
		print("startup, wall clock from process start to the first HTTP answer (%d runs, after 1 warm-up):", RUNS);
		samples.forEach((name, sample) -> print("  %s", Bench.summary(name, sample.millis, "ms")));
		print("startup as Spring logs it (\"Started ... in\"):");
		samples.forEach((name, sample) -> print("  %s", Bench.summary(name, sample.springMillis, "ms")));
		print("resident set (VmRSS) right after startup:");
		samples.forEach((name, sample) -> print("  %s", Bench.summary(name, sample.rss, "MB")));
		print("resident set (VmRSS) with the large state after config + stats + scrape:");
		samples.forEach((name, sample) -> {
			if (!sample.rssAfterReads.isEmpty()) {
				print("  %s", Bench.summary(name, sample.rssAfterReads, "MB"));
			}
		});
		print("  => RSS with the large state, production flags %.0f MB, + CDS %.0f MB, default flags %.0f MB (goal <= 300 MB)",
				median(samples, "ours large, production flags", true),
				median(samples, "ours large, production flags + CDS", true),
				median(samples, "ours large, default flags", true));
		for (String flags : List.of("production flags", "production flags + CDS", "default flags")) {
			if (samples.containsKey("ours fresh, " + flags)) {
				print("  => startup ratio (%s) fresh/bare %.2f, large/bare %.2f (goal <= 1.5)", flags,
						median(samples, "ours fresh, " + flags, false) / median(samples, "bare, " + flags, false),
						median(samples, "ours large, " + flags, false) / median(samples, "bare, " + flags, false));
			}
			else {
				print("  => startup ratio (%s) large/bare %.2f (goal <= 1.5)", flags,
						median(samples, "ours large, " + flags, false) / median(samples, "bare, " + flags, false));
			}
		}
		print("  => CDS: bare %.2f, ours fresh %.2f, ours large %.2f of the startup without it",
				median(samples, "bare, production flags + CDS", false)
						/ median(samples, "bare, production flags", false),
				median(samples, "ours fresh, production flags + CDS", false)
						/ median(samples, "ours fresh, production flags", false),
				median(samples, "ours large, production flags + CDS", false)
						/ median(samples, "ours large, production flags", false));
		System.out.println();
		System.out.println("==== benchmark summary ====");
		this.lines.forEach(System.out::println);
	}

	private static double median(Map<String, Sample> samples, String name, boolean afterReads) {
		Sample sample = samples.get(name);
		return Bench.median(afterReads ? sample.rssAfterReads : sample.millis);
	}

	/** Start, measure and stop one process; a run below 0 is a warm-up. */
	private void measure(Map<String, Sample> samples, int run, String name, Path jar, Path home, List<String> flags)
			throws Exception {
		Started started = start(jar, home, flags);
		try {
			Double after = null;
			if (name.contains("large")) {
				String stats = get(started.port, "/api/v1/stats");
				assertThat(stats.contains("ls999_3")).as("the large state is loaded").isTrue();
				get(started.port, "/api/v1/config");
				get(started.port, "/actuator/prometheus");
				after = rss(started.process);
			}
			if (run >= 0) {
				Sample sample = samples.computeIfAbsent(name, (key) -> new Sample());
				sample.millis.add(started.millis);
				sample.springMillis.add(started.springMillis);
				sample.rss.add(started.rss);
				if (after != null) {
					sample.rssAfterReads.add(after);
				}
			}
		}
		finally {
			stop(started.process);
		}
	}

	private static final class Sample {

		final List<Double> millis = new ArrayList<>();

		final List<Double> springMillis = new ArrayList<>();

		final List<Double> rss = new ArrayList<>();

		final List<Double> rssAfterReads = new ArrayList<>();

	}

	private record Started(Process process, int port, double millis, double springMillis, double rss) {
	}

	/** The {@code JAVA_OPTS} line of the systemd environment file. */
	private static List<String> productionFlags() throws IOException {
		for (String line : Files.readAllLines(Path.of("docs/deploy/systemd/scst-manager.env"))) {
			if (line.startsWith("JAVA_OPTS=")) {
				return List.of(line.substring("JAVA_OPTS=".length()).trim().split("\\s+"));
			}
		}
		throw new IllegalStateException("No JAVA_OPTS in docs/deploy/systemd/scst-manager.env");
	}

	private static List<String> with(List<String> flags, String flag) {
		List<String> all = new ArrayList<>(flags);
		all.add(flag);
		return all;
	}

	/**
	 * The packaged jar extracted to {@code app.jar} + {@code lib/}, with {@code bare.jar}
	 * next to it.
	 */
	private Path extract() throws Exception {
		Path jar;
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			jar = files.filter((file) -> file.getFileName().toString().matches("scst-manager-.*\\.jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException(
						"No packaged jar in target/: run ./mvnw -o package " + "-DskipTests before this benchmark"));
		}
		Path app = this.dir.resolve("app");
		run(List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--application-filename", "app.jar",
				"--destination", app.toString()));
		Manifest manifest;
		try (JarFile ours = new JarFile(app.resolve("app.jar").toFile())) {
			manifest = new Manifest();
			manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
			manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, BareApplication.class.getName());
			manifest.getMainAttributes()
				.put(Attributes.Name.CLASS_PATH,
						ours.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH));
		}
		String bareClass = BareApplication.class.getName().replace('.', '/') + ".class";
		try (OutputStream out = Files.newOutputStream(app.resolve("bare.jar"));
				JarOutputStream bare = new JarOutputStream(out, manifest)) {
			bare.putNextEntry(new JarEntry(bareClass));
			bare.write(Files.readAllBytes(Path.of("target/test-classes", bareClass)));
			bare.closeEntry();
			// the same configuration as the server (actuator exposure, problem details)
			bare.putNextEntry(new JarEntry("application.properties"));
			bare.write(Files.readAllBytes(Path.of("target/classes/application.properties")));
			bare.closeEntry();
		}
		return app;
	}

	/** A training run that writes a class-data sharing archive at exit. */
	private void train(Path jar, Path home, List<String> flags, Path archive) throws Exception {
		List<String> command = command(jar, home, with(flags, "-XX:ArchiveClassesAtExit=" + archive), 0);
		command.add(command.indexOf("-jar"), "-Dspring.context.exit=onRefresh");
		run(command);
		assertThat(archive).exists();
	}

	private void run(List<String> command) throws Exception {
		Path log = Files.createTempFile(this.dir, "run", ".log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(() -> read(log)).isZero();
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private static List<String> command(Path jar, Path home, List<String> flags, int port) {
		List<String> command = new ArrayList<>();
		command.add(java());
		command.addAll(flags);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1"));
		if (home == null) {
			// the application.properties names our health contributors
			command.add("--management.endpoint.health.group.readiness.include=readinessState");
		}
		else {
			command.addAll(List.of("--scst.sysfs.mode=simulator", "--scst.simulator.state=fresh",
					"--scst.simulator.add-default-target=false", "--scst.simulator.data-dir=" + home.resolve("data"),
					"--scst.config.path=" + home.resolve("scst-desired.conf"),
					"--scst.security.audit-file=" + home.resolve("audit.log"), "--scst.metrics.max-targets=100000",
					"--scst.metrics.max-sessions=100000", "--scst.metrics.max-devices=100000"));
		}
		return command;
	}

	private Started start(Path jar, Path home, List<String> flags) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = command(jar, home, flags, port);
		Path log = Files.createTempFile(this.dir, "server", ".log");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		while (true) {
			assertThat(process.isAlive()).as(() -> read(log)).isTrue();
			try {
				CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + PROBE)).build(),
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
		// a class-data sharing archive the JVM cannot use is a warning, not an error
		assertThat(read(log)).as("no CDS warning").doesNotContainPattern("\\[warning\\]\\[cds");
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
