package io.scst.manager.sysfs.model;

import java.util.Optional;

import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

/** A handle on a LUN ({@code .../luns/<N>/}). */
public final class LunNode extends SysfsNode {

	private final LunSet set;

	private final int number;

	LunNode(ScstSysfs sysfs, LunSet set, int number) {
		super(sysfs, set.path().resolve(Integer.toString(number)));
		this.set = set;
		this.number = number;
	}

	/** The LUN number. */
	public int number() {
		return this.number;
	}

	/** The set it belongs to. */
	public LunSet set() {
		return this.set;
	}

	/** The link to its device. */
	public Link deviceLink() {
		return link(ScstTree.DEVICE_LINK);
	}

	/** The name of the device it maps (one {@code readlink}). */
	public String deviceName() {
		return deviceLink().targetName();
	}

	/**
	 * The name of the device it maps, or empty when there is no such LUN (one operation).
	 */
	public Optional<String> deviceNameIfPresent() {
		return deviceLink().targetNameIfPresent();
	}

	/** Its {@code read_only} file (the value and its {@code [key]} marker). */
	public AttributeFile readOnlyFile() {
		return attribute(ScstTree.READ_ONLY);
	}

	/** Whether it is read-only (one read): anything but {@code 0} or nothing. */
	public boolean readOnly() {
		return isSet(readOnlyFile().value());
	}

	/** Whether a flag file's value is set: anything but {@code 0} or nothing. */
	public static boolean isSet(String flag) {
		String value = flag.strip();
		return !value.isEmpty() && !value.equals("0");
	}

}
