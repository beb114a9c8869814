package io.scst.manager.metrics;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link ManagementOperationMetrics} as the listener of a simulated gateway. */
class ManagementOperationMetricsTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private final ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults().withDebugEagain(true));

	private final SimulatedScstSysfs sysfs = new SimulatedScstSysfs(this.simulator, Duration.ofSeconds(10),
			new ManagementOperationMetrics(provider(this.registry)));

	@AfterEach
	void closeSimulator() {
		this.simulator.close();
	}

	@Test
	void timesCommandsByVerbAndOutcomeAndCountsEagainWaits() {
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "op_d1", Map.of()));
		KernelRejectedException failure = assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "op_d1", Map.of())))
			.actual();
		assertThat(this.registry.get("scst.management.operations")
			.tags("operation", "add_device", "outcome", "ok")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("scst.management.operations")
			.tags("operation", "add_device", "outcome", failure.errno().symbol())
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("scst.management.eagain.waits").tags("file", "mgmt").counter().count())
			.as("debug-eagain: every queued write answers EAGAIN")
			.isGreaterThanOrEqualTo(1);
	}

	@Test
	void operationIsTheVerbForMgmtFilesAndTheAttributeOtherwise() {
		assertThat(ManagementOperationMetrics.operation(ScstPath.of("handlers", "vdisk_nullio", "mgmt"),
				"add_device d1 size_mb=1"))
			.isEqualTo("add_device");
		assertThat(ManagementOperationMetrics.operation(ScstPath.of("devices", "d1", "threads_num"), "4"))
			.isEqualTo("threads_num");
		assertThat(ManagementOperationMetrics.operation(ScstPath.of("handlers", "x", "mgmt"), "Weird Verb!"))
			.isEqualTo("other");
	}

	@Test
	void recordsNothingWithoutARegistry() {
		ManagementOperationMetrics metrics = new ManagementOperationMetrics(provider(null));
		metrics.written(ScstPath.of("devices", "d1", "mgmt"), "x", Errno.EINVAL, Duration.ZERO);
		metrics.eagainResolved(ScstPath.of("devices", "d1", "mgmt"), 1, Duration.ZERO);
		assertThat(this.registry.getMeters()).isEmpty();
	}

	private static ObjectProvider<MeterRegistry> provider(MeterRegistry registry) {
		return new ObjectProvider<>() {
			@Override
			public MeterRegistry getObject() {
				return registry;
			}

			@Override
			public MeterRegistry getIfAvailable() {
				return registry;
			}
		};
	}

}
