package io.scst.manager;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * A target and {@code vdisk_nullio} devices of a test's own on the shared simulator of
 * {@link ApiTest}: created before each test, deleted after it (after the class's own
 * {@code @AfterEach} methods). Register it with
 * {@code @RegisterExtension final ScratchTarget scratch = ScratchTarget.of(DRIVER, TARGET, "dev1");}.
 */
public final class ScratchTarget implements BeforeEachCallback, AfterEachCallback {

	private static final String NULLIO = "vdisk_nullio";

	private final String driver;

	private final String target;

	private final List<String> devices;

	private ScratchTarget(String driver, String target, List<String> devices) {
		this.driver = driver;
		this.target = target;
		this.devices = devices;
	}

	/**
	 * A target and devices.
	 * @param driver the target driver
	 * @param target the target, a name no other test uses
	 * @param devices the {@code vdisk_nullio} devices, names no other test uses
	 * @return the extension
	 */
	public static ScratchTarget of(String driver, String target, String... devices) {
		return new ScratchTarget(driver, target, List.of(devices));
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		ScstSysfs sysfs = sysfs(context);
		sysfs.mgmt(MgmtCommand.addTarget(this.driver, this.target, Map.of()));
		for (String device : this.devices) {
			sysfs.mgmt(MgmtCommand.addDevice(NULLIO, device, Map.of()));
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		ScstSysfs sysfs = sysfs(context);
		List<MgmtCommand> deletes = new ArrayList<>();
		deletes.add(MgmtCommand.delTarget(this.driver, this.target));
		for (String device : this.devices) {
			deletes.add(MgmtCommand.delDevice(NULLIO, device));
		}
		deletes.forEach(sysfs::mgmt);
	}

	private static ScstSysfs sysfs(ExtensionContext context) {
		return SpringExtension.getApplicationContext(context).getBean(ScstSysfs.class);
	}

}
