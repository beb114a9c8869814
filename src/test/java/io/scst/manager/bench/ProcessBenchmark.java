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
import java.util.Collections;
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

	/**
	 * {@code -Dbench.rss.variants="name=flags;name=flags"}: instead of the startup
	 * comparison, only the resident set of the server with the large state, run with the
	 * production flags plus each variant's words, the variants alternated within every
	 * run. A word {@code NAME=value} (no leading dash) is set in the server's environment
	 * instead (e.g. {@code MALLOC_ARENA_MAX=2}); a word with two leading dashes removes
	 * the production flags that start with it minus one dash (the heap of 144 MB instead
	 * of the production one is written {@code --Xmx -Xmx144m}). See docs/performance.md,
	 * "Resident set".
	 */
	private static final String VARIANTS = System.getProperty("bench.rss.variants", "");

	/**
	 * {@code -Dbench.nmt=true}: before the measured runs, one diagnostic start per
	 * variant (or of the production flags) with native memory tracking and a GC log,
	 * printing {@code jcmd VM.native_memory summary}, {@code /proc/<pid>/smaps_rollup},
	 * the heap after a full collection and the collections counted in the log.
	 */
	private static final boolean NMT = Boolean.getBoolean("bench.nmt");

	/**
	 * Rounds of config + stats + scrape + the biggest lists in the resident-set variants
	 * (RSS after 1 and after all).
	 */
	private static final int ROUNDS = Integer.getInteger("bench.rss.rounds", 5);

	/**
	 * The resident set is measured once more this long after the last round (periodic
	 * trims).
	 */
	private static final long SETTLE_MILLIS = Long.getLong("bench.rss.settle-ms", 2000);

	/** Concurrent clients of the burst after the rounds (Tomcat's worker threads). */
	private static final int BURST = Integer.getInteger("bench.rss.burst", 64);

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
		if (!VARIANTS.isBlank()) {
			residentSetVariants(production, app.resolve("app.jar"), large.getParent());
			System.out.println();
			System.out.println("==== benchmark summary ====");
			this.lines.forEach(System.out::println);
			return;
		}
		if (NMT) {
			diagnose("production flags", app.resolve("app.jar"), large.getParent(), production, Map.of());
		}
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
		print("resident set (VmRSS) with the large state after config + stats + scrape + the biggest lists:");
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
		return start(jar, home, flags, Map.of());
	}

	private Started start(Path jar, Path home, List<String> flags, Map<String, String> environment) throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		List<String> command = command(jar, home, flags, port);
		Path log = Files.createTempFile(this.dir, "server", ".log");
		long start = System.nanoTime();
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(environment);
		Process process = builder.start();
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
		return status(process, "VmRSS:") / 1024.0;
	}

	/**
	 * User + system CPU time of the process so far ({@code /proc/<pid>/stat}, clock ticks
	 * of 10 ms), all threads: a cost that a loaded machine disturbs less than wall time.
	 */
	private static long cpuMillis(Process process) throws IOException {
		String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
	}

	/** A number of {@code /proc/<pid>/status} (kB for the sizes). */
	private static long status(Process process, String field) throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
			if (line.startsWith(field)) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		throw new IllegalStateException("No " + field + " for " + process.pid());
	}

	/** One variant of {@code bench.rss.variants}: flags and environment. */
	private record Variant(String name, List<String> flags, Map<String, String> environment) {

		static List<Variant> parse(String variants, List<String> production) {
			List<Variant> all = new ArrayList<>();
			for (String variant : variants.split(";")) {
				int equals = variant.indexOf('=');
				String name = variant.substring(0, equals).trim();
				List<String> flags = new ArrayList<>(production);
				Map<String, String> environment = new LinkedHashMap<>();
				for (String word : variant.substring(equals + 1).trim().split("\\s+")) {
					if (word.isEmpty()) {
						continue;
					}
					if (word.startsWith("--")) {
						flags.removeIf((flag) -> flag.startsWith(word.substring(1)));
					}
					else if (word.startsWith("-")) {
						flags.add(word);
					}
					else {
						environment.put(word.substring(0, word.indexOf('=')), word.substring(word.indexOf('=') + 1));
					}
				}
				all.add(new Variant(name, flags, environment));
			}
			return all;
		}

		String describe() {
			StringBuilder text = new StringBuilder();
			this.environment.forEach((key, value) -> text.append(key).append('=').append(value).append(' '));
			return text.append(String.join(" ", this.flags)).toString();
		}

	}

	/**
	 * The resident set of the server with the large state under each variant, alternated.
	 */
	private void residentSetVariants(List<String> production, Path jar, Path home) throws Exception {
		List<Variant> variants = Variant.parse(VARIANTS, production);
		for (Variant variant : variants) {
			print("variant %s: %s", variant.name, variant.describe());
		}
		if (NMT) {
			for (Variant variant : variants) {
				diagnose(variant.name, jar, home, variant.flags, variant.environment);
			}
		}
		Map<String, Map<String, List<Double>>> results = new LinkedHashMap<>();
		for (int run = -1; run < RUNS; run++) {
			List<Variant> order = new ArrayList<>(variants);
			if (run % 2 != 0) {
				Collections.reverse(order);
			}
			for (Variant variant : order) {
				Started started = start(jar, home, variant.flags, variant.environment);
				try {
					double afterOne = 0;
					long t0 = System.nanoTime();
					long cpu0 = cpuMillis(started.process);
					for (int round = 1; round <= ROUNDS; round++) {
						readAll(started.port);
						if (round == 1) {
							afterOne = rss(started.process);
						}
					}
					double roundsMillis = (System.nanoTime() - t0) / 1e6;
					double roundsCpu = cpuMillis(started.process) - cpu0;
					double afterAll = rss(started.process);
					long[] gc = jstat(started.process);
					long threads = status(started.process, "Threads:");
					Thread.sleep(SETTLE_MILLIS);
					double settled = rss(started.process);
					burst(started.port);
					double afterBurst = rss(started.process);
					long threadsAfterBurst = status(started.process, "Threads:");
					if (run >= 0) {
						Map<String, List<Double>> result = results.computeIfAbsent(variant.name,
								(key) -> new LinkedHashMap<>());
						result.computeIfAbsent("startup", (key) -> new ArrayList<>()).add(started.millis);
						result.computeIfAbsent("rss after startup", (key) -> new ArrayList<>()).add(started.rss);
						result.computeIfAbsent("rss after 1 round", (key) -> new ArrayList<>()).add(afterOne);
						result.computeIfAbsent("rss after " + ROUNDS + " rounds", (key) -> new ArrayList<>())
							.add(afterAll);
						result.computeIfAbsent("rss " + SETTLE_MILLIS + " ms later", (key) -> new ArrayList<>())
							.add(settled);
						result.computeIfAbsent("young collections", (key) -> new ArrayList<>()).add((double) gc[0]);
						result.computeIfAbsent("full collections", (key) -> new ArrayList<>()).add((double) gc[1]);
						result.computeIfAbsent("gc pauses", (key) -> new ArrayList<>()).add((double) gc[2]);
						result.computeIfAbsent(ROUNDS + " rounds", (key) -> new ArrayList<>()).add(roundsMillis);
						result.computeIfAbsent("server cpu in the " + ROUNDS + " rounds", (key) -> new ArrayList<>())
							.add(roundsCpu);
						result.computeIfAbsent("threads", (key) -> new ArrayList<>()).add((double) threads);
						result.computeIfAbsent("rss after a " + BURST + "-way burst", (key) -> new ArrayList<>())
							.add(afterBurst);
						result.computeIfAbsent("threads after the burst", (key) -> new ArrayList<>())
							.add((double) threadsAfterBurst);
					}
				}
				finally {
					stop(started.process);
				}
			}
		}
		print("resident set of the server with the large state, %d runs (after 1 warm-up), variants alternated:", RUNS);
		for (String measure : results.values().iterator().next().keySet()) {
			String unit = measure.startsWith("rss") ? "MB"
					: (measure.equals("threads") || measure.endsWith("collections")) ? "" : "ms";
			print("%s:", measure);
			results.forEach((name, result) -> print("  %s", Bench.summary(name, result.get(measure), unit)));
		}
		String first = variants.get(0).name;
		for (Variant variant : variants.subList(1, variants.size())) {
			Map<String, List<Double>> result = results.get(variant.name);
			StringBuilder ratios = new StringBuilder();
			result.forEach((measure, values) -> ratios
				.append(String.format(Locale.ROOT, "%s%s %.3f", ratios.isEmpty() ? "" : ", ", measure,
						Bench.median(values) / Bench.median(results.get(first).get(measure)))));
			print("  => %s / %s (medians): %s", variant.name, first, ratios);
		}
	}

	/**
	 * Concurrent requests (a page of devices, {@code BURST} clients at a time, 8 each),
	 * which make Tomcat start worker threads: the resident set under concurrency.
	 */
	private static void burst(int port) throws Exception {
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/devices?limit=100"))
			.header("Accept", "application/json")
			.build();
		List<Thread> threads = new ArrayList<>();
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		for (int i = 0; i < BURST; i++) {
			Thread thread = new Thread(() -> {
				for (int n = 0; n < 8; n++) {
					try {
						statuses.add(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
					}
					catch (Exception ex) {
						statuses.add(-1);
					}
				}
			});
			thread.start();
			threads.add(thread);
		}
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(statuses).hasSize(BURST * 8).containsOnly(200);
	}

	/**
	 * The reads after which the resident set is measured: stats, config export, scrape
	 * and the biggest lists.
	 */
	private static void readAll(int port) throws Exception {
		String stats = get(port, "/api/v1/stats");
		assertThat(stats.contains("ls999_3")).as("the large state is loaded").isTrue();
		get(port, "/api/v1/config");
		get(port, "/actuator/prometheus");
		// the biggest list answers, which the list cache (on by default) keeps
		get(port, "/api/v1/devices");
		get(port, "/api/v1/target-drivers/scst_local/targets");
		get(port, "/api/v1/handlers");
	}

	/**
	 * One start with native memory tracking and a GC log, after one round of reads: where
	 * the resident set goes.
	 */
	private void diagnose(String name, Path jar, Path home, List<String> flags, Map<String, String> environment)
			throws Exception {
		Path gcLog = Files.createTempFile(this.dir, "gc", ".log");
		String gc;
		List<String> tracked = new ArrayList<>(flags);
		tracked.add("-XX:NativeMemoryTracking=summary");
		tracked.add("-Xlog:gc:file=" + gcLog);
		Started started = start(jar, home, tracked, environment);
		try {
			readAll(started.port);
			double rss = rss(started.process);
			String pid = Long.toString(started.process.pid());
			String nmt = jcmd(pid, "VM.native_memory", "summary");
			String smaps = Files.readString(Path.of("/proc", pid, "smaps_rollup"));
			long threads = status(started.process, "Threads:");
			String heap = jcmd(pid, "GC.heap_info");
			gc = read(gcLog);
			jcmd(pid, "GC.run");
			String heapAfterGc = jcmd(pid, "GC.heap_info");
			System.out.println("==== " + name + ": VM.native_memory summary\n" + nmt);
			System.out.println("==== " + name + ": smaps_rollup\n" + smaps);
			System.out.println("==== " + name + ": GC.heap_info\n" + heap + "\nafter GC.run:\n" + heapAfterGc);
			print("%s, diagnostic run (NMT on): VmRSS %.0f MB, %d threads", name, rss, threads);
			Matcher total = Pattern.compile("Total: reserved=(\\d+)KB, committed=(\\d+)KB").matcher(nmt);
			if (total.find()) {
				print("  NMT total committed %.1f MB", Long.parseLong(total.group(2)) / 1024.0);
			}
			Matcher category = Pattern
				.compile("(?m)^-\\s+(.+?) \\(reserved=(\\d+)KB, committed=(\\d+)KB\\)(?:\\s*\\(.*\\))?\\s*$")
				.matcher(nmt);
			StringBuilder categories = new StringBuilder();
			while (category.find()) {
				long committed = Long.parseLong(category.group(3));
				if (committed >= 1024) {
					categories
						.append(String.format(Locale.ROOT, "%s %.1f, ", category.group(1).trim(), committed / 1024.0));
				}
			}
			print("  NMT committed by category (MB, >= 1 MB): %s", categories);
			Matcher malloc = Pattern.compile("(?m)^\\s+malloc: (\\d+)KB").matcher(nmt);
			if (malloc.find()) {
				print("  NMT malloc'd, all categories: %.1f MB", Long.parseLong(malloc.group(1)) / 1024.0);
			}
			StringBuilder rollup = new StringBuilder();
			for (String line : smaps.split("\n")) {
				Matcher field = Pattern
					.compile("^(Rss|Pss|Shared_Clean|Private_Clean|Private_Dirty|Anonymous):\\s+(\\d+) kB")
					.matcher(line);
				if (field.find()) {
					rollup.append(String.format(Locale.ROOT, "%s %.1f, ", field.group(1),
							Long.parseLong(field.group(2)) / 1024.0));
				}
			}
			print("  smaps_rollup (MB): %s", rollup);
			long[] before = generations(heap);
			long[] after = generations(heapAfterGc);
			print("  heap after the reads: %.1f MB used of %.1f MB committed (young + old); after a full GC %.1f MB used",
					before[1] / 1024.0, before[0] / 1024.0, after[1] / 1024.0);
		}
		finally {
			stop(started.process);
		}
		long young = Pattern.compile("Pause Young").matcher(gc).results().count();
		long full = Pattern.compile("Pause Full").matcher(gc).results().count();
		double pauses = Pattern.compile("\\) ([0-9.]+)ms\\s*$", Pattern.MULTILINE)
			.matcher(gc)
			.results()
			.mapToDouble((result) -> Double.parseDouble(result.group(1)))
			.sum();
		print("  GC log over startup + 1 round: %d young, %d full collections, %.0f ms of pauses", young, full, pauses);
	}

	/**
	 * Young and full collections and the milliseconds of GC pauses so far, from
	 * {@code jstat -gc} (the JVM's performance counters, no attach).
	 */
	private static long[] jstat(Process process) throws Exception {
		Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(), "-gc",
				Long.toString(process.pid()))
			.redirectErrorStream(true)
			.start();
		String[] lines = new String(jstat.getInputStream().readAllBytes()).strip().split("\n");
		assertThat(jstat.waitFor(1, TimeUnit.MINUTES)).isTrue();
		List<String> names = List.of(lines[0].trim().split("\\s+"));
		String[] values = lines[lines.length - 1].trim().split("\\s+");
		return new long[] { Long.parseLong(values[names.indexOf("YGC")]), Long.parseLong(values[names.indexOf("FGC")]),
				Math.round(Double.parseDouble(values[names.indexOf("GCT")]) * 1000) };
	}

	/** Committed and used kB of the heap's generations in {@code GC.heap_info}. */
	private static long[] generations(String heapInfo) {
		long[] sums = new long[2];
		Pattern.compile("generation\\s+total (\\d+)K, used (\\d+)K").matcher(heapInfo).results().forEach((result) -> {
			sums[0] += Long.parseLong(result.group(1));
			sums[1] += Long.parseLong(result.group(2));
		});
		return sums;
	}

	private String jcmd(String pid, String... command) throws Exception {
		List<String> words = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid));
		words.addAll(List.of(command));
		Process process = new ProcessBuilder(words).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return out;
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
