package io.scst.manager.sysfs.model;

import java.util.List;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

/** A handle on a target driver ({@code targets/<driver>/}). */
public final class TargetDriverNode extends SysfsNode {

	private final String name;

	TargetDriverNode(ScstSysfs sysfs, String name) {
		super(sysfs, ScstTree.targetDriver(name));
		this.name = name;
	}

	public String name() {
		return this.name;
	}

	/** The names of its targets (object names), in listing order (one listing). */
	public List<String> targetNames() {
		return targetNames(listing());
	}

	/** The target names of a listing of this driver's directory. */
	public static List<String> targetNames(Listing listing) {
		return listing.directories().stream().map(ScstTree::objectName).toList();
	}

	/** Its targets (one listing). */
	public List<TargetNode> targets() {
		return targetNames().stream().map(this::target).toList();
	}

	/** A target by name (nothing is read; ask {@link TargetNode#exists()}). */
	public TargetNode target(String name) {
		return new TargetNode(sysfs(), this.name, name);
	}

	/** {@code mgmt}: reading it gives the help text with the commands it accepts. */
	public AttributeFile mgmt() {
		return attribute(ScstTree.MGMT);
	}

	/** {@code version} (scst_local). */
	public AttributeFile version() {
		return attribute(ScstTree.DRIVER_VERSION);
	}

	/** {@code stats} (scst_local). */
	public AttributeFile stats() {
		return attribute(ScstTree.DRIVER_STATS);
	}

}
