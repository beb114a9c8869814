package io.scst.manager.sysfs.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;

/** An initiator group ({@code ini_groups/<name>/}) with its LUN set and entries. */
final class SimGroup {

	private static final String INITIATORS_HELP = "Usage: echo \"add INITIATOR_NAME\" >mgmt\n"
			+ "       echo \"del INITIATOR_NAME\" >mgmt\n"
			+ "       echo \"move INITIATOR_NAME DEST_GROUP_NAME\" >mgmt\n" + "       echo \"clear\" >mgmt\n";

	final SimTarget target;

	final String name;

	final Node.Dir dir;

	final SimLunSet lunSet;

	final Node.Dir initiatorsDir;

	/** Entries (names or patterns) in insertion order. */
	final List<String> initiators = new ArrayList<>();

	SimGroup(SimTarget target, String name) {
		this.target = target;
		this.name = name;
		this.dir = target.iniGroupsDir.dir(ScstPath.entryName(name));
		this.lunSet = new SimLunSet(target, this, this.dir);
		this.lunSet.addAcgAttributes(this.dir);
		this.initiatorsDir = this.dir.dir("initiators");
		this.initiatorsDir.add(Attr.rwQueued("mgmt", () -> INITIATORS_HELP, this::mgmt));
	}

	/** Remove the group with its LUNs and entries (no session may use it). */
	void destroy() {
		for (Integer lun : List.copyOf(this.lunSet.luns.keySet())) {
			this.lunSet.remove(lun);
		}
		this.initiators.clear();
		this.target.groups.remove(this);
		this.target.iniGroupsDir.remove(this.dir.name);
	}

	private void mgmt(String data) {
		MgmtLine line = new MgmtLine(data);
		String verb = line.lexeme().toLowerCase(Locale.ROOT);
		switch (verb) {
			case "add" -> {
				String entry = requireName(line);
				if (this.initiators.contains(entry)) {
					throw new SimErrno(Errno.EEXIST);
				}
				this.initiatorsDir.add(Attr.ro(entry, () -> Attr.line(entry)));
				this.initiators.add(entry);
			}
			case "del" -> {
				String entry = requireName(line);
				if (!this.initiators.remove(entry)) {
					throw new SimErrno(Errno.EINVAL);
				}
				this.initiatorsDir.remove(entry);
			}
			case "move" -> {
				String entry = requireName(line);
				String destination = line.lexeme();
				if (destination.isEmpty()) {
					throw new SimErrno(Errno.EINVAL);
				}
				if (!this.initiators.contains(entry)) {
					throw new SimErrno(Errno.EINVAL);
				}
				SimGroup to = this.target.findGroup(destination);
				if (to == null) {
					throw new SimErrno(Errno.EINVAL);
				}
				if (to.initiators.contains(entry)) {
					throw new SimErrno(Errno.EEXIST);
				}
				to.initiatorsDir.add(Attr.ro(entry, () -> Attr.line(entry)));
				to.initiators.add(entry);
				this.initiators.remove(entry);
				this.initiatorsDir.remove(entry);
			}
			case "clear" -> {
				for (String entry : this.initiators) {
					this.initiatorsDir.remove(entry);
				}
				this.initiators.clear();
			}
			default -> throw new SimErrno(Errno.EINVAL);
		}
		this.target.reassignSessions();
	}

	private static String requireName(MgmtLine line) {
		String entry = line.lexeme();
		if (entry.isEmpty()) {
			throw new SimErrno(Errno.EINVAL);
		}
		return entry;
	}

}
