package io.scst.manager.health;

import java.util.Locale;

import io.scst.manager.sysfs.ScstSysfs;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * A health component about the SCST tree behind the gateway: its details start with the
 * gateway mode, and while the tree is absent it has one status and reason of its own;
 * only with the tree there does the component check what it is about.
 */
abstract class SysfsHealthIndicator extends AbstractHealthIndicator {

	private final ScstSysfs sysfs;

	private final Status whenAbsent;

	private final String reasonWhenAbsent;

	SysfsHealthIndicator(String failureMessage, ScstSysfs sysfs, Status whenAbsent, String reasonWhenAbsent) {
		super(failureMessage);
		this.sysfs = sysfs;
		this.whenAbsent = whenAbsent;
		this.reasonWhenAbsent = reasonWhenAbsent;
	}

	final ScstSysfs sysfs() {
		return this.sysfs;
	}

	@Override
	protected final void doHealthCheck(Health.Builder builder) {
		builder.withDetail("mode", this.sysfs.mode().name().toLowerCase(Locale.ROOT));
		addGatewayDetails(builder);
		if (!this.sysfs.available()) {
			builder.status(this.whenAbsent).withDetail("reason", this.reasonWhenAbsent);
			return;
		}
		checkTree(builder);
	}

	/** Details about the gateway after its mode, whether or not the tree is there. */
	void addGatewayDetails(Health.Builder builder) {
	}

	/** The check itself, with the tree there. */
	abstract void checkTree(Health.Builder builder);

}
