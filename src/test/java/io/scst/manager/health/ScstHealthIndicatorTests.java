package io.scst.manager.health;

import java.nio.file.Path;
import java.time.Duration;

import io.scst.manager.scst.ScstService;
import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;
import io.scst.manager.sysfs.KernelScstSysfs;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code scst} health component. */
class ScstHealthIndicatorTests {

	@Test
	void upWithModeLocationAndVersionOnTheSimulator() {
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults())) {
			Health health = health(new SimulatedScstSysfs(simulator));
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("mode", "simulator")
				.containsEntry("location", "simulator")
				.containsEntry("version", "3.11.0-pre");
		}
	}

	@Test
	void stillUpButWarnsWhileScstsIoIsSuspended() {
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults())) {
			SimulatedScstSysfs sysfs = new SimulatedScstSysfs(simulator);
			assertThat(health(sysfs).getDetails()).doesNotContainKeys("suspendCount", "warning");
			sysfs.write(ScstTree.SUSPEND, "10");
			sysfs.write(ScstTree.SUSPEND, "10");
			Health suspended = health(sysfs);
			assertThat(suspended.getStatus()).isEqualTo(Status.UP);
			assertThat(suspended.getDetails()).containsEntry("suspendCount", 2)
				.hasEntrySatisfying("warning", (warning) -> assertThat(warning).asString().contains("suspended"));
			sysfs.write(ScstTree.SUSPEND, "-1");
			sysfs.write(ScstTree.SUSPEND, "-1");
			assertThat(health(sysfs).getDetails()).doesNotContainKeys("suspendCount", "warning");
		}
	}

	@Test
	void downWithTheReasonWhenTheKernelTreeIsMissing(@TempDir Path temp) {
		Path root = temp.resolve("scst_tgt");
		Health health = health(new KernelScstSysfs(root, Duration.ofSeconds(1), GatewayListener.NONE));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("mode", "kernel")
			.containsEntry("location", root.toString())
			.containsKey("reason")
			.doesNotContainKey("version");
	}

	private static Health health(ScstSysfs sysfs) {
		return new ScstHealthIndicator(sysfs, new ScstService(sysfs)).health(true);
	}

}
