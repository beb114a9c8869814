package io.scst.manager.health;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.SysfsException;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.model.TargetDriverNode;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code scstLocal} health component: up when the scst_local target driver is loaded
 * (its directory is in the tree), with its version; down otherwise. Not part of
 * readiness: the API still serves the other drivers without it.
 */
final class ScstLocalHealthIndicator extends AbstractHealthIndicator {

	private final ScstSysfs sysfs;

	ScstLocalHealthIndicator(ScstSysfs sysfs) {
		super("scst_local health check failed");
		this.sysfs = sysfs;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		TargetDriverNode local = Scst.of(this.sysfs).targetDriver(ScstTree.SCST_LOCAL);
		if (!this.sysfs.available() || !local.present()) {
			builder.down().withDetail("reason", "The scst_local module is not loaded");
			return;
		}
		builder.up();
		try {
			builder.withDetail("version", local.version().value().lines().findFirst().orElse(""));
		}
		catch (SysfsException ex) {
			builder.withDetail("version", "unknown: " + ex.getMessage());
		}
	}

}
