package io.scst.manager.metrics;

import java.time.Duration;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Times every write of the gateway: {@code scst_management_operations_seconds} by
 * operation (the management verb for {@code mgmt} files, the attribute name otherwise)
 * and outcome ({@code ok} or the errno symbol), and counts {@code EAGAIN} waits.
 */
final class ManagementOperationMetrics implements GatewayListener {

	/** Operation names as tag values: a verb or attribute name, never free text. */
	private static final Pattern OPERATION = Pattern.compile("[a-z][a-z0-9_]{0,47}");

	private final ObjectProvider<MeterRegistry> registries;

	private volatile @Nullable MeterRegistry registry;

	ManagementOperationMetrics(ObjectProvider<MeterRegistry> registries) {
		this.registries = registries;
	}

	@Override
	public void written(ScstPath path, String written, @Nullable Errno errno, Duration took) {
		MeterRegistry meters = registry();
		if (meters == null) {
			return;
		}
		Timer.builder("scst.management.operations")
			.description("Management writes to SCST (management commands and attribute writes) by outcome")
			.tag("operation", operation(path, written))
			.tag("outcome", (errno != null) ? errno.symbol() : "ok")
			.register(meters)
			.record(took);
	}

	@Override
	public void eagainResolved(ScstPath path, int attempts, Duration waited) {
		MeterRegistry meters = registry();
		if (meters == null) {
			return;
		}
		Counter.builder("scst.management.eagain.waits")
			.description("Operations SCST answered with EAGAIN and that were then waited for")
			.tag("file", safe(path.isRoot() ? "" : path.name()))
			.register(meters)
			.increment();
	}

	/** The verb of a management command, or the name of the attribute written. */
	static String operation(ScstPath path, String written) {
		if (!path.isRoot() && path.name().equals(ScstTree.MGMT)) {
			String line = written.strip();
			int space = line.indexOf(' ');
			return safe((space > 0) ? line.substring(0, space) : line);
		}
		return safe(path.isRoot() ? "" : path.name());
	}

	private static String safe(String name) {
		return OPERATION.matcher(name).matches() ? name : "other";
	}

	private @Nullable MeterRegistry registry() {
		MeterRegistry meters = this.registry;
		if (meters == null) {
			meters = this.registries.getIfAvailable();
			this.registry = meters;
		}
		return meters;
	}

}
