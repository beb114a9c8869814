package io.scst.manager.stats;

import io.micrometer.core.instrument.MeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.system.ScstProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wiring of metrics, health, watcher and event stream.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class StatsConfiguration {

	/** Times the gateway's writes; picked up by the gateway bean. */
	@Bean
	GatewayListener managementOperationMetrics(ObjectProvider<MeterRegistry> registries) {
		return new ManagementOperationMetrics(registries);
	}

	/** The SCST series, registered with the Prometheus registry when there is one. */
	@Bean(destroyMethod = "")
	ScstMetricsCollector scstMetricsCollector(StatsService stats, ObjectProvider<PrometheusRegistry> registries) {
		ScstMetricsCollector collector = new ScstMetricsCollector(stats);
		registries.ifAvailable((registry) -> registry.register(collector));
		return collector;
	}

	@Bean
	TreeWatcher treeWatcher(StatsService stats, EventService events, MetricsProperties properties) {
		return new TreeWatcher(stats, events, properties);
	}

	@Bean
	FilterRegistrationBean<ApiChangeFilter> apiChangeFilter(EventService events, TreeWatcher watcher) {
		FilterRegistrationBean<ApiChangeFilter> registration = new FilterRegistrationBean<>(
				new ApiChangeFilter(events, watcher));
		registration.addUrlPatterns("/api/*");
		registration.setAsyncSupported(true);
		return registration;
	}

	/** {@code GET /api/v1/events} (see {@link EventStreamServlet} for why a servlet). */
	@Bean
	ServletRegistrationBean<EventStreamServlet> eventStreamServlet(EventService events) {
		ServletRegistrationBean<EventStreamServlet> registration = new ServletRegistrationBean<>(
				new EventStreamServlet(events), EventStreamServlet.PATH);
		registration.setAsyncSupported(true);
		registration.setName("scstEventStream");
		return registration;
	}

	@Bean
	ScstLocalHealthIndicator scstLocalHealthIndicator(ScstSysfs sysfs) {
		return new ScstLocalHealthIndicator(sysfs);
	}

	@Bean
	GatewayHealthIndicator scstGatewayHealthIndicator(ScstSysfs sysfs, ScstProperties properties) {
		return new GatewayHealthIndicator(sysfs, properties.sysfs().root());
	}

}
