package io.scst.manager.sysfs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The attribute files of one object directory (a device, a target, a driver): read them
 * all, or change several as one all-or-nothing step.
 */
public final class AttributeFiles {

	private AttributeFiles() {
	}

	/**
	 * Every readable attribute file of a directory except {@code mgmt}, by name.
	 * @param sysfs the gateway
	 * @param dir the directory
	 * @return the attributes, sorted by name
	 */
	public static Map<String, AttributeValue> read(ScstSysfs sysfs, ScstPath dir) {
		Map<String, AttributeValue> attributes = new TreeMap<>();
		for (Entry entry : sysfs.list(dir)) {
			if (entry.isFile() && entry.readable() && !entry.name().equals(ScstTree.MGMT)) {
				Attribute attribute = sysfs.read(dir.resolve(entry.name()));
				attributes.put(entry.name(), new AttributeValue(attribute.value(), attribute.key(), entry.writable()));
			}
		}
		return attributes;
	}

	/**
	 * Plan writing attributes in the order given: every name is checked against the
	 * directory ({@link InvalidNameException} with field {@code attributes.<name>} for a
	 * missing, read-only or write-only file) and each attribute's current value is read,
	 * so that a failed change can be taken back. Nothing is written.
	 * @param sysfs the gateway
	 * @param dir the object's directory
	 * @param changes the new values by attribute name
	 * @param owner the object, for messages (e.g. {@code device disk1})
	 * @return the writes, each with the value it replaces
	 */
	public static List<Change> plan(ScstSysfs sysfs, ScstPath dir, Map<String, String> changes, String owner) {
		if (changes.isEmpty()) {
			throw new InvalidNameException("attributes", "must name at least one attribute");
		}
		Map<String, Entry> files = new TreeMap<>();
		for (Entry entry : sysfs.list(dir)) {
			files.put(entry.name(), entry);
		}
		for (Map.Entry<String, String> change : changes.entrySet()) {
			String name = ScstNames.parameter("attributes", change.getKey());
			String field = "attributes." + name;
			Entry entry = files.get(name);
			if (entry == null || !entry.isFile() || name.equals(ScstTree.MGMT)) {
				throw new InvalidNameException(field, owner + " has no attribute '" + name + "'");
			}
			if (!entry.readable()) {
				throw new InvalidNameException(field, "is a write-only trigger, not an attribute");
			}
			if (!entry.writable()) {
				throw new InvalidNameException(field, "is read-only");
			}
			ScstNames.attributeValue(field, change.getValue());
		}
		List<Change> planned = new ArrayList<>();
		for (Map.Entry<String, String> change : changes.entrySet()) {
			ScstPath path = dir.resolve(change.getKey());
			planned.add(new Change(path, change.getValue(), sysfs.read(path).value()));
		}
		return planned;
	}

	/**
	 * One attribute to write.
	 *
	 * @param path the file
	 * @param value the new value
	 * @param previous the value it has now
	 */
	public record Change(ScstPath path, String value, String previous) {

	}

}
