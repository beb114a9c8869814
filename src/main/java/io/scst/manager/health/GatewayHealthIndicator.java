package io.scst.manager.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.model.HandlerNode;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.model.TargetDriverNode;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code scstGateway} health component: whether this process may write the management
 * files. In kernel mode every handler's and target driver's {@code mgmt} file is checked
 * with {@code access(2)} ({@link Files#isWritable}), nothing is written; the simulator is
 * always writable. Unknown while the tree is absent (the {@code scst} component reports
 * that).
 */
final class GatewayHealthIndicator extends SysfsHealthIndicator {

	private final Path root;

	GatewayHealthIndicator(ScstSysfs sysfs, Path root) {
		super("SCST gateway health check failed", sysfs, Status.UNKNOWN, "The SCST sysfs tree is not there");
		this.root = root;
	}

	@Override
	void checkTree(Health.Builder builder) {
		if (sysfs().mode() != ScstSysfs.Mode.KERNEL) {
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
		Scst scst = Scst.of(sysfs());
		List<ScstPath> files = new ArrayList<>();
		for (HandlerNode handler : scst.handlers()) {
			if (handler.mgmt().exists()) {
				files.add(handler.mgmt().path());
			}
		}
		for (TargetDriverNode driver : scst.targetDrivers()) {
			if (driver.mgmt().exists()) {
				files.add(driver.mgmt().path());
			}
		}
		return files;
	}

}
