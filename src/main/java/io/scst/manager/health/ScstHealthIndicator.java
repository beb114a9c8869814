package io.scst.manager.health;

import io.scst.manager.scst.ScstService;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.SysfsException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The {@code scst} health component: up when the SCST tree is there and its
 * {@code version} can be read, down with the reason otherwise. Details name the gateway
 * mode and location, the version when known, and SCST's suspend count with a warning
 * while its I/O is suspended.
 */
@Component
class ScstHealthIndicator extends SysfsHealthIndicator {

	private final ScstService service;

	ScstHealthIndicator(ScstSysfs sysfs, ScstService service) {
		super("SCST health check failed", sysfs, Status.DOWN,
				"The SCST sysfs tree is not there (are the SCST modules loaded?)");
		this.service = service;
	}

	@Override
	void addGatewayDetails(Health.Builder builder) {
		builder.withDetail("location", sysfs().location());
	}

	@Override
	void checkTree(Health.Builder builder) {
		try {
			builder.up().withDetail("version", this.service.version());
			int suspended = this.service.suspendCount();
			if (suspended > 0) {
				// still up: the API is what resumes it (an apply with ?suspend=true that
				// did not get to its last step, or another tool)
				builder.withDetail("suspendCount", suspended)
					.withDetail("warning", "SCST's I/O is suspended: initiators see no I/O until "
							+ "'-1' is written to /sys/kernel/scst_tgt/suspend");
			}
		}
		catch (SysfsException ex) {
			builder.down().withDetail("reason", ex.getMessage());
		}
	}

}
