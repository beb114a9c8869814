package io.scst.manager.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.config.ConfigFormat;
import io.scst.manager.config.ConfigSaver;
import io.scst.manager.config.ConfigService;
import io.scst.manager.config.ConfigStore;
import io.scst.manager.config.ScstConfig;
import io.scst.manager.metrics.MetricsProperties;
import io.scst.manager.metrics.StatsService;
import io.scst.manager.scst.ScstService;
import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: at three state sizes (1/16, 1/4 and the full {@link LargeState}) it
 * starts the server in this JVM on a random loopback port and measures, side by side in
 * one run, each figure against its floor done directly through the same gateway (no HTTP,
 * no JSON, no model): full inventory, Prometheus scrape, apply of 100 targets / 100
 * devices / 400 LUNs, and (at the full size, with {@code wrk}) list endpoint throughput
 * against a constant endpoint. Prints medians, spreads and ratios. Excluded from the
 * build; run with
 * {@code ./mvnw -o test -Dtest=ScaleBenchmark -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class ScaleBenchmark {

	/**
	 * Untimed rounds before the timed ones, for every figure: the server's request path
	 * is compiled by then, as in a server that has been running (both sides get them).
	 */
	private static final int WARMUPS = Integer.getInteger("bench.warmups", 10);

	private static final int RUNS = Integer.getInteger("bench.runs", 7);

	/**
	 * State divisors: 16, 4, 1 are 1/16, 1/4 and the full state; 0 is the empty state.
	 */
	private static final int[] DIVISORS = Arrays.stream(System.getProperty("bench.sizes", "0,16,4,1").split(","))
		.mapToInt((divisor) -> Integer.parseInt(divisor.strip()))
		.toArray();

	private static final String WRK_DURATION = System.getProperty("bench.wrk.duration", "3s");

	private static final int WRK_ROUNDS = Integer.getInteger("bench.wrk.rounds", 5);

	/**
	 * The list throughput is measured again on a server with this list cache
	 * ({@code scst.api.list-cache-max-age}, 1 s by default as the server's; {@code 0s}:
	 * not measured). The first server runs without it ({@link Bench#startServer}).
	 */
	private static final java.time.Duration LIST_CACHE = java.time.Duration
		.parse("PT" + System.getProperty("bench.list-cache", "1s").toUpperCase(Locale.ROOT));

	/** Which figures to measure ({@code -Dbench.figures=scrape}); all by default. */
	private static final List<String> FIGURES = List
		.of(System.getProperty("bench.figures", "inventory,scrape,apply,throughput").split(","));

	@TempDir
	Path dir;

	private final List<String> lines = new ArrayList<>();

	@Test
	void figuresAgainstFloorsAtThreeStateSizes() throws IOException, InterruptedException {
		for (int divisor : DIVISORS) {
			Path home = Files.createDirectories(this.dir.resolve("k" + divisor));
			try (ConfigurableApplicationContext context = Bench.startServer(home)) {
				ScstSysfs sysfs = context.getBean(ScstSysfs.class);
				String base = "http://127.0.0.1:" + Bench.port(context);
				long start = System.nanoTime();
				this.size = (divisor == 0) ? "empty" : "1/" + divisor;
				if (divisor == 0) {
					print("%n== state empty (W=100 applied from empty)");
					if (FIGURES.contains("apply")) {
						apply(base, sysfs, context.getBean(ConfigSaver.class), context.getBean(ConfigService.class),
								true);
					}
					continue;
				}
				LargeState.Counts counts = LargeState.build(sysfs, divisor);
				print("%n== state 1/%d: %s (built in %.1f s through the gateway)", divisor, counts,
						(System.nanoTime() - start) / 1e9);
				if (FIGURES.contains("inventory")) {
					inventory(base, context, sysfs, counts, home);
				}
				if (FIGURES.contains("scrape")) {
					scrape(base, context.getBean(StatsService.class), sysfs, counts, "scrape");
				}
				if (FIGURES.contains("apply")) {
					apply(base, sysfs, context.getBean(ConfigSaver.class), context.getBean(ConfigService.class),
							divisor >= 16);
				}
				if (divisor == 1 && FIGURES.contains("throughput")) {
					throughput(base, "", this.throughputRatios, this.cpuRatios);
				}
			}
			if (divisor == 1 && FIGURES.contains("throughput") && !LIST_CACHE.isZero()) {
				// the same lists from a server with the list cache (the server's default)
				Path cached = Files.createDirectories(this.dir.resolve("cached"));
				try (ConfigurableApplicationContext context = Bench.startServer(cached,
						"--scst.api.list-cache-max-age=" + LIST_CACHE.toMillis() + "ms", "--scst.metrics.max-age=5s")) {
					ScstSysfs sysfs = context.getBean(ScstSysfs.class);
					LargeState.Counts counts = LargeState.build(sysfs, divisor);
					String base = "http://127.0.0.1:" + Bench.port(context);
					print("%n== state 1/1 again, on a server with the list cache (%d ms) and the default metrics "
							+ "max-age (5 s)", LIST_CACHE.toMillis());
					scrape(base, context.getBean(StatsService.class), sysfs, counts, "scrape (max-age 5 s)");
					throughput(base, " with scst.api.list-cache-max-age=" + LIST_CACHE.toMillis() + "ms",
							this.cachedRatios, this.cachedCpuRatios);
				}
			}
		}
		growth();
		System.out.println();
		System.out.println("==== benchmark summary ====");
		this.lines.forEach(System.out::println);
		writeResults();
	}

	/**
	 * GET /api/v1/config (JSON: every object with its attributes) and GET /api/v1/stats
	 * (every counter) against replaying the distinct gateway reads those two make.
	 */
	private void inventory(String base, ConfigurableApplicationContext context, ScstSysfs sysfs,
			LargeState.Counts counts, Path home) {
		ConfigService configBean = context.getBean(ConfigService.class);
		StatsService statsBean = context.getBean(StatsService.class);
		Bench.Recorder recorder = new Bench.Recorder(sysfs);
		new ConfigService(recorder.sysfs, new ConfigStore(home.resolve("recorder.conf"), 0),
				ChangePipeline.unrestricted(recorder.sysfs))
			.export();
		int configReads = recorder.reads.size();
		new StatsService(recorder.sysfs, new ScstService(recorder.sysfs), new MetricsProperties(Duration.ZERO, 100_000,
				100_000, 100_000, Duration.ZERO, Duration.ofMinutes(1), Duration.ZERO))
			.snapshot();
		List<Bench.Read> distinct = recorder.distinct();
		print("inventory: the two requests make %d gateway reads (config %d, stats %d), %d distinct",
				recorder.reads.size(), configReads, recorder.reads.size() - configReads, distinct.size());
		List<Double> floor = new ArrayList<>();
		List<Double> ours = new ArrayList<>();
		List<Double> config = new ArrayList<>();
		List<Double> stats = new ArrayList<>();
		List<Double> model = new ArrayList<>();
		int bytes = 0;
		for (int run = -WARMUPS; run < RUNS; run++) {
			long t0 = System.nanoTime();
			distinct.forEach((read) -> read.replay(sysfs));
			long t1 = System.nanoTime();
			byte[] configBody = Bench.get(base + "/api/v1/config", "application/json");
			long t2 = System.nanoTime();
			byte[] statsBody = Bench.get(base + "/api/v1/stats", "application/json");
			long t3 = System.nanoTime();
			configBean.export();
			statsBean.snapshot();
			long t4 = System.nanoTime();
			bytes = configBody.length + statsBody.length;
			if (run == -WARMUPS) {
				String configText = new String(configBody, StandardCharsets.UTF_8);
				String statsText = new String(statsBody, StandardCharsets.UTF_8);
				assertThat(configText.contains(LargeState.target(counts.targets() - 1))
						&& configText.contains(LargeState.device(counts.devices() - 1)))
					.as("the config has the last target and device")
					.isTrue();
				assertThat(
						statsText.contains("ls" + (counts.targets() - 1) + "_" + (LargeState.SESSIONS_PER_TARGET - 1))
								&& statsText.contains("\"dropped\":{\"targets\":0,\"sessions\":0,\"devices\":0}"))
					.as("the stats have the last session and dropped nothing")
					.isTrue();
			}
			if (run >= 0) {
				floor.add((t1 - t0) / 1e6);
				ours.add((t3 - t1) / 1e6);
				config.add((t2 - t1) / 1e6);
				stats.add((t3 - t2) / 1e6);
				model.add((t4 - t3) / 1e6);
			}
		}
		print("  %s", Bench.summary("floor: replay distinct reads", floor, "ms"));
		print("  %s", Bench.summary("ours: GET config + GET stats (" + bytes / 1024 + " KiB)", ours, "ms"));
		print("  %s", Bench.summary("  of which GET /api/v1/config", config, "ms"));
		print("  %s", Bench.summary("  of which GET /api/v1/stats", stats, "ms"));
		print("  %s", Bench.summary("profile: the two services in-process, no HTTP", model, "ms"));
		ratio("inventory", ours, floor, 1.5);
		record("inventory", Bench.median(ours), Bench.median(floor));
	}

	/** GET /actuator/prometheus against reading every session's counter files. */
	private void scrape(String base, StatsService statsBean, ScstSysfs sysfs, LargeState.Counts counts, String figure) {
		List<Double> floor = new ArrayList<>();
		List<Double> ours = new ArrayList<>();
		List<Double> walk = new ArrayList<>();
		int bytes = 0;
		for (int run = -WARMUPS; run < RUNS; run++) {
			long t0 = System.nanoTime();
			long sum = 0;
			for (ScstPath file : counts.counterFiles()) {
				sum += sysfs.read(file).value().length();
			}
			long t1 = System.nanoTime();
			byte[] body = Bench.get(base + "/actuator/prometheus", "text/plain");
			long t2 = System.nanoTime();
			statsBean.snapshot();
			long t3 = System.nanoTime();
			assertThat(sum).isPositive();
			bytes = body.length;
			if (run >= 0) {
				floor.add((t1 - t0) / 1e6);
				ours.add((t2 - t1) / 1e6);
				walk.add((t3 - t2) / 1e6);
			}
		}
		print("scrape: %d counter files, exposition %d KiB", counts.counterFiles().size(), bytes / 1024);
		print("  %s", Bench.summary("floor: raw counter reads", floor, "ms"));
		print("  %s", Bench.summary("ours: GET /actuator/prometheus", ours, "ms"));
		print("  %s", Bench.summary("profile: the stats walk in-process", walk, "ms"));
		ratio(figure, ours, floor, 1.5);
		record(figure, Bench.median(ours), Bench.median(floor));
	}

	/**
	 * An entry of the apply's {@code Server-Timing} header: its name and milliseconds.
	 */
	private static final Pattern PHASE = Pattern.compile("([a-z-]+);dur=([0-9.]+)");

	/**
	 * PUT /api/v1/config (scst.conf text, nothing pruned) of 100 devices, 100 targets and
	 * 400 LUNs against issuing the same 600 management writes; each removed (untimed)
	 * after it is measured. Also: the save the PUT's answer reports (done before the
	 * answer), the same PUT again (nothing to do) against reading every file of the tree,
	 * and POST /api/v1/config/plan against the planner in-process on the parsed file.
	 */
	private void apply(String base, ScstSysfs sysfs, ConfigSaver saver, ConfigService service, boolean readAll)
			throws IOException, InterruptedException {
		List<MgmtCommand> commands = new ArrayList<>();
		StringBuilder config = new StringBuilder("HANDLER vdisk_nullio {\n");
		for (int d = 0; d < 100; d++) {
			commands.add(MgmtCommand.addDevice("vdisk_nullio", applyDevice(d), Map.of("size", "1048576")));
			config.append("\tDEVICE ").append(applyDevice(d)).append(" {\n\t\tsize 1048576\n\t}\n");
		}
		config.append("}\nTARGET_DRIVER scst_local {\n");
		for (int t = 0; t < 100; t++) {
			commands.add(MgmtCommand.addTarget("scst_local", applyTarget(t), Map.of()));
			config.append("\tTARGET ").append(applyTarget(t)).append(" {\n");
			for (int l = 0; l < 4; l++) {
				commands.add(MgmtCommand.addLun("scst_local", applyTarget(t), null, l, applyDevice((t * 4 + l) % 100),
						false));
				config.append("\t\tLUN ").append(l).append(' ').append(applyDevice((t * 4 + l) % 100)).append('\n');
			}
			config.append("\t}\n");
		}
		config.append("}\n");
		HttpRequest put = HttpRequest.newBuilder(URI.create(base + "/api/v1/config"))
			.header("Content-Type", "text/plain")
			.header("Accept", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(config.toString()))
			.build();
		HttpRequest plan = HttpRequest.newBuilder(URI.create(base + "/api/v1/config/plan"))
			.header("Content-Type", "text/plain")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(config.toString()))
			.build();
		HttpRequest emptyPlan = HttpRequest.newBuilder(URI.create(base + "/api/v1/config/plan"))
			.header("Content-Type", "text/plain")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("# nothing to do\n"))
			.build();
		ScstConfig parsed = ConfigFormat.parse(config.toString());
		Pattern saveMillis = Pattern.compile("\"save\":\\{\"outcome\":\"written\",\"millis\":([0-9.Ee-]+)\\}");
		List<Double> floor = new ArrayList<>();
		List<Double> ours = new ArrayList<>();
		List<Double> planned = new ArrayList<>();
		List<Double> planner = new ArrayList<>();
		List<Double> plannerAndExchange = new ArrayList<>();
		List<Double> emptyPlans = new ArrayList<>();
		List<Double> writesAndSave = new ArrayList<>();
		List<Double> saved = new ArrayList<>();
		List<Double> reapplied = new ArrayList<>();
		List<Double> readAllFloor = new ArrayList<>();
		List<Double> exported = new ArrayList<>();
		List<Double> readNew = new ArrayList<>();
		List<Double> durable = new ArrayList<>();
		Map<String, List<Double>> phases = new LinkedHashMap<>();
		Path savedFile = Path.of(service.savedFile());
		Path floorFile = this.dir.resolve("durable-floor.conf");
		int files = 0;
		int runs = Math.max(5, RUNS - 2);
		for (int run = -WARMUPS; run < runs; run++) {
			long t0 = System.nanoTime();
			commands.forEach(sysfs::mgmt);
			long t1 = System.nanoTime();
			removeApplied(sysfs);
			resync(saver);
			long t2 = System.nanoTime();
			HttpResponse<byte[]> answer = Bench.exchange(put);
			long t3 = System.nanoTime();
			String result = new String(answer.body(), StandardCharsets.UTF_8);
			assertThat(result.contains("\"applied\":600")).as("600 applied").isTrue();
			Matcher save = saveMillis.matcher(result);
			assertThat(save.find()).as("the answer reports the save: %s", result.substring(result.length() - 200))
				.isTrue();
			assertThat(saver.pending()).as("saved before the answer").isFalse();
			long r0 = System.nanoTime();
			for (int d = 0; d < 100; d++) {
				readAll(sysfs, ScstTree.device(applyDevice(d)));
			}
			for (int t = 0; t < 100; t++) {
				readAll(sysfs, ScstTree.target("scst_local", applyTarget(t)));
			}
			long r1 = System.nanoTime();
			durableWrite(floorFile, Files.readAllBytes(savedFile));
			long r2 = System.nanoTime();
			String again = new String(Bench.send(put), StandardCharsets.UTF_8);
			long t4 = System.nanoTime();
			assertThat(again).startsWith("{\"applied\":0,");
			long t5 = System.nanoTime();
			if (readAll) {
				files = readAll(sysfs, ScstPath.ROOT);
			}
			long t6 = System.nanoTime();
			Bench.get(base + "/api/v1/config", "text/plain");
			long t7 = System.nanoTime();
			removeApplied(sysfs);
			resync(saver);
			double[] planMillis = plan(plan, service, parsed, run % 2 == 0);
			long e0 = System.nanoTime();
			String nothing = new String(Bench.send(emptyPlan), StandardCharsets.UTF_8);
			long e1 = System.nanoTime();
			assertThat(nothing).as("the empty plan").startsWith("{\"steps\":[]");
			if (run >= 0) {
				floor.add((t1 - t0) / 1e6);
				ours.add((t3 - t2) / 1e6);
				saved.add(Double.parseDouble(save.group(1)));
				reapplied.add((t4 - r2) / 1e6);
				readAllFloor.add((t6 - t5) / 1e6);
				exported.add((t7 - t6) / 1e6);
				readNew.add((r1 - r0) / 1e6);
				durable.add((r2 - r1) / 1e6);
				planned.add(planMillis[0]);
				planner.add(planMillis[1]);
				emptyPlans.add((e1 - e0) / 1e6);
				plannerAndExchange.add(planMillis[1] + (e1 - e0) / 1e6);
				writesAndSave.add((t1 - t0 + r2 - r1) / 1e6);
				Matcher phase = PHASE.matcher(answer.headers().firstValue("Server-Timing").orElse(""));
				while (phase.find()) {
					phases.computeIfAbsent(phase.group(1), (name) -> new ArrayList<>())
						.add(Double.parseDouble(phase.group(2)));
				}
			}
		}
		print("apply: 100 devices, 100 targets, 400 LUNs (600 management writes) on top of the state");
		print("  %s", Bench.summary("floor: the 600 writes directly", floor, "ms"));
		print("  %s", Bench.summary("ours: PUT /api/v1/config (scst.conf)", ours, "ms"));
		print("  %s", Bench.summary("  of which the save before the answer", saved, "ms"));
		ratio("apply", ours, floor, 1.2);
		print("  %s", Bench.summary("  floor + durable save (write, fsync, rename)", writesAndSave, "ms"));
		print("  => apply / (writes + durable save) %.2f (not a goal: a floor that saves as the apply must)",
				Bench.median(ours) / Bench.median(writesAndSave));
		phases.forEach((name, millis) -> print("  %s",
				Bench.summary("  of which " + name + " (Server-Timing)", millis, "ms")));
		print("  %s", Bench.summary("    floor: read every file of the 200 new objects", readNew, "ms"));
		print("  %s", Bench.summary("    floor: write, fsync, rename, fsync the directory", durable, "ms"));
		print("  => save/apply ratio %.2f (goal <= 0.2: %s)", Bench.median(saved) / Bench.median(ours),
				(Bench.median(saved) / Bench.median(ours) <= 0.2) ? "met" : "NOT met");
		record("apply", Bench.median(ours), Bench.median(floor));
		record("save", Bench.median(saved), Bench.median(ours));
		print("  %s", Bench.summary("ours: POST /api/v1/config/plan", planned, "ms"));
		print("  %s", Bench.summary("floor: the planner in-process (parsed file)", planner, "ms"));
		ratio("plan", planned, planner, 2.0);
		print("  %s", Bench.summary("  an empty plan over HTTP (the exchange alone)", emptyPlans, "ms"));
		print("  => plan / (planner + empty exchange) %.2f (not a goal: a floor that answers over HTTP)",
				Bench.median(planned) / Bench.median(plannerAndExchange));
		record("plan", Bench.median(planned), Bench.median(planner));
		print("  %s", Bench.summary("ours: the same PUT again (nothing to do)", reapplied, "ms"));
		if (readAll) {
			print("  %s", Bench.summary("floor: read every file of the tree (" + files + ")", readAllFloor, "ms"));
			ratio("re-apply unchanged", reapplied, readAllFloor, 0.5);
			print("  %s", Bench.summary("GET /api/v1/config (scst.conf), beside the read-all", exported, "ms"));
			ratio("export", exported, readAllFloor, 1.5);
			record("reapply", Bench.median(reapplied), Bench.median(readAllFloor));
		}
		else {
			print("  (read-all floor only at the small sizes: the full tree has ~700,000 entries)");
			record("reapply", Bench.median(reapplied), Double.NaN);
		}
	}

	/** Read every file below a directory (links not followed); how many were read. */
	private static int readAll(ScstSysfs sysfs, ScstPath dir) {
		int files = 0;
		for (Entry entry : sysfs.list(dir)) {
			ScstPath path = dir.resolve(entry.name());
			switch (entry.type()) {
				case DIRECTORY -> files += readAll(sysfs, path);
				case FILE -> {
					if ((entry.mode() & 0444) != 0) {
						sysfs.readIfPresent(path);
						files++;
					}
				}
				case LINK -> {
					sysfs.readLinkIfPresent(path);
					files++;
				}
			}
		}
		return files;
	}

	/**
	 * The least a durable, atomic save does: write a temporary file, fsync it, rename it
	 * over the file and fsync the directory (no backup rotation, no comparison).
	 */
	private static void durableWrite(Path file, byte[] content) throws IOException {
		Path temp = file.resolveSibling(file.getFileName() + ".tmp");
		try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
				StandardOpenOption.TRUNCATE_EXISTING)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
		Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		try (FileChannel directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
			directory.force(true);
		}
	}

	/**
	 * Milliseconds of the plan over HTTP and of the planner in-process, on the same
	 * state; which goes first alternates between runs, as the second finds the tree it
	 * reads in the CPU's caches.
	 */
	private static double[] plan(HttpRequest plan, ConfigService service, ScstConfig parsed, boolean httpFirst) {
		long t0 = System.nanoTime();
		if (httpFirst) {
			Bench.send(plan);
		}
		long t1 = System.nanoTime();
		service.plan(parsed, (String) null);
		long t2 = System.nanoTime();
		if (!httpFirst) {
			Bench.send(plan);
		}
		long t3 = System.nanoTime();
		return new double[] { ((t1 - t0) + (t3 - t2)) / 1e6, (t2 - t1) / 1e6 };
	}

	/**
	 * The floor's writes and the removals go straight through the gateway, which the save
	 * treats like another tool's writes (it reads everything again): save once, untimed,
	 * so that the measured PUT's save starts from what a save after the server's own last
	 * change would know.
	 */
	private static void resync(ConfigSaver saver) {
		saver.changed();
		saver.flush();
	}

	private static void removeApplied(ScstSysfs sysfs) {
		for (int t = 0; t < 100; t++) {
			sysfs.mgmt(MgmtCommand.delTarget("scst_local", applyTarget(t)));
		}
		for (int d = 0; d < 100; d++) {
			sysfs.mgmt(MgmtCommand.delDevice("vdisk_nullio", applyDevice(d)));
		}
	}

	private static String applyDevice(int d) {
		return String.format("ad%03d", d);
	}

	private static String applyTarget(int t) {
		return String.format("at%03d", t);
	}

	/** wrk against list endpoints and the constant endpoint, interleaved, same client. */
	private void throughput(String base, String label, Map<String, Double> ratios, Map<String, Double> cpuRatios) {
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("constant (floor)", ConstantController.PATH);
		endpoints.put("handlers (all, 2,000 device names)", "/api/v1/handlers");
		endpoints.put("LUNs of a target (16)", "/api/v1/target-drivers/scst_local/targets/lt0000/luns");
		endpoints.put("sessions of a target (4)", "/api/v1/target-drivers/scst_local/targets/lt0000/sessions");
		endpoints.put("ini-groups of a target (1)", "/api/v1/target-drivers/scst_local/targets/lt0000/ini-groups");
		endpoints.put("targets (1,000)", "/api/v1/target-drivers/scst_local/targets");
		endpoints.put("targets ?limit=100", "/api/v1/target-drivers/scst_local/targets?limit=100");
		endpoints.put("devices (2,000)", "/api/v1/devices");
		endpoints.put("devices ?limit=100", "/api/v1/devices?limit=100");
		endpoints.put("devices ?limit=100&after=ld0999", "/api/v1/devices?limit=100&after=ld0999");
		for (String path : endpoints.values()) {
			Bench.get(base + path, "application/json");
		}
		Map<String, List<Double>> rps = new LinkedHashMap<>();
		Map<String, List<Double>> p99 = new LinkedHashMap<>();
		Map<String, List<Double>> cpu = new LinkedHashMap<>();
		endpoints.keySet().forEach((name) -> {
			rps.put(name, new ArrayList<>());
			p99.put(name, new ArrayList<>());
			cpu.put(name, new ArrayList<>());
		});
		// one untimed warm-up round, then the measured rounds
		for (int round = -1; round < WRK_ROUNDS; round++) {
			for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
				double[] result = wrk(base + endpoint.getValue(), (round < 0) ? "2s" : WRK_DURATION);
				if (round >= 0) {
					rps.get(endpoint.getKey()).add(result[0]);
					p99.get(endpoint.getKey()).add(result[1]);
					cpu.get(endpoint.getKey()).add(result[2]);
				}
			}
		}
		profile(base, label, endpoints);
		double constant = Bench.median(rps.get("constant (floor)"));
		double constantCpu = Bench.median(cpu.get("constant (floor)"));
		print("throughput%s: wrk -t2 -c8 -d%s --latency, %d rounds interleaved (server and wrk share the 2 cores)",
				label, WRK_DURATION, WRK_ROUNDS);
		print("  (server CPU per request: this JVM's CPU time during the wrk run over the requests wrk made;");
		print("   its ratio, constant / endpoint, does not move with what else the machine runs)");
		for (String name : endpoints.keySet()) {
			print("  %s  p99 median %.2f ms  ratio to constant %.3f", Bench.summary(name, rps.get(name), "req/s"),
					Bench.median(p99.get(name)), Bench.median(rps.get(name)) / constant);
			print("  %-44s server CPU per request median %8.1f us  CPU ratio to constant %.3f", "",
					Bench.median(cpu.get(name)), constantCpu / Bench.median(cpu.get(name)));
			ratios.put(name, Bench.median(rps.get(name)) / constant);
			cpuRatios.put(name, constantCpu / Bench.median(cpu.get(name)));
		}
	}

	/**
	 * With {@code -Dbench.jfr=DIR}, after the measured rounds: wrk against each endpoint
	 * alone for {@code bench.jfr.duration} (10 s) while a flight recording samples this
	 * JVM's threads every millisecond ({@code jdk.ExecutionSample}, nothing else), one
	 * file per endpoint in DIR. For profiles only: the recording costs CPU, so these runs
	 * are not part of the figures.
	 */
	private static void profile(String base, String label, Map<String, String> endpoints) {
		String dir = System.getProperty("bench.jfr");
		if (dir == null) {
			return;
		}
		int n = 0;
		for (Map.Entry<String, String> endpoint : endpoints.entrySet()) {
			String name = String.format(Locale.ROOT, "%02d-%s%s.jfr", n++, endpoint.getKey(), label)
				.replaceAll("[^A-Za-z0-9.=-]+", "_");
			try (jdk.jfr.Recording recording = new jdk.jfr.Recording()) {
				recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)).withStackTrace();
				recording.start();
				wrk(base + endpoint.getValue(), System.getProperty("bench.jfr.duration", "10s"));
				recording.stop();
				Path file = Files.createDirectories(Path.of(dir)).resolve(name);
				recording.dump(file);
				System.out.println("profile of " + endpoint.getKey() + label + ": " + file);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		}
	}

	/**
	 * Requests per second, p99 latency in milliseconds, and this JVM's CPU time per
	 * request in microseconds.
	 */
	private static double[] wrk(String url, String duration) {
		try {
			long cpuBefore = PROCESS.getProcessCpuTime();
			Process process = new ProcessBuilder("wrk", "-t2", "-c8", "-d" + duration, "--latency", url)
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).as(output).isZero();
			assertThat(output).as(output).doesNotContain("Non-2xx");
			Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(output);
			Matcher p99 = Pattern.compile("99%\\s+([0-9.]+)(us|ms|s)").matcher(output);
			long cpuNanos = PROCESS.getProcessCpuTime() - cpuBefore;
			Matcher requests = Pattern.compile("([0-9]+) requests in").matcher(output);
			assertThat(rps.find() && p99.find() && requests.find()).as(output).isTrue();
			double latency = Double.parseDouble(p99.group(1));
			latency = switch (p99.group(2)) {
				case "us" -> latency / 1000;
				case "s" -> latency * 1000;
				default -> latency;
			};
			return new double[] { Double.parseDouble(rps.group(1)), latency,
					cpuNanos / 1e3 / Long.parseLong(requests.group(1)) };
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private void ratio(String figure, List<Double> ours, List<Double> floor, double goal) {
		double ratio = Bench.median(ours) / Bench.median(floor);
		print("  => %s ratio %.2f (goal <= %.1f: %s)", figure, ratio, goal, (ratio <= goal) ? "met" : "NOT met");
	}

	/** Medians by figure, then size: {ours, floor}. */
	private final Map<String, Map<String, double[]>> medians = new LinkedHashMap<>();

	private final Map<String, Double> throughputRatios = new LinkedHashMap<>();

	private final Map<String, Double> cpuRatios = new LinkedHashMap<>();

	private final Map<String, Double> cachedRatios = new LinkedHashMap<>();

	private final Map<String, Double> cachedCpuRatios = new LinkedHashMap<>();

	private static final com.sun.management.OperatingSystemMXBean PROCESS = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
		.getOperatingSystemMXBean();

	private String size = "";

	private void record(String figure, double ours, double floor) {
		this.medians.computeIfAbsent(figure, (key) -> new LinkedHashMap<>())
			.put(this.size, new double[] { ours, floor });
	}

	/**
	 * The fitted growth exponent of every figure from 1/16 to the full state (16 times
	 * the objects): log(t_full / t_1/16) / log(16); 1 is linear, 0 constant.
	 */
	private void growth() {
		print("%ngrowth exponents, 1/16 -> full state (x16 objects); 1 = linear, 0 = flat:");
		this.medians.forEach((figure, bySize) -> {
			double[] small = bySize.get("1/16");
			double[] full = bySize.get("1/1");
			if (small != null && full != null) {
				print("  %-10s ours %5.2f   floor %5.2f", figure, Math.log(full[0] / small[0]) / Math.log(16),
						Math.log(full[1] / small[1]) / Math.log(16));
			}
		});
	}

	/**
	 * Write the summary, a table of medians and Mermaid charts of time against size to
	 * {@code bench.results} (default {@code target/benchmark-results.md}).
	 */
	private void writeResults() throws IOException {
		Path file = Path.of(System.getProperty("bench.results", "target/benchmark-results.md"));
		Files.createDirectories(file.toAbsolutePath().getParent());
		StringBuilder out = new StringBuilder("# Benchmark results\n\n");
		out.append("Generated by `ScaleBenchmark` (see docs/performance.md, Method) on ")
			.append(java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
			.append(", ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs, load average at the end of the run ")
			.append(String.format(Locale.ROOT, "%.1f",
					java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()))
			.append(".\n\n| figure | size | ours (ms) | floor (ms) | ratio |\n|---|---|---|---|---|\n");
		this.medians.forEach((figure, bySize) -> bySize.forEach((size, values) -> out.append(String.format(Locale.ROOT,
				"| %s | %s | %.2f | %.2f | %.2f |%n", figure, size, values[0], values[1], values[0] / values[1]))));
		if (!this.throughputRatios.isEmpty()) {
			out.append("\n| list endpoint (full state) | throughput / constant | server CPU: constant / endpoint "
					+ "| with the list cache (" + LIST_CACHE.toMillis() + " ms): throughput / constant | server CPU |\n"
					+ "|---|---|---|---|---|\n");
			this.throughputRatios.forEach((name,
					ratio) -> out.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f | %.3f | %.3f |%n", name, ratio,
							this.cpuRatios.get(name), this.cachedRatios.getOrDefault(name, Double.NaN),
							this.cachedCpuRatios.getOrDefault(name, Double.NaN))));
		}
		this.medians.forEach((figure, bySize) -> {
			List<String> sizes = bySize.keySet().stream().filter((size) -> size.startsWith("1/")).toList();
			if (sizes.size() < 2) {
				return;
			}
			StringBuilder ours = new StringBuilder();
			StringBuilder floor = new StringBuilder();
			double max = 0;
			for (String size : sizes) {
				double[] values = bySize.get(size);
				ours.append(ours.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", values[0]));
				floor.append(floor.isEmpty() ? "" : ", ")
					.append(String.format(Locale.ROOT, "%.1f", Double.isNaN(values[1]) ? 0 : values[1]));
				max = Math.max(max, Math.max(values[0], Double.isNaN(values[1]) ? 0 : values[1]));
			}
			double[] oursValues = sizes.stream().mapToDouble((size) -> bySize.get(size)[0]).toArray();
			double[] floorValues = sizes.stream().mapToDouble((size) -> bySize.get(size)[1]).toArray();
			String svgName = "benchmark-" + figure + ".svg";
			try {
				Files.writeString(file.toAbsolutePath().resolveSibling(svgName),
						SvgChart.of(figure + ": median time against state size", sizes, oursValues, floorValues));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			out.append("\n![").append(figure).append(" against size](").append(svgName).append(")\n");
			out.append("\n```mermaid\nxychart-beta\n    title \"")
				.append(figure)
				.append(": ours (bar) and floor (line), ms\"\n    x-axis [")
				.append(String.join(", ", sizes.stream().map((size) -> "\"" + size + "\"").toList()))
				.append("]\n    y-axis \"ms\" 0 --> ")
				.append((long) Math.ceil(max * 1.1))
				.append("\n    bar [")
				.append(ours)
				.append("]\n    line [")
				.append(floor)
				.append("]\n```\n");
		});
		out.append("\n## Summary as printed\n\n```\n");
		this.lines.forEach((line) -> out.append(line).append('\n'));
		out.append("```\n");
		Files.writeString(file, out.toString());
		System.out.println("results written to " + file.toAbsolutePath());
	}

	private void print(String format, Object... args) {
		String line = String.format(Locale.ROOT, format, args);
		System.out.println(line);
		this.lines.add(line);
	}

}
