package io.scst.manager.sysfs.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.scst.manager.sysfs.Attribute;
import io.scst.manager.sysfs.AttributeValue;
import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;

/**
 * One listing of a directory as read then, in the gateway's order (by name): which
 * subdirectories, links and files it had. Reading its attributes reads the files now.
 */
public final class Listing {

	private final ScstSysfs sysfs;

	private final ScstPath dir;

	private final List<Entry> entries;

	Listing(ScstSysfs sysfs, ScstPath dir, List<Entry> entries) {
		this.sysfs = sysfs;
		this.dir = dir;
		this.entries = entries;
	}

	/** The directory listed. */
	public ScstPath dir() {
		return this.dir;
	}

	/** How many entries of any kind. */
	public int size() {
		return this.entries.size();
	}

	/** The names of the subdirectories, in listing order. */
	public List<String> directories() {
		List<String> names = new ArrayList<>();
		for (Entry entry : this.entries) {
			if (entry.isDirectory()) {
				names.add(entry.name());
			}
		}
		return names;
	}

	/** The names of the entries that are not files (directories and links). */
	public List<String> nonFiles() {
		List<String> names = new ArrayList<>();
		for (Entry entry : this.entries) {
			if (!entry.isFile()) {
				names.add(entry.name());
			}
		}
		return names;
	}

	/** The names of the links, in listing order. */
	public List<String> links() {
		List<String> names = new ArrayList<>();
		for (Entry entry : this.entries) {
			if (entry.isLink()) {
				names.add(entry.name());
			}
		}
		return names;
	}

	/** The names of the files that can be read, in listing order. */
	public List<String> readableFiles() {
		List<String> names = new ArrayList<>();
		for (Entry entry : this.entries) {
			if (entry.isFile() && entry.readable()) {
				names.add(entry.name());
			}
		}
		return names;
	}

	/** Every entry name, sorted. */
	public Set<String> names() {
		Set<String> names = new TreeSet<>();
		for (Entry entry : this.entries) {
			names.add(entry.name());
		}
		return names;
	}

	/**
	 * Every readable attribute file except {@code mgmt}, each read now in listing order.
	 * @return the attributes by name, sorted
	 */
	public Map<String, AttributeValue> attributes() {
		Map<String, AttributeValue> attributes = new TreeMap<>();
		for (Entry entry : this.entries) {
			if (isAttribute(entry)) {
				Attribute attribute = this.sysfs.read(this.dir.resolve(entry.name()));
				attributes.put(entry.name(), new AttributeValue(attribute.value(), attribute.key(), entry.writable()));
			}
		}
		return attributes;
	}

	/**
	 * The names of the files {@link #attributes()} reads (readable, not {@code mgmt}),
	 * nothing read.
	 * @return the names, sorted
	 */
	public Set<String> attributeNames() {
		Set<String> names = new TreeSet<>();
		for (Entry entry : this.entries) {
			if (isAttribute(entry)) {
				names.add(entry.name());
			}
		}
		return names;
	}

	/**
	 * One of the attributes {@link #attributes()} reads, read now.
	 * @param name its file name
	 * @return its value, or {@code null} when the listing has no such attribute
	 */
	public @Nullable AttributeValue attribute(String name) {
		for (Entry entry : this.entries) {
			if (entry.name().equals(name) && isAttribute(entry)) {
				Attribute attribute = this.sysfs.read(this.dir.resolve(name));
				return new AttributeValue(attribute.value(), attribute.key(), entry.writable());
			}
		}
		return null;
	}

	private static boolean isAttribute(Entry entry) {
		return entry.isFile() && entry.readable() && !entry.name().equals(ScstTree.MGMT);
	}

	/**
	 * The files other than {@code mgmt}, as handles (nothing is read): initiator entries
	 * of a group, for instance.
	 */
	public List<AttributeFile> files() {
		List<AttributeFile> files = new ArrayList<>();
		for (Entry entry : this.entries) {
			if (entry.isFile() && !entry.name().equals(ScstTree.MGMT)) {
				files.add(new AttributeFile(this.sysfs, this.dir.resolve(entry.name())));
			}
		}
		return files;
	}

}
