package io.scst.manager.config;

import io.scst.manager.sysfs.ScstSysfs;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The desired-state service, its file and the optional restore at start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConfigProperties.class)
class ConfigConfiguration {

	@Bean
	ConfigService configService(ScstSysfs sysfs, ConfigProperties properties) {
		return new ConfigService(sysfs, new ConfigStore(properties.path(), properties.backups()));
	}

	/**
	 * Restores the saved configuration when asked to; failures are reported, not fatal.
	 */
	@Bean
	ApplicationRunner configRestore(ConfigService service, ConfigProperties properties) {
		return (args) -> {
			if (properties.restoreOnStart()) {
				service.restore();
			}
		};
	}

}
