package io.scst.manager.sysfs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
	 * Write attributes in the order given, all or nothing: every name and value is
	 * checked before the first write ({@link InvalidNameException} with field
	 * {@code attributes.<name>}), and when a write fails the attributes already written
	 * get their earlier values back before the failure is rethrown (restore failures are
	 * attached as suppressed).
	 * @param sysfs the gateway
	 * @param dir the object's directory
	 * @param changes the new values by attribute name
	 * @param owner the object, for messages (e.g. {@code device disk1})
	 */
	public static void write(ScstSysfs sysfs, ScstPath dir, Map<String, String> changes, String owner) {
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
		Map<String, String> previous = new LinkedHashMap<>();
		for (String name : changes.keySet()) {
			previous.put(name, sysfs.read(dir.resolve(name)).value());
		}
		List<String> written = new ArrayList<>();
		try {
			for (Map.Entry<String, String> change : changes.entrySet()) {
				sysfs.write(dir.resolve(change.getKey()), change.getValue());
				written.add(change.getKey());
			}
		}
		catch (RuntimeException ex) {
			for (int i = written.size() - 1; i >= 0; i--) {
				try {
					sysfs.write(dir.resolve(written.get(i)), previous.get(written.get(i)));
				}
				catch (RuntimeException restoreFailure) {
					ex.addSuppressed(restoreFailure);
				}
			}
			throw ex;
		}
	}

}
