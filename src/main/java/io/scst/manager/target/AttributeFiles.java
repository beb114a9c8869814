package io.scst.manager.target;

import java.util.Map;
import java.util.TreeMap;

import io.scst.manager.sysfs.Attribute;
import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;

/** Reading the attribute files of one sysfs directory. */
final class AttributeFiles {

	private AttributeFiles() {
	}

	/**
	 * Every readable attribute file of a directory except {@code mgmt}, by name.
	 * @param sysfs the gateway
	 * @param dir the directory
	 * @return the attributes, sorted by name
	 */
	static Map<String, AttributeValue> read(ScstSysfs sysfs, ScstPath dir) {
		Map<String, AttributeValue> attributes = new TreeMap<>();
		for (Entry entry : sysfs.list(dir)) {
			if (entry.isFile() && entry.readable() && !entry.name().equals(ScstTree.MGMT)) {
				Attribute attribute = sysfs.read(dir.resolve(entry.name()));
				attributes.put(entry.name(), new AttributeValue(attribute.value(), attribute.key(), entry.writable()));
			}
		}
		return attributes;
	}

}
