package io.scst.manager.health;

import java.util.Locale;

import io.scst.manager.scst.ScstService;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.SysfsException;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code scst} health component: up when the SCST tree is there and its
 * {@code version} can be read, down with the reason otherwise. Details name the gateway
 * mode and location, and the version when known.
 */
@Component
class ScstHealthIndicator extends AbstractHealthIndicator {

	private final ScstSysfs sysfs;

	private final ScstService service;

	ScstHealthIndicator(ScstSysfs sysfs, ScstService service) {
		super("SCST health check failed");
		this.sysfs = sysfs;
		this.service = service;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("mode", this.sysfs.mode().name().toLowerCase(Locale.ROOT))
			.withDetail("location", this.sysfs.location());
		if (!this.sysfs.available()) {
			builder.down().withDetail("reason", "The SCST sysfs tree is not there (are the SCST modules loaded?)");
			return;
		}
		try {
			builder.up().withDetail("version", this.service.version());
		}
		catch (SysfsException ex) {
			builder.down().withDetail("reason", ex.getMessage());
		}
	}

}
