package io.scst.manager.sysfs.model;

import java.util.List;

import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

/**
 * The root of the SCST tree ({@code /sys/kernel/scst_tgt}, rtslib's {@code RTSRoot}):
 * where lookups start. {@code Scst.of(sysfs).device("disk1").size()} reads one file now;
 * handles keep nothing.
 */
public final class Scst extends SysfsNode {

	private Scst(ScstSysfs sysfs) {
		super(sysfs, ScstTree.ROOT);
	}

	/** The root of the tree behind a gateway. */
	public static Scst of(ScstSysfs sysfs) {
		return new Scst(sysfs);
	}

	/** Whether the tree is there at all (modules loaded, simulator running). */
	public boolean available() {
		return sysfs().available();
	}

	/** {@code version}: SCST's build facts. */
	public AttributeFile version() {
		return attribute(ScstTree.VERSION.name());
	}

	/** {@code setup_id}. */
	public AttributeFile setupId() {
		return attribute(ScstTree.SETUP_ID.name());
	}

	/** {@code threads}: the number of global I/O threads. */
	public AttributeFile threads() {
		return attribute(ScstTree.THREADS.name());
	}

	/** {@code suspend}: the current suspend count. */
	public AttributeFile suspend() {
		return attribute(ScstTree.SUSPEND.name());
	}

	/** {@code last_sysfs_mgmt_res}: the result of the last queued management work. */
	public AttributeFile lastResult() {
		return attribute(ScstTree.LAST_RESULT.name());
	}

	/** The names of the registered handlers, sorted (one listing). */
	public List<String> handlerNames() {
		return new Listing(sysfs(), ScstTree.HANDLERS, sysfs().list(ScstTree.HANDLERS)).directories();
	}

	/** The registered handlers (one listing). */
	public List<HandlerNode> handlers() {
		return handlerNames().stream().map(this::handler).toList();
	}

	/** A handler by name (nothing is read; ask {@link HandlerNode#exists()}). */
	public HandlerNode handler(String name) {
		return new HandlerNode(sysfs(), name);
	}

	/** The names of the devices, sorted (one listing). */
	public List<String> deviceNames() {
		return new Listing(sysfs(), ScstTree.DEVICES, sysfs().list(ScstTree.DEVICES)).directories();
	}

	/** The devices (one listing). */
	public List<DeviceNode> devices() {
		return deviceNames().stream().map(this::device).toList();
	}

	/** A device by name (nothing is read; ask {@link DeviceNode#exists()}). */
	public DeviceNode device(String name) {
		return new DeviceNode(sysfs(), name);
	}

	/** The names of the target drivers, sorted (one listing). */
	public List<String> targetDriverNames() {
		return new Listing(sysfs(), ScstTree.TARGET_DRIVERS, sysfs().list(ScstTree.TARGET_DRIVERS)).directories();
	}

	/** The target drivers (one listing). */
	public List<TargetDriverNode> targetDrivers() {
		return targetDriverNames().stream().map(this::targetDriver).toList();
	}

	/** A target driver by name (nothing is read). */
	public TargetDriverNode targetDriver(String name) {
		return new TargetDriverNode(sysfs(), name);
	}

	/**
	 * The target whose directory this is ({@code targets/<driver>/<target>}), as
	 * {@link io.scst.manager.sysfs.MgmtCommand} names changed targets.
	 * @param dir the target's directory
	 * @return its handle
	 * @throws IllegalArgumentException when the path is not a target directory
	 */
	public TargetNode target(ScstPath dir) {
		List<String> parts = dir.segments();
		if (parts.size() != 3 || !parts.get(0).equals(ScstTree.TARGET_DRIVERS.name())) {
			throw new IllegalArgumentException("Not a target directory: " + dir);
		}
		return targetDriver(parts.get(1)).target(ScstTree.objectName(parts.get(2)));
	}

}
