package io.scst.manager.sysfs.model;

import java.util.Optional;

import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

/**
 * A handle on one link of the tree (a device's {@code handler}, a LUN's {@code device}, a
 * session's {@code luns}, a device's {@code exported/exportN}). Links are read with one
 * {@code readlink}; their targets are parsed here and nowhere else.
 */
public final class Link extends Handle {

	Link(ScstSysfs sysfs, ScstPath path) {
		super(sysfs, path);
	}

	/** The link's name. */
	public String name() {
		return path().name();
	}

	/** The target text exactly as stored (relative), read now. */
	public String target() {
		return sysfs().readLink(path());
	}

	/** The target text, or empty when there is no such link (one operation). */
	public Optional<String> targetIfPresent() {
		return sysfs().readLinkIfPresent(path());
	}

	/** The last entry name of the target: the name of the object it points at. */
	public String targetName() {
		return lastName(target());
	}

	/** The last entry name of the target, or empty when there is no such link. */
	public Optional<String> targetNameIfPresent() {
		return targetIfPresent().map(Link::lastName);
	}

	/**
	 * Where the link points, as a path below the root.
	 * @throws IllegalStateException when it points outside the SCST tree
	 */
	public ScstPath resolve() {
		return ScstTree.linkTarget(path(), target());
	}

	/**
	 * The last entry name of a link target: {@code ../../handlers/vdisk_fileio} gives
	 * {@code vdisk_fileio}.
	 */
	static String lastName(String target) {
		return target.substring(target.lastIndexOf('/') + 1);
	}

}
