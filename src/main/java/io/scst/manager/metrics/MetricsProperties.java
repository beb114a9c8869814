package io.scst.manager.metrics;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Metrics, watcher and event stream settings, bound from {@code scst.metrics.*}.
 *
 * @param maxAge how old a snapshot of the tree may be and still serve a scrape (or the
 * JSON statistics); {@code 0} walks the tree on every scrape; 5 seconds by default.
 * Concurrent scrapes share one walk either way
 * @param maxTargets how many targets get series of their own; the rest are counted in
 * {@code scst_metrics_dropped_objects_total{kind="target"}}; 10,000 by default
 * @param maxSessions how many sessions get series of their own (in tree order); 10,000 by
 * default
 * @param maxDevices how many devices get series of their own; 10,000 by default
 * @param watchPeriod how often the watcher compares the tree's objects with the last look
 * to report changes made behind the API's back; {@code 0} disables the watcher; 5 seconds
 * by default
 * @param eventsTimeout how long an event stream stays open before the client has to
 * reconnect; 30 minutes by default
 * @param structureMaxAge how long what a snapshot read of the tree's layout (each
 * session's counter files, the LUN counts of targets, the devices' handler, size, block
 * size, read-only flag and exported LUNs) may be reused by later snapshots; it is read
 * again at once after any write through this server, when a target or device appeared or
 * disappeared, or when a read of it failed; {@code 0} reads it on every snapshot; 60
 * seconds by default. Which targets, sessions and devices exist and every counter are
 * read on every snapshot either way
 */
@ConfigurationProperties("scst.metrics")
@Validated
public record MetricsProperties(@NotNull @DefaultValue("5s") Duration maxAge,
		@Min(0) @DefaultValue("10000") int maxTargets, @Min(0) @DefaultValue("10000") int maxSessions,
		@Min(0) @DefaultValue("10000") int maxDevices, @NotNull @DefaultValue("5s") Duration watchPeriod,
		@NotNull @DefaultValue("30m") Duration eventsTimeout, @NotNull @DefaultValue("60s") Duration structureMaxAge) {

	/** The defaults, for tests and tools. */
	public static MetricsProperties defaults() {
		return new MetricsProperties(Duration.ofSeconds(5), 10000, 10000, 10000, Duration.ofSeconds(5),
				Duration.ofMinutes(30), Duration.ofSeconds(60));
	}

}
