package io.scst.manager.sysfs.model;

import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;

/**
 * What every handle of the model is: a path of the tree and the gateway that reads it,
 * nothing more. Its identity is its path; handles of the same kind and path are equal.
 */
abstract class Handle {

	private final ScstSysfs sysfs;

	private final ScstPath path;

	Handle(ScstSysfs sysfs, ScstPath path) {
		this.sysfs = sysfs;
		this.path = path;
	}

	/** Where it is in the tree. */
	public final ScstPath path() {
		return this.path;
	}

	final ScstSysfs sysfs() {
		return this.sysfs;
	}

	@Override
	public final boolean equals(Object other) {
		return other != null && other.getClass() == getClass() && ((Handle) other).path.equals(this.path);
	}

	@Override
	public final int hashCode() {
		return this.path.hashCode();
	}

	@Override
	public final String toString() {
		return getClass().getSimpleName() + "[" + this.path + "]";
	}

}
