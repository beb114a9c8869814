package io.scst.manager.sysfs.model;

import java.util.List;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

/** A handle on a handler ({@code handlers/<handler>/}). */
public final class HandlerNode extends SysfsNode {

	private final String name;

	HandlerNode(ScstSysfs sysfs, String name) {
		super(sysfs, ScstTree.handler(name));
		this.name = name;
	}

	public String name() {
		return this.name;
	}

	/** The names of its devices: its links, each named after a device (one listing). */
	public List<String> deviceNames() {
		return listing().links();
	}

	/** Its devices (one listing). */
	public List<DeviceNode> devices() {
		return deviceNames().stream().map((device) -> new DeviceNode(sysfs(), device)).toList();
	}

	/** {@code type}: the SCSI peripheral type it serves. */
	public AttributeFile type() {
		return attribute(ScstTree.TYPE);
	}

	/** {@code mgmt}: reading it gives the help text with the creation parameters. */
	public AttributeFile mgmt() {
		return attribute(ScstTree.MGMT);
	}

}
