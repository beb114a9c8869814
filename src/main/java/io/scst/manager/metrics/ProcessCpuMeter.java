package io.scst.manager.metrics;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@code process_cpu_seconds_total}: the CPU time of this process in seconds, the
 * Prometheus convention, in place of Micrometer's {@code process_cpu_time_ns_total} (see
 * {@link FrameworkMeterFilter}).
 */
final class ProcessCpuMeter implements MeterBinder {

	private static final double NANOS_PER_SECOND = 1e9;

	@Override
	public void bindTo(MeterRegistry registry) {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		if (os instanceof com.sun.management.OperatingSystemMXBean sun && sun.getProcessCpuTime() >= 0) {
			FunctionCounter.builder("process.cpu", sun, (bean) -> bean.getProcessCpuTime() / NANOS_PER_SECOND)
				.baseUnit("seconds")
				.description("The CPU time used by this process")
				.register(registry);
		}
	}

}
