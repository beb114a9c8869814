package io.scst.manager.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;
import io.scst.manager.sysfs.KernelScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** {@link GatewayHealthIndicator} and {@link ScstLocalHealthIndicator}. */
class GatewayHealthIndicatorTests {

	@Test
	void simulatorIsWritableAndHasScstLocal() {
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults())) {
			SimulatedScstSysfs sysfs = new SimulatedScstSysfs(simulator);
			Health gateway = new GatewayHealthIndicator(sysfs, Path.of("/nonexistent")).health(true);
			assertThat(gateway.getStatus()).isEqualTo(Status.UP);
			assertThat(gateway.getDetails()).containsEntry("mode", "simulator").containsEntry("writable", true);
			Health local = new ScstLocalHealthIndicator(sysfs).health(true);
			assertThat(local.getStatus()).isEqualTo(Status.UP);
			assertThat(local.getDetails()).containsKey("version");
		}
	}

	@Test
	void kernelModeChecksMgmtFilesWithoutWritingThem(@TempDir Path root) throws Exception {
		assumeThat(System.getProperty("user.name")).as("root may write any file; access(2) says yes")
			.isNotEqualTo("root");
		Path mgmt = Files.createDirectories(root.resolve("handlers/vdisk_nullio")).resolve("mgmt");
		Files.writeString(mgmt, "");
		Files.createDirectories(root.resolve("targets/scst_local"));
		Files.writeString(root.resolve("version"), "3.11.0-pre\n");
		Files.setPosixFilePermissions(mgmt, PosixFilePermissions.fromString("r--r--r--"));
		KernelScstSysfs sysfs = new KernelScstSysfs(root, Duration.ofSeconds(1), GatewayListener.NONE);
		Health health = new GatewayHealthIndicator(sysfs, root).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("notWritable", List.of("handlers/vdisk_nullio/mgmt"));
		assertThat(Files.readString(mgmt)).isEmpty();
	}

	@Test
	void kernelModeWithWritableMgmtFilesIsUp(@TempDir Path root) throws Exception {
		Path mgmt = Files.createDirectories(root.resolve("handlers/vdisk_nullio")).resolve("mgmt");
		Files.writeString(mgmt, "");
		Files.createDirectories(root.resolve("targets/scst_local"));
		Files.writeString(root.resolve("targets/scst_local/mgmt"), "");
		Files.writeString(root.resolve("version"), "3.11.0-pre\n");
		KernelScstSysfs sysfs = new KernelScstSysfs(root, Duration.ofSeconds(1), GatewayListener.NONE);
		assumeThat(sysfs.available()).as("the kernel gateway accepts a plain directory").isTrue();
		Health health = new GatewayHealthIndicator(sysfs, root).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("checked", 2);
		assertThat(Files.readString(mgmt)).isEmpty();
	}

}
