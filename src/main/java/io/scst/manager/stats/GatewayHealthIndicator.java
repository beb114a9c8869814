package io.scst.manager.stats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code scstGateway} health component: whether this process may write the management
 * files. In kernel mode every handler's and target driver's {@code mgmt} file is checked
 * with {@code access(2)} ({@link Files#isWritable}), nothing is written; the simulator is
 * always writable. Unknown while the tree is absent (the {@code scst} component reports
 * that).
 */
final class GatewayHealthIndicator extends AbstractHealthIndicator {

	private final ScstSysfs sysfs;

	private final Path root;

	GatewayHealthIndicator(ScstSysfs sysfs, Path root) {
		super("SCST gateway health check failed");
		this.sysfs = sysfs;
		this.root = root;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("mode", this.sysfs.mode().name().toLowerCase(Locale.ROOT));
		if (!this.sysfs.available()) {
			builder.unknown().withDetail("reason", "The SCST sysfs tree is not there");
			return;
		}
		if (this.sysfs.mode() != ScstSysfs.Mode.KERNEL) {
			builder.up().withDetail("writable", true);
			return;
		}
		List<String> notWritable = new ArrayList<>();
		int checked = 0;
		for (ScstPath mgmt : mgmtFiles()) {
			checked++;
			if (!Files.isWritable(this.root.resolve(mgmt.toString()))) {
				notWritable.add(mgmt.toString());
			}
		}
		builder.withDetail("checked", checked);
		if (notWritable.isEmpty()) {
			builder.up().withDetail("writable", true);
		}
		else {
			builder.down().withDetail("writable", false).withDetail("notWritable", notWritable);
		}
	}

	private List<ScstPath> mgmtFiles() {
		List<ScstPath> files = new ArrayList<>();
		for (Entry handler : this.sysfs.list(ScstTree.HANDLERS)) {
			if (!handler.isFile() && this.sysfs.exists(ScstTree.handlerMgmt(handler.name()))) {
				files.add(ScstTree.handlerMgmt(handler.name()));
			}
		}
		for (Entry driver : this.sysfs.list(ScstTree.TARGET_DRIVERS)) {
			if (driver.isDirectory() && this.sysfs.exists(ScstTree.targetDriverMgmt(driver.name()))) {
				files.add(ScstTree.targetDriverMgmt(driver.name()));
			}
		}
		return files;
	}

}
