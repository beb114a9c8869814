package io.scst.manager.health;

import io.scst.manager.gateway.ScstProperties;
import io.scst.manager.sysfs.ScstSysfs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wiring of the health contributors that are not components.
 */
@Configuration(proxyBeanMethods = false)
class HealthConfiguration {

	@Bean
	ScstLocalHealthIndicator scstLocalHealthIndicator(ScstSysfs sysfs) {
		return new ScstLocalHealthIndicator(sysfs);
	}

	@Bean
	GatewayHealthIndicator scstGatewayHealthIndicator(ScstSysfs sysfs, ScstProperties properties) {
		return new GatewayHealthIndicator(sysfs, properties.sysfs().root());
	}

}
