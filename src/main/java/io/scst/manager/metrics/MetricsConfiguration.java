package io.scst.manager.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wiring of the metrics: gateway timers, framework meters and the SCST series.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MetricsProperties.class)
class MetricsConfiguration {

	/** Times the gateway's writes; picked up by the gateway bean. */
	@Bean
	GatewayListener managementOperationMetrics(ObjectProvider<MeterRegistry> registries) {
		return new ManagementOperationMetrics(registries);
	}

	/** Help texts, base units and names for the framework meters (promtool-clean). */
	@Bean
	static MeterFilter frameworkMeterFilter() {
		return new FrameworkMeterFilter();
	}

	@Bean
	MeterBinder processCpuMeter() {
		return new ProcessCpuMeter();
	}

	/** The SCST series, registered with the Prometheus registry when there is one. */
	@Bean(destroyMethod = "")
	ScstMetricsCollector scstMetricsCollector(StatsService stats, ObjectProvider<PrometheusRegistry> registries) {
		ScstMetricsCollector collector = new ScstMetricsCollector(stats);
		registries.ifAvailable((registry) -> registry.register(collector));
		return collector;
	}

}
