package io.scst.manager.sysfs.model;

import java.util.Map;
import java.util.Optional;

import io.scst.manager.sysfs.AttributeValue;
import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;

/**
 * A handle on one directory of the SCST tree (rtslib's {@code CFSNode}): its identity is
 * its path; every method reads the tree now and nothing is kept. Handles of the same kind
 * and path are equal.
 */
public abstract class SysfsNode extends Handle {

	SysfsNode(ScstSysfs sysfs, ScstPath path) {
		super(sysfs, path);
	}

	/** Whether the directory is there now (one {@code lstat}). */
	public boolean exists() {
		return sysfs().stat(path()).map(Entry::isDirectory).orElse(false);
	}

	/**
	 * Whether anything is at the path now, whatever its kind (one {@code lstat}); for
	 * waiting until an object is gone.
	 */
	public boolean present() {
		return sysfs().exists(path());
	}

	/**
	 * List the directory (one operation).
	 * @return the listing
	 * @throws io.scst.manager.sysfs.KernelRejectedException when it cannot be listed
	 * (e.g. {@code ENOENT})
	 */
	public Listing listing() {
		return new Listing(sysfs(), path(), sysfs().list(path()));
	}

	/** List the directory when it is there, in one operation. */
	public Optional<Listing> listingIfPresent() {
		return sysfs().listIfPresent(path()).map((entries) -> new Listing(sysfs(), path(), entries));
	}

	/** A handle on one attribute file of this directory (nothing is read). */
	public AttributeFile attribute(String name) {
		return new AttributeFile(sysfs(), path().resolve(name));
	}

	/** A handle on one link of this directory (nothing is read). */
	public Link link(String name) {
		return new Link(sysfs(), path().resolve(name));
	}

	/**
	 * Every readable attribute file except {@code mgmt}: one listing, then one read per
	 * file.
	 * @return the attributes by name, sorted
	 */
	public Map<String, AttributeValue> attributes() {
		return listing().attributes();
	}

}
