package io.scst.manager.sysfs.model;

import java.util.Optional;

import io.scst.manager.sysfs.Attribute;
import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;

/**
 * A handle on one attribute file. Each method is one operation on the tree: a read, or an
 * {@code lstat}; the {@code ...IfPresent} reads tell a missing file in the same single
 * operation. The {@code [key]} marker and multi-line values are decoded by
 * {@link Attribute}.
 */
public final class AttributeFile extends Handle {

	AttributeFile(ScstSysfs sysfs, ScstPath path) {
		super(sysfs, path);
	}

	/** The file name. */
	public String name() {
		return path().name();
	}

	/** The content now (queued reads wait out {@code EAGAIN}). */
	public Attribute content() {
		return sysfs().read(path());
	}

	/** The content now, or empty when the file is missing or cannot be read. */
	public Optional<Attribute> contentIfPresent() {
		return sysfs().readIfPresent(path());
	}

	/**
	 * The content now without waiting: {@code EAGAIN} fails at once with
	 * {@link io.scst.manager.sysfs.ScstBusyException}.
	 */
	public Attribute contentWithoutWaiting() {
		return sysfs().readWithoutWaiting(path());
	}

	/** The value now, without the {@code [key]} marker and the final line ends. */
	public String value() {
		return content().value();
	}

	/** The value now, or empty when the file is missing or cannot be read. */
	public Optional<String> valueIfPresent() {
		return contentIfPresent().map(Attribute::value);
	}

	/** Whether anything is at the path (one {@code lstat}). */
	public boolean exists() {
		return sysfs().exists(path());
	}

	/** Whether it is a file now (one {@code lstat}). */
	public boolean isFile() {
		return sysfs().stat(path()).map(Entry::isFile).orElse(false);
	}

	/** Whether it is a file that can be read now (one {@code lstat}). */
	public boolean isReadable() {
		return sysfs().stat(path()).map((entry) -> entry.isFile() && entry.readable()).orElse(false);
	}

	/** Whether it is a file that can be written now (one {@code lstat}). */
	public boolean isWritable() {
		return sysfs().stat(path()).map((entry) -> entry.isFile() && entry.writable()).orElse(false);
	}

	/** Whether it is a file that can be read and written now (one {@code lstat}). */
	public boolean isReadableAndWritable() {
		return sysfs().stat(path())
			.map((entry) -> entry.isFile() && entry.readable() && entry.writable())
			.orElse(false);
	}

}
