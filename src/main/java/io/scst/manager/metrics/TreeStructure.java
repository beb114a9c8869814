package io.scst.manager.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which targets, sessions and devices exist: what the watcher compares between two looks.
 * Keys are {@code driver/target}, {@code driver/target/session} and the device name.
 *
 * @param targets the targets
 * @param sessions the sessions
 * @param devices the devices
 */
public record TreeStructure(Set<String> targets, Set<String> sessions, Set<String> devices) {

	static final TreeStructure EMPTY = new TreeStructure(Set.of(), Set.of(), Set.of());

	public TreeStructure {
		targets = Set.copyOf(targets);
		sessions = Set.copyOf(sessions);
		devices = Set.copyOf(devices);
	}

	static String key(String... parts) {
		return String.join("/", parts);
	}

	/**
	 * What changed from {@code before} to this structure, targets first, then sessions,
	 * then devices, each sorted by name.
	 * @param before the earlier look
	 * @return the changes
	 */
	public List<TreeChange> changesSince(TreeStructure before) {
		List<TreeChange> changes = new ArrayList<>();
		diff("target", before.targets, this.targets, changes);
		diff("session", before.sessions, this.sessions, changes);
		diff("device", before.devices, this.devices, changes);
		return changes;
	}

	private static void diff(String object, Set<String> before, Set<String> after, List<TreeChange> changes) {
		for (String name : new TreeSet<>(after)) {
			if (!before.contains(name)) {
				changes.add(new TreeChange(object, name, TreeChange.APPEARED));
			}
		}
		for (String name : new TreeSet<>(before)) {
			if (!after.contains(name)) {
				changes.add(new TreeChange(object, name, TreeChange.DISAPPEARED));
			}
		}
	}

	/**
	 * One object that appeared or disappeared.
	 *
	 * @param object {@code target}, {@code session} or {@code device}
	 * @param name its key
	 * @param change {@code appeared} or {@code disappeared}
	 */
	public record TreeChange(String object, String name, String change) {

		static final String APPEARED = "appeared";

		static final String DISAPPEARED = "disappeared";

	}

}
