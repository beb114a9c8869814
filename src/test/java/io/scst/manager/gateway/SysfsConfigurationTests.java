package io.scst.manager.gateway;

import java.nio.file.Files;
import java.nio.file.Path;

import io.scst.manager.sysfs.KernelScstSysfs;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The choice of gateway and the simulator's start-up state. */
class SysfsConfigurationTests {

	private static final ScstPath DEMO_DEVICE = ScstPath.of("devices", "vm_disk1");

	private static final ScstPath DEMO_LUN = ScstPath.of("targets", "scst_local", "scst_local_tgt", "luns", "0");

	@TempDir
	Path temp;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withUserConfiguration(SysfsConfiguration.class)
			.withPropertyValues("scst.simulator.data-dir=" + this.temp.resolve("data"));
	}

	@Test
	void autoPicksTheSimulatorWhenTheRootDoesNotExist() {
		Path missing = this.temp.resolve("no-scst_tgt");
		runner().withPropertyValues("scst.sysfs.root=" + missing, "scst.simulator.persist=false").run((context) -> {
			ScstSysfs sysfs = context.getBean(ScstSysfs.class);
			assertThat(sysfs).isInstanceOf(SimulatedScstSysfs.class);
			assertThat(sysfs.mode()).isEqualTo(ScstSysfs.Mode.SIMULATOR);
		});
	}

	@Test
	void autoPicksTheKernelWhenTheRootExists() throws Exception {
		Path root = Files.createDirectories(this.temp.resolve("scst_tgt"));
		runner().withPropertyValues("scst.sysfs.root=" + root).run((context) -> {
			ScstSysfs sysfs = context.getBean(ScstSysfs.class);
			assertThat(sysfs).isInstanceOf(KernelScstSysfs.class);
			assertThat(sysfs.mode()).isEqualTo(ScstSysfs.Mode.KERNEL);
			assertThat(sysfs.location()).isEqualTo(root.toString());
		});
	}

	@Test
	void simulatorModeIgnoresAnExistingRoot() throws Exception {
		Path root = Files.createDirectories(this.temp.resolve("scst_tgt"));
		runner()
			.withPropertyValues("scst.sysfs.mode=simulator", "scst.sysfs.root=" + root, "scst.simulator.persist=false")
			.run((context) -> assertThat(context.getBean(ScstSysfs.class)).isInstanceOf(SimulatedScstSysfs.class));
	}

	@Test
	void kernelModeUsesTheKernelEvenWhenTheRootIsMissing() {
		Path missing = this.temp.resolve("no-scst_tgt");
		runner().withPropertyValues("scst.sysfs.mode=kernel", "scst.sysfs.root=" + missing).run((context) -> {
			ScstSysfs sysfs = context.getBean(ScstSysfs.class);
			assertThat(sysfs).isInstanceOf(KernelScstSysfs.class);
			assertThat(sysfs.available()).isFalse();
		});
	}

	@Test
	void demoStateSeedsTheDemoDeviceOnLunZero() {
		runner().withPropertyValues("scst.sysfs.mode=simulator", "scst.simulator.persist=false").run((context) -> {
			ScstSysfs sysfs = context.getBean(ScstSysfs.class);
			assertThat(sysfs.exists(DEMO_DEVICE)).isTrue();
			assertThat(sysfs.exists(DEMO_LUN)).isTrue();
			assertThat(this.temp.resolve("data").resolve("vm_disk1.img")).isRegularFile();
		});
	}

	@Test
	void freshStateStartsWithoutDevices() {
		runner()
			.withPropertyValues("scst.sysfs.mode=simulator", "scst.simulator.persist=false",
					"scst.simulator.state=fresh")
			.run((context) -> assertThat(context.getBean(ScstSysfs.class).list(ScstPath.of("devices"))).isEmpty());
	}

	@Test
	void simulatorCpusBecomeTheGlobalThreadCount() {
		runner()
			.withPropertyValues("scst.sysfs.mode=simulator", "scst.simulator.persist=false",
					"scst.simulator.state=fresh", "scst.simulator.cpus=3")
			.run((context) -> assertThat(context.getBean(ScstSysfs.class).read(ScstPath.of("threads")).value())
				.isEqualTo("3"));
	}

	@Test
	void persistedStateSurvivesARestartAndIsNotSeededAgain() {
		ApplicationContextRunner persistent = runner().withPropertyValues("scst.sysfs.mode=simulator",
				"scst.simulator.persist=true");
		persistent.run((context) -> context.getBean(ScstSysfs.class)
			.mgmt(ScstPath.of("handlers", "vdisk_nullio", "mgmt"), "add_device kept1 dummy=1"));
		assertThat(this.temp.resolve("data").resolve(SysfsConfiguration.JOURNAL_FILE)).isRegularFile();
		persistent.run((context) -> {
			ScstSysfs sysfs = context.getBean(ScstSysfs.class);
			assertThat(sysfs.exists(ScstPath.of("devices", "kept1"))).isTrue();
			assertThat(sysfs.exists(DEMO_DEVICE)).isTrue();
			assertThat(sysfs.list(ScstPath.of("targets", "scst_local", "scst_local_tgt", "luns")))
				.filteredOn((entry) -> entry.isDirectory())
				.hasSize(1);
		});
	}

	@Test
	void withoutPersistenceNothingIsWrittenToTheDataDirectoryButTheDemoDisk() {
		runner().withPropertyValues("scst.sysfs.mode=simulator", "scst.simulator.persist=false")
			.run((context) -> assertThat(this.temp.resolve("data").resolve(SysfsConfiguration.JOURNAL_FILE))
				.doesNotExist());
	}

}
