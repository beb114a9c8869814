package io.scst.manager.sysfs.model;

import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;

/** A directory that is no SCST object of its own (a device's {@code exported/}). */
final class DirectoryNode extends SysfsNode {

	DirectoryNode(ScstSysfs sysfs, ScstPath path) {
		super(sysfs, path);
	}

}
