package io.scst.manager.change;

import io.scst.manager.security.BackingFilePolicy;
import io.scst.manager.sysfs.ScstSysfs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The change pipeline over the gateway, with the configured backing-file policy.
 */
@Configuration(proxyBeanMethods = false)
class ChangeConfiguration {

	@Bean
	ChangePipeline changePipeline(ScstSysfs sysfs, BackingFilePolicy backingFiles) {
		return new ChangePipeline(sysfs, backingFiles);
	}

}
