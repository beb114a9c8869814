package io.scst.manager.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not a timed test: measures plan and apply of 100 targets, 100 devices and 400 LUNs on
 * the simulator against the floor of writing the same management commands directly
 * through the gateway, and prints medians and ratios. Excluded from the normal build; run
 * with {@code ./mvnw -o test -Dtest=ConfigBenchmarkTests -Dsurefire.excludedGroups=none}.
 */
@Tag("benchmark")
class ConfigBenchmarkTests {

	private static final int RUNS = 15;

	private static final int DEVICES = 100;

	private static final int TARGETS = 100;

	private static final int LUNS_PER_TARGET = 4;

	@TempDir
	java.nio.file.Path dir;

	@Test
	void planAndApplyAgainstDirectWrites() {
		ScstConfig desired = desired();
		List<MgmtCommand> commands = commands();
		List<Long> direct = new ArrayList<>();
		List<Long> plan = new ArrayList<>();
		List<Long> apply = new ArrayList<>();
		List<Long> replan = new ArrayList<>();
		for (int run = 0; run < RUNS + 1; run++) {
			boolean warmUp = run == 0;
			direct.add(time((sysfs) -> commands.forEach(sysfs::mgmt), null));
			plan.add(time((sysfs) -> assertThat(service(sysfs).plan(desired, Set.of()).steps()).hasSize(600), null));
			apply.add(time((sysfs) -> assertThat(service(sysfs).apply(desired, Set.of()).applied()).isEqualTo(600),
					null));
			replan.add(time((sysfs) -> assertThat(service(sysfs).plan(desired, Set.of()).steps()).isEmpty(),
					(sysfs) -> service(sysfs).apply(desired, Set.of())));
			if (warmUp) {
				direct.clear();
				plan.clear();
				apply.clear();
				replan.clear();
			}
		}
		long floor = median(direct);
		System.out.printf("%nconfig benchmark: %d devices, %d targets, %d LUNs (%d management writes), %d runs%n",
				DEVICES, TARGETS, TARGETS * LUNS_PER_TARGET, commands.size(), RUNS);
		System.out.printf("  direct writes (floor):        median %6d ms  %s%n", floor, direct);
		System.out.printf("  plan on the empty state:      median %6d ms  %s%n", median(plan), plan);
		System.out.printf("  apply (plan + writes):        median %6d ms  %s  ratio %.2f%n", median(apply), apply,
				(double) median(apply) / floor);
		System.out.printf("  re-plan on the applied state: median %6d ms  %s%n", median(replan), replan);
	}

	private ConfigService service(SimulatedScstSysfs sysfs) {
		return new ConfigService(sysfs, new ConfigStore(this.dir.resolve("bench.conf"), 0),
				ChangePipeline.unrestricted(sysfs));
	}

	/**
	 * Milliseconds of one action on a fresh simulator, after an optional untimed setup.
	 */
	private static long time(Consumer<SimulatedScstSysfs> action, Consumer<SimulatedScstSysfs> setup) {
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults().withAddDefaultTarget(false))) {
			SimulatedScstSysfs sysfs = new SimulatedScstSysfs(simulator);
			if (setup != null) {
				setup.accept(sysfs);
			}
			long start = System.nanoTime();
			action.accept(sysfs);
			return (System.nanoTime() - start) / 1_000_000;
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static String device(int i) {
		return String.format("bd%03d", i);
	}

	private static String target(int i) {
		return String.format("bt%03d", i);
	}

	private static int lunDevice(int target, int lun) {
		return (target * LUNS_PER_TARGET + lun) % DEVICES;
	}

	private static ScstConfig desired() {
		List<ScstConfig.Device> devices = new ArrayList<>();
		for (int i = 0; i < DEVICES; i++) {
			devices.add(new ScstConfig.Device(device(i), Map.of("size", "1048576"), List.of()));
		}
		List<ScstConfig.Target> targets = new ArrayList<>();
		for (int t = 0; t < TARGETS; t++) {
			List<ScstConfig.Lun> luns = new ArrayList<>();
			for (int l = 0; l < LUNS_PER_TARGET; l++) {
				luns.add(new ScstConfig.Lun(l, device(lunDevice(t, l)), Map.of()));
			}
			targets.add(new ScstConfig.Target(target(t), false, Map.of(), List.of(), luns, List.of(), List.of()));
		}
		return new ScstConfig(Map.of(), List.of(new ScstConfig.Handler("vdisk_nullio", Map.of(), devices, List.of())),
				List.of(new ScstConfig.Driver("scst_local", Map.of(), targets, List.of())), List.of());
	}

	private static List<MgmtCommand> commands() {
		List<MgmtCommand> commands = new ArrayList<>();
		Map<String, String> size = new LinkedHashMap<>();
		size.put("size", "1048576");
		for (int i = 0; i < DEVICES; i++) {
			commands.add(MgmtCommand.addDevice("vdisk_nullio", device(i), size));
		}
		for (int t = 0; t < TARGETS; t++) {
			commands.add(MgmtCommand.addTarget("scst_local", target(t), Map.of()));
			for (int l = 0; l < LUNS_PER_TARGET; l++) {
				commands.add(MgmtCommand.addLun("scst_local", target(t), null, l, device(lunDevice(t, l)), false));
			}
		}
		return commands;
	}

}
