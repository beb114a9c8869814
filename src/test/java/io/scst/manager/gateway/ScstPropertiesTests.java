package io.scst.manager.gateway;

import java.nio.file.Path;
import java.time.Duration;

import io.scst.manager.gateway.ScstProperties.Mode;
import io.scst.manager.gateway.ScstProperties.State;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** Binding and validation of {@code scst.*}. */
class ScstPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(PropertiesConfiguration.class);

	@Test
	void defaultsPickTheTreeAutomaticallyAndSeedAPersistentDemoSimulator() {
		this.runner.run((context) -> {
			ScstProperties properties = context.getBean(ScstProperties.class);
			assertThat(properties.sysfs().mode()).isEqualTo(Mode.AUTO);
			assertThat(properties.sysfs().root()).isEqualTo(Path.of("/sys/kernel/scst_tgt"));
			assertThat(properties.sysfs().mgmtTimeout()).isEqualTo(Duration.ofSeconds(10));
			assertThat(properties.simulator().state()).isEqualTo(State.DEMO);
			assertThat(properties.simulator().cpus()).isZero();
			assertThat(properties.simulator().dataDir()).isEqualTo(Path.of("data"));
			assertThat(properties.simulator().persist()).isTrue();
			assertThat(properties.simulator().debugEagain()).isFalse();
			assertThat(properties.simulator().addDefaultTarget()).isTrue();
			assertThat(properties.simulator().mount()).isNull();
		});
	}

	@Test
	void zeroCpusMeansThisMachinesCount() {
		this.runner.run((context) -> assertThat(context.getBean(ScstProperties.class).simulator().effectiveCpus())
			.isEqualTo(Runtime.getRuntime().availableProcessors()));
	}

	@Test
	void everyPropertyBindsInKebabCase() {
		this.runner
			.withPropertyValues("scst.sysfs.mode=simulator", "scst.sysfs.root=/tmp/scst",
					"scst.sysfs.mgmt-timeout=250ms", "scst.simulator.state=fresh", "scst.simulator.cpus=8",
					"scst.simulator.data-dir=/var/lib/scst", "scst.simulator.persist=false",
					"scst.simulator.debug-eagain=true", "scst.simulator.add-default-target=false",
					"scst.simulator.mount=/mnt/scst_tgt")
			.run((context) -> {
				ScstProperties properties = context.getBean(ScstProperties.class);
				assertThat(properties.sysfs().mode()).isEqualTo(Mode.SIMULATOR);
				assertThat(properties.sysfs().root()).isEqualTo(Path.of("/tmp/scst"));
				assertThat(properties.sysfs().mgmtTimeout()).isEqualTo(Duration.ofMillis(250));
				assertThat(properties.simulator().state()).isEqualTo(State.FRESH);
				assertThat(properties.simulator().cpus()).isEqualTo(8);
				assertThat(properties.simulator().effectiveCpus()).isEqualTo(8);
				assertThat(properties.simulator().dataDir()).isEqualTo(Path.of("/var/lib/scst"));
				assertThat(properties.simulator().persist()).isFalse();
				assertThat(properties.simulator().debugEagain()).isTrue();
				assertThat(properties.simulator().addDefaultTarget()).isFalse();
				assertThat(properties.simulator().mount()).isEqualTo(Path.of("/mnt/scst_tgt"));
			});
	}

	@Test
	void negativeManagementTimeoutFailsFast() {
		assertFailsOn("scst.sysfs.mgmt-timeout=-1s", "mgmtTimeout");
	}

	@Test
	void zeroManagementTimeoutFailsFast() {
		assertFailsOn("scst.sysfs.mgmt-timeout=0s", "mgmtTimeout");
	}

	@Test
	void tooManyCpusFailsFast() {
		assertFailsOn("scst.simulator.cpus=99999", "cpus");
	}

	@Test
	void negativeCpusFailsFast() {
		assertFailsOn("scst.simulator.cpus=-1", "cpus");
	}

	@Test
	void unknownModeFailsFast() {
		assertFailsOn("scst.sysfs.mode=remote", "scst.sysfs.mode");
	}

	@Test
	void unknownSimulatorStateFailsFast() {
		assertFailsOn("scst.simulator.state=empty", "scst.simulator.state");
	}

	@Test
	void demoWithoutTheDefaultTargetFailsFast() {
		assertFailsOn("scst.simulator.add-default-target=false", "needs scst.simulator.state=fresh");
	}

	private void assertFailsOn(String property, String mentioned) {
		this.runner.withPropertyValues(property).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasStackTraceContaining(mentioned);
		});
	}

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ScstProperties.class)
	static class PropertiesConfiguration {

	}

}
