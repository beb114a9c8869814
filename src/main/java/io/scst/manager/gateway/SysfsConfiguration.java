package io.scst.manager.gateway;

import java.nio.file.Files;
import java.nio.file.Path;

import io.scst.manager.gateway.ScstProperties.State;
import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;
import io.scst.manager.sysfs.KernelScsiDevices;
import io.scst.manager.sysfs.KernelScstSysfs;
import io.scst.manager.sysfs.ScsiDevices;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.ScstTreeFixtures;
import io.scst.manager.sysfs.simulation.SimulatedScsiDevices;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the sysfs gateway: the kernel tree when it is there (or asked for), the
 * embedded simulator otherwise.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ScstProperties.class)
class SysfsConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(SysfsConfiguration.class);

	/** The simulator's journal file inside {@code scst.simulator.data-dir}. */
	static final String JOURNAL_FILE = "simulator.journal";

	/**
	 * The gateway, observed by every {@link GatewayListener} bean (metrics, audit) in
	 * their order, and the simulator when it is one.
	 */
	@Bean
	SysfsGateway sysfsGateway(ScstProperties properties, ObjectProvider<GatewayListener> listeners) {
		ScstProperties.Sysfs sysfs = properties.sysfs();
		GatewayListener listener = GatewayListener.all(listeners.orderedStream().toList());
		if (useKernel(sysfs)) {
			return new SysfsGateway(new KernelScstSysfs(sysfs.root(), sysfs.mgmtTimeout(), listener), null);
		}
		SimulatedScstSysfs simulated = simulated(properties.simulator(), sysfs, listener);
		return new SysfsGateway(simulated, simulated.simulator());
	}

	/** The gateway itself (closed with the context). */
	@Bean
	ScstSysfs scstSysfs(SysfsGateway gateway) {
		return gateway.sysfs();
	}

	/**
	 * The Linux SCSI side, following the gateway's mode: the simulator's devices, or the
	 * kernel's sysfs mounted at the directory two levels above the SCST root
	 * ({@code /sys} for {@code /sys/kernel/scst_tgt}).
	 */
	@Bean
	ScsiDevices scsiDevices(SysfsGateway gateway, ScstProperties properties) {
		ScstSimulator simulator = gateway.simulator();
		if (simulator != null) {
			return new SimulatedScsiDevices(simulator);
		}
		return new KernelScsiDevices(sysRoot(properties.sysfs().root()));
	}

	/**
	 * {@code /sys} for {@code /sys/kernel/scst_tgt}; {@code /sys} for any other layout.
	 */
	static Path sysRoot(Path scstRoot) {
		Path absolute = scstRoot.toAbsolutePath().normalize();
		Path kernel = absolute.getParent();
		if (absolute.getFileName() != null && absolute.getFileName().toString().equals("scst_tgt") && kernel != null
				&& kernel.getFileName() != null && kernel.getFileName().toString().equals("kernel")
				&& kernel.getParent() != null) {
			return kernel.getParent();
		}
		return Path.of("/sys");
	}

	private static boolean useKernel(ScstProperties.Sysfs sysfs) {
		return switch (sysfs.mode()) {
			case KERNEL -> {
				logger.info("Using the kernel SCST tree at {} (scst.sysfs.mode=kernel)", sysfs.root());
				yield true;
			}
			case SIMULATOR -> {
				logger.info("Using the embedded SCST simulator (scst.sysfs.mode=simulator)");
				yield false;
			}
			case AUTO -> {
				boolean rootExists = Files.isDirectory(sysfs.root());
				if (rootExists) {
					logger.info("Using the kernel SCST tree at {} (scst.sysfs.mode=auto and the directory exists)",
							sysfs.root());
				}
				else {
					logger.info("Using the embedded SCST simulator (scst.sysfs.mode=auto and {} does not exist)",
							sysfs.root());
				}
				yield rootExists;
			}
		};
	}

	private static SimulatedScstSysfs simulated(ScstProperties.Simulator simulator, ScstProperties.Sysfs sysfs,
			GatewayListener listener) {
		Path journal = simulator.persist() ? simulator.dataDir().resolve(JOURNAL_FILE) : null;
		SimulatorOptions options = SimulatorOptions.defaults()
			.withCpus(simulator.effectiveCpus())
			.withDebugEagain(simulator.debugEagain())
			.withAddDefaultTarget(simulator.addDefaultTarget())
			.withScanDelay(simulator.scanDelay())
			.withJournal(journal);
		ScstSimulator model = new ScstSimulator(options);
		SimulatedScstSysfs gateway = new SimulatedScstSysfs(model, sysfs.mgmtTimeout(), listener);
		if (simulator.state() == State.DEMO && !model.restored()) {
			logger.info("Seeding the simulator with the demo state (backing file in {})",
					simulator.dataDir().toAbsolutePath());
			ScstTreeFixtures.demo(gateway, simulator.dataDir());
		}
		return gateway;
	}

}
