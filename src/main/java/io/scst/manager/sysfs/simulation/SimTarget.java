package io.scst.manager.sysfs.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;

/** A target ({@code targets/<driver>/<name>/}) of scst_local or the copy manager. */
final class SimTarget {

	static final String DIF_CAPABILITIES = "dif_supported, hw_dif_type1_supported, hw_dif_type2_supported, "
			+ "hw_dif_type3_supported\n";

	static final String DIF_CHECKS = "\tapp\tref\tguard\ntgt\t0\t0\t0\nscst\t0\t0\t0\ndev\t0\t0\t0\n";

	private static final String INI_GROUPS_HELP = "Usage: echo \"create GROUP_NAME\" >mgmt\n"
			+ "       echo \"del GROUP_NAME\" >mgmt\n";

	final ScstSimulator sim;

	final String driver;

	final String name;

	final Node.Dir dir;

	final SimLunSet defaultSet;

	final Node.Dir iniGroupsDir;

	final Node.Dir sessionsDir;

	final List<SimGroup> groups = new ArrayList<>();

	final List<SimSession> sessions = new ArrayList<>();

	int relTgtId;

	@Nullable String comment;

	int forwardSrc;

	int forwardDst;

	int aenDisabled;

	/** scst_local {@code scsi_transport_version}; 0 means unset (SAS shown). */
	int scsiTransportVersion;

	int physTransportVersion;

	private SimTarget(ScstSimulator sim, String driver, String name, Node.Dir driverDir) {
		this.sim = sim;
		this.driver = driver;
		this.name = name;
		this.dir = driverDir.dir(ScstPath.entryName(name));
		this.defaultSet = new SimLunSet(this, null, this.dir);
		this.iniGroupsDir = this.dir.dir("ini_groups");
		this.iniGroupsDir.add(Attr.rwQueued("mgmt", () -> INI_GROUPS_HELP, this::iniGroupsMgmt));
		this.sessionsDir = this.dir.dir("sessions");
		buildAttributes();
	}

	/** The copy manager's driver directory, target and session. */
	static SimTarget copyManager(ScstSimulator sim) {
		Node.Dir driverDir = sim.targetsDir.dir("copy_manager");
		int[] allowNotConnected = { 0 };
		driverDir
			.add(Attr.rw("allow_not_connected_copy", () -> Attr.keyed(allowNotConnected[0], allowNotConnected[0] != 0),
					(data) -> allowNotConnected[0] = (KernelNumbers.parseUnsignedLong(data) != 0) ? 1 : 0));
		driverDir.add(Attr.ro("dif_capabilities", () -> DIF_CAPABILITIES));
		SimTarget target = new SimTarget(sim, "copy_manager", "copy_manager_tgt", driverDir);
		target.dir.add(Attr.ro("dif_capabilities", () -> DIF_CAPABILITIES));
		target.dir.add(Attr.rwQueued("dif_checks_failed", () -> DIF_CHECKS, (data) -> {
		}));
		SimSession.create(target, "copy_manager_sess");
		return target;
	}

	/** A scst_local target (without sessions). */
	static SimTarget local(ScstSimulator sim, String name, Node.Dir driverDir) {
		SimTarget target = new SimTarget(sim, "scst_local", name, driverDir);
		target.dir.add(Attr.rw("scsi_transport_version",
				() -> (target.scsiTransportVersion == 0) ? "0xbe0\n"
						: Attr.keyed("0x" + Integer.toHexString(target.scsiTransportVersion), true),
				(data) -> target.scsiTransportVersion = (int) (KernelNumbers.parseUnsignedLong(data) & 0xFFFF)));
		target.dir.add(Attr.rw("phys_transport_version",
				() -> Attr.keyed("0x" + Integer.toHexString(target.physTransportVersion),
						target.physTransportVersion != 0),
				(data) -> target.physTransportVersion = (int) (KernelNumbers.parseUnsignedLong(data) & 0xFFFF)));
		return target;
	}

	boolean isCopyManager() {
		return this.driver.equals("copy_manager");
	}

	boolean isLocal() {
		return this.driver.equals("scst_local");
	}

	/**
	 * Re-evaluate which LUN set each session uses (after the initiators of one of this
	 * target's groups changed; no other target's sessions can be affected).
	 */
	void reassignSessions() {
		for (SimSession session : List.copyOf(this.sessions)) {
			session.assign(lunSetFor(session.initiatorName));
		}
	}

	/**
	 * The LUN set a session with this initiator name uses: first matching group entry
	 * wins.
	 */
	SimLunSet lunSetFor(String initiatorName) {
		for (SimGroup group : this.groups) {
			for (String pattern : group.initiators) {
				if (Wildcard.matches(pattern, initiatorName)) {
					return group.lunSet;
				}
			}
		}
		return this.defaultSet;
	}

	/** The copy manager's INQUIRY to a newly registered device: one 4 KiB read. */
	void copyManagerInquiry() {
		SimSession session = this.sessions.get(0);
		session.counters.add(IoCounters.Direction.READ, 1, 4096, 0);
	}

	/** Remove everything: sessions first (synchronously), then groups and LUNs. */
	void destroy() {
		for (SimSession session : List.copyOf(this.sessions)) {
			session.close();
		}
		for (SimGroup group : List.copyOf(this.groups)) {
			group.destroy();
		}
		for (Integer lun : List.copyOf(this.defaultSet.luns.keySet())) {
			this.defaultSet.remove(lun);
		}
		this.dir.parent.remove(this.dir.name);
	}

	// ---------------------------------------------------------------- attributes

	private void buildAttributes() {
		Node.Dir d = this.dir;
		d.add(Attr.rwQueued("rel_tgt_id", () -> Attr.keyed(this.relTgtId, this.relTgtId != 0), this::writeRelTgtId,
				(data) -> {
					try {
						KernelNumbers.parseUnsignedLong(data);
					}
					catch (SimErrno ex) {
						throw new SimErrno(Errno.EINVAL);
					}
					return true;
				}));
		this.defaultSet.addAcgAttributes(d);
		d.add(Attr.rw("comment", () -> (this.comment == null) ? "" : Attr.keyed(this.comment, true), (data) -> {
			String text = Attr.chomp(data);
			this.comment = text.isEmpty() ? null : text;
		}));
		d.add(Attr.rw("forward_src", () -> Attr.keyed(this.forwardSrc, this.forwardSrc == 1), (data) -> {
			int value = KernelNumbers.parseInt(data);
			if (value != 0 && value != 1) {
				throw new SimErrno(Errno.EINVAL);
			}
			this.forwardSrc = value;
		}));
		Node.Reader forwardDst = () -> Attr.keyed(this.forwardDst, this.forwardDst == 1);
		Node.Writer writeForwardDst = (data) -> this.forwardDst = zeroOrOneByte(data);
		d.add(Attr.rw("forward_dst", forwardDst, writeForwardDst));
		d.add(Attr.rw("forwarding", forwardDst, writeForwardDst));
		d.add(Attr.rw("aen_disabled", () -> Attr.keyed(this.aenDisabled, this.aenDisabled == 1),
				(data) -> this.aenDisabled = zeroOrOneByte(data)));
		d.add(Attr.ro("sg_tablesize", () -> "65535\n"));
		IoCounters.addTargetFiles(d, this.sessions);
	}

	private static int zeroOrOneByte(String data) {
		char c = Attr.first(data);
		if (c != '0' && c != '1') {
			throw new SimErrno(Errno.EINVAL);
		}
		return c - '0';
	}

	private void writeRelTgtId(String data) {
		long value = KernelNumbers.parseUnsignedLong(data);
		int truncated = (int) (value & 0xFFFF);
		if (truncated != this.relTgtId) {
			for (SimTarget other : this.sim.allTargets()) {
				if (other != this && other.relTgtId == truncated) {
					throw new SimErrno(Errno.EBADSLT);
				}
			}
		}
		if (value < 1 || value > 0xFFFF) {
			throw new SimErrno(Errno.EINVAL);
		}
		this.relTgtId = (int) value;
	}

	// ---------------------------------------------------------------- ini_groups/mgmt

	private void iniGroupsMgmt(String data) {
		MgmtLine line = new MgmtLine(data);
		String verb = line.lexeme().toLowerCase(Locale.ROOT);
		if (!verb.equals("create") && !verb.equals("del")) {
			throw new SimErrno(Errno.EINVAL);
		}
		String groupName = line.lexeme();
		if (groupName.isEmpty()) {
			throw new SimErrno(Errno.EINVAL);
		}
		SimGroup group = findGroup(groupName);
		if (verb.equals("create")) {
			if (group != null) {
				throw new SimErrno(Errno.EEXIST);
			}
			if (isCopyManager()) {
				throw new SimErrno(Errno.EINVAL);
			}
			this.groups.add(new SimGroup(this, groupName));
		}
		else {
			if (group == null) {
				throw new SimErrno(Errno.EINVAL);
			}
			if (!group.lunSet.sessions().isEmpty()) {
				throw new SimErrno(Errno.EBUSY);
			}
			group.destroy();
		}
	}

	@Nullable SimGroup findGroup(String groupName) {
		for (SimGroup group : this.groups) {
			if (group.name.equals(groupName)) {
				return group;
			}
		}
		return null;
	}

}
