package io.scst.manager.web;

import io.scst.manager.sysfs.ScstSysfs;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The list cache ({@link ListCache}), after the security filters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ListCacheConfiguration {

	@Bean
	FilterRegistrationBean<ListCache> listCache(ApiProperties properties, ScstSysfs sysfs) {
		FilterRegistrationBean<ListCache> registration = new FilterRegistrationBean<>(
				new ListCache(properties.listCacheMaxAge(), sysfs::writes));
		registration.addUrlPatterns("/api/*");
		return registration;
	}

}
