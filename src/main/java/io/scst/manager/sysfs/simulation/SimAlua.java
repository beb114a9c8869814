package io.scst.manager.sysfs.simulation;

import java.util.Locale;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;

/**
 * ALUA device groups ({@code device_groups/}): groups with their device members and
 * target groups.
 */
final class SimAlua {

	private static final String HELP = "Usage: echo \"create group_name\" >mgmt\n"
			+ "       echo \"del group_name\" >mgmt\n";

	private final ScstSimulator sim;

	private final Node.Dir dir;

	SimAlua(ScstSimulator sim, Node.Dir dir) {
		this.sim = sim;
		this.dir = dir;
		dir.add(Attr.rw("mgmt", () -> HELP, this::mgmt));
	}

	private void mgmt(String data) {
		MgmtLine line = new MgmtLine(data);
		String verb = line.lexeme().toLowerCase(Locale.ROOT);
		String name = line.lexeme();
		if (name.isEmpty()) {
			throw new SimErrno(Errno.EINVAL);
		}
		String entry = ScstPath.entryName(name);
		switch (verb) {
			case "create", "add" -> {
				if (this.dir.get(entry) != null) {
					throw new SimErrno(Errno.EEXIST);
				}
				createGroup(this.dir.dir(entry));
			}
			case "del" -> {
				if (entry.equals("mgmt") || this.dir.get(entry) == null) {
					throw new SimErrno(Errno.EINVAL);
				}
				this.dir.remove(entry);
			}
			default -> throw new SimErrno(Errno.EINVAL);
		}
	}

	private void createGroup(Node.Dir group) {
		Node.Dir devices = group.dir("devices");
		devices.add(Attr.rwQueued("mgmt", () -> "Usage: echo \"add device\" >mgmt\n       echo \"del device\" >mgmt\n",
				(data) -> deviceMgmt(devices, data)));
		Node.Dir targetGroups = group.dir("target_groups");
		targetGroups.add(Attr.rwQueued("mgmt",
				() -> "Usage: echo \"create group_name\" >mgmt\n       echo \"del group_name\" >mgmt\n",
				(data) -> targetGroupMgmt(targetGroups, data)));
	}

	private void deviceMgmt(Node.Dir devices, String data) {
		MgmtLine line = new MgmtLine(data);
		String verb = line.lexeme().toLowerCase(Locale.ROOT);
		String name = line.lexeme();
		SimDevice device = this.sim.devices.get(name);
		switch (verb) {
			case "add" -> {
				if (device == null) {
					throw new SimErrno(Errno.EINVAL);
				}
				for (Node group : this.dir.children()) {
					if (group instanceof Node.Dir g && g.get("devices") instanceof Node.Dir d && d.get(name) != null) {
						throw new SimErrno(Errno.EEXIST);
					}
				}
				devices.add(new Node.Link(name, device.dir::pathFromSys));
			}
			case "del" -> {
				if (devices.get(name) == null || name.equals("mgmt")) {
					throw new SimErrno(Errno.EINVAL);
				}
				devices.remove(name);
			}
			default -> throw new SimErrno(Errno.EINVAL);
		}
	}

	private void targetGroupMgmt(Node.Dir targetGroups, String data) {
		MgmtLine line = new MgmtLine(data);
		String verb = line.lexeme().toLowerCase(Locale.ROOT);
		String name = line.lexeme();
		if (name.isEmpty()) {
			throw new SimErrno(Errno.EINVAL);
		}
		switch (verb) {
			case "create", "add" -> {
				if (targetGroups.get(name) != null) {
					throw new SimErrno(Errno.EEXIST);
				}
				createTargetGroup(targetGroups.dir(ScstPath.entryName(name)));
			}
			case "del" -> {
				if (name.equals("mgmt") || targetGroups.get(name) == null) {
					throw new SimErrno(Errno.EINVAL);
				}
				targetGroups.remove(name);
			}
			default -> throw new SimErrno(Errno.EINVAL);
		}
	}

	private void createTargetGroup(Node.Dir group) {
		int[] groupId = { 0 };
		boolean[] preferred = { false };
		String[] state = { "active" };
		group.add(Attr.rw("group_id", () -> Attr.keyed(groupId[0], true), (data) -> {
			long value = KernelNumbers.parseUnsignedLong(data);
			if (value < 1 || value > 0xFFFF) {
				throw new SimErrno(Errno.EINVAL);
			}
			groupId[0] = (int) value;
		}));
		group.add(Attr.rwQueued("preferred", () -> Attr.keyed(preferred[0] ? 1 : 0, preferred[0]), (data) -> {
			long value = KernelNumbers.parseUnsignedLong(data);
			if (value > 1) {
				throw new SimErrno(Errno.EINVAL);
			}
			preferred[0] = value == 1;
		}));
		group.add(Attr.rwQueued("state", () -> Attr.keyed(state[0], true), (data) -> {
			String word = Attr.firstLine(data).strip();
			switch (word) {
				case "active", "nonoptimized", "standby", "unavailable", "offline", "transitioning" -> state[0] = word;
				default -> throw new SimErrno(Errno.EINVAL);
			}
		}));
		group.add(Attr.rwQueued("mgmt",
				() -> "Usage: echo \"add target_name\" >mgmt\n       echo \"del target_name\" >mgmt\n", (data) -> {
					MgmtLine line = new MgmtLine(data);
					String verb = line.lexeme().toLowerCase(Locale.ROOT);
					String target = line.lexeme();
					if (target.isEmpty()) {
						throw new SimErrno(Errno.EINVAL);
					}
					String entry = ScstPath.entryName(target);
					switch (verb) {
						case "add" -> {
							if (group.get(entry) != null) {
								throw new SimErrno(Errno.EEXIST);
							}
							Node.Dir remote = group.dir(entry);
							int[] rel = { 0 };
							remote.add(Attr.rw("rel_tgt_id", () -> Attr.keyed(rel[0], true), (value) -> {
								long id = KernelNumbers.parseUnsignedLong(value);
								if (id < 1 || id > 0xFFFF) {
									throw new SimErrno(Errno.EINVAL);
								}
								rel[0] = (int) id;
							}));
						}
						case "del" -> {
							if (!(group.get(entry) instanceof Node.Dir)) {
								throw new SimErrno(Errno.EINVAL);
							}
							group.remove(entry);
						}
						default -> throw new SimErrno(Errno.EINVAL);
					}
				}));
	}

}
