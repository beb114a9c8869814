package io.scst.manager.sysfs.model;

import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;

/**
 * A handle on a directory that belongs to one target: a session or an initiator group.
 */
abstract class TargetChildNode extends SysfsNode {

	private final TargetNode target;

	private final String name;

	TargetChildNode(ScstSysfs sysfs, TargetNode target, String name, ScstPath path) {
		super(sysfs, path);
		this.target = target;
		this.name = name;
	}

	/**
	 * Its name: a group's object name, a session's directory name (SCST adds {@code _N}
	 * to duplicate initiator names).
	 */
	public final String name() {
		return this.name;
	}

	/** Its target. */
	public final TargetNode target() {
		return this.target;
	}

}
