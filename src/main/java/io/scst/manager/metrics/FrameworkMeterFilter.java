package io.scst.manager.metrics;

import java.util.Map;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;

/**
 * Makes the meters that Micrometer, Spring Boot and Spring Security register pass
 * {@code promtool check metrics}, as the SCST series do:
 * <ul>
 * <li>meters without a description get one ({@code # HELP}): the known ones a specific
 * text, any other one a generic text naming the meter;</li>
 * <li>{@code spring.security.*} is dropped: one timer and two counters per filter of the
 * chain and request, in camelCase, that say nothing {@code http.server.requests} does
 * not;</li>
 * <li>{@code tomcat.sessions.*} is dropped: the API keeps no HTTP sessions (stateless
 * security), so they are always 0;</li>
 * <li>{@code jvm.compilation.time} ({@code _ms}) and {@code process.cpu.time}
 * ({@code _ns}) are dropped, since Prometheus wants base units and a filter cannot
 * rescale a value: {@link ProcessCpuMeter} gives {@code process_cpu_seconds_total}
 * instead;</li>
 * <li>{@code system.cpu.count} becomes {@code system.cpus}: a gauge whose name ends in
 * {@code _count} reads as part of a summary.</li>
 * </ul>
 */
final class FrameworkMeterFilter implements MeterFilter {

	/** Help texts for framework meters that come without one. */
	static final Map<String, String> DESCRIPTIONS = Map.of("http.server.requests",
			"HTTP requests served, by method, URI template, status, outcome and exception",
			"http.server.requests.active", "HTTP requests being served", "http.client.requests",
			"HTTP requests made by this server", "tasks.scheduled.execution", "Runs of scheduled tasks",
			"tasks.scheduled.execution.active", "Scheduled tasks running");

	@Override
	public MeterFilterReply accept(Meter.Id id) {
		String name = id.getName();
		if (name.startsWith("spring.security.") || name.startsWith("tomcat.sessions.")
				|| name.equals("jvm.compilation.time") || name.equals("process.cpu.time")) {
			return MeterFilterReply.DENY;
		}
		return MeterFilterReply.NEUTRAL;
	}

	@Override
	public Meter.Id map(Meter.Id id) {
		String name = id.getName().equals("system.cpu.count") ? "system.cpus" : id.getName();
		String description = id.getDescription();
		if (description == null || description.isBlank()) {
			description = DESCRIPTIONS.getOrDefault(name, "The " + name + " meter");
		}
		if (name.equals(id.getName()) && description.equals(id.getDescription())) {
			return id;
		}
		return new Meter.Id(name, Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description, id.getType());
	}

}
