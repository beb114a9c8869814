package io.scst.manager.mount;

import java.nio.file.Path;

import io.scst.manager.gateway.ScstProperties;
import io.scst.manager.gateway.SysfsGateway;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code scst.simulator.mount=DIR}: the simulator behind the API is also mounted at
 * {@code DIR}, so the API and the files show one state. Unmounted when the context
 * closes, before the simulator stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("scst.simulator.mount")
class MountConfiguration {

	@Bean
	SimulatorMount simulatorMount(ScstSysfs sysfs, SysfsGateway gateway, ScstProperties properties) {
		Path directory = properties.simulator().mount();
		if (directory == null) {
			throw new IllegalStateException("scst.simulator.mount is empty; name the directory to mount on");
		}
		ScstSimulator simulator = gateway.simulator();
		if (simulator == null) {
			throw new IllegalStateException("scst.simulator.mount=" + directory
					+ " needs the simulator, but the gateway is the kernel tree at " + sysfs.location());
		}
		return SimulatorMount.mount(simulator, directory);
	}

}
