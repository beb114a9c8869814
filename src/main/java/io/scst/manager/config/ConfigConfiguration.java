package io.scst.manager.config;

import java.util.function.Supplier;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.security.SystemAudit;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.web.RequestOrder;

import org.springframework.beans.factory.ObjectProvider;
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
	ConfigService configService(ScstSysfs sysfs, ConfigProperties properties, ChangePipeline changes) {
		return new ConfigService(sysfs, new ConfigStore(properties.path(), properties.backups()), changes);
	}

	/**
	 * Saves in the order of the API's changes (or, without the web layer, at once); told
	 * of every change by the pipeline, before the change's answer.
	 */
	@Bean
	ConfigSaver configSaver(ConfigService service, ObjectProvider<RequestOrder> order, ChangePipeline changes,
			ConfigProperties properties) {
		RequestOrder requestOrder = order.getIfAvailable();
		ConfigSaver saver = new ConfigSaver(service, (requestOrder != null) ? requestOrder::read : Supplier::get);
		if (properties.saveOnChange()) {
			changes.onChange("saver", (steps, completed) -> saver.changed());
		}
		return saver;
	}

	/**
	 * Restores the saved configuration when asked to, audited as principal
	 * {@code system}; failures are reported, not fatal.
	 */
	@Bean
	ApplicationRunner configRestore(ConfigService service, ConfigProperties properties, SystemAudit audit) {
		return (args) -> {
			if (properties.restoreOnStart()) {
				audit.record("RESTORE", "config/restore-on-start", service::restore,
						(report) -> switch (report.status()) {
							case "done", "nothing-saved" -> "ok";
							case "refused" -> "denied";
							default -> "failed";
						});
			}
		};
	}

}
