package io.scst.manager.sysfs.simulation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.Errno;

/**
 * An access control group (acg): a target's default LUN set or an initiator group's, with
 * its LUNs and the acg attributes ({@code addr_method}, {@code io_grouping_type},
 * {@code black_hole}, {@code cpu_mask}).
 */
final class SimLunSet {

	static final int MAX_LUN = 16383;

	private static final String HELP = """
			Usage: echo "add H:C:I:L lun [parameters]" >mgmt
			       echo "add VNAME lun [parameters]" >mgmt
			       echo "del lun" >mgmt
			       echo "replace H:C:I:L lun [parameters]" >mgmt
			       echo "replace VNAME lun [parameters]" >mgmt
			       echo "replace_no_ua H:C:I:L lun [parameters]" >mgmt
			       echo "replace_no_ua VNAME lun [parameters]" >mgmt
			       echo "clear" >mgmt

			where parameters are one or more param_name=value pairs separated by ';'

			The following parameters available: read_only
			""";

	final ScstSimulator sim;

	final SimTarget target;

	/** The initiator group, or {@code null} for the target's default set. */
	final @Nullable SimGroup group;

	final Node.Dir dir;

	final TreeMap<Integer, Lun> luns = new TreeMap<>();

	String addrMethod = "PERIPHERAL";

	/**
	 * {@code -1} auto, {@code -2} this_group_only, {@code -3} never, else a group number.
	 */
	int ioGrouping = -1;

	int blackHole;

	BitSet cpuMask;

	SimLunSet(SimTarget target, @Nullable SimGroup group, Node.Dir parent) {
		this.sim = target.sim;
		this.target = target;
		this.group = group;
		this.cpuMask = CpuMask.all(this.sim.cpus());
		this.dir = parent.dir("luns");
		this.dir.add(Attr.rwQueued("mgmt", () -> HELP, this::mgmt));
	}

	/** The sessions currently using this set. */
	List<SimSession> sessions() {
		List<SimSession> sessions = new ArrayList<>();
		for (SimSession session : this.target.sessions) {
			if (session.lunSet == this) {
				sessions.add(session);
			}
		}
		return sessions;
	}

	// ---------------------------------------------------------------- acg attributes

	void addAcgAttributes(Node.Dir d) {
		d.add(Attr.rw("addr_method", () -> Attr.keyed(this.addrMethod, !this.addrMethod.equals("PERIPHERAL")),
				(data) -> {
					if (Attr.prefixMatch(data, "FLAT")) {
						this.addrMethod = "FLAT";
					}
					else if (Attr.prefixMatch(data, "PERIPHERAL")) {
						this.addrMethod = "PERIPHERAL";
					}
					else if (Attr.prefixMatch(data, "LUN")) {
						this.addrMethod = "LUN";
					}
					else {
						throw new SimErrno(Errno.EINVAL);
					}
				}));
		d.add(Attr.rwQueued("io_grouping_type", this::ioGroupingShow, (data) -> this.ioGrouping = parseIoGrouping(data),
				(data) -> parseIoGrouping(data) != this.ioGrouping));
		d.add(Attr.rw("black_hole", () -> Attr.line(this.blackHole), (data) -> {
			char c = Attr.first(data);
			if (c < '0' || c > '4') {
				throw new SimErrno(Errno.EINVAL);
			}
			this.blackHole = c - '0';
		}));
		d.add(Attr.rwQueued("cpu_mask",
				() -> Attr.keyed(CpuMask.format(this.cpuMask, this.sim.cpus()),
						!this.cpuMask.equals(CpuMask.all(this.sim.cpus()))),
				(data) -> this.cpuMask = CpuMask.parse(data, this.sim.cpus()),
				(data) -> !CpuMask.parse(data, this.sim.cpus()).equals(this.cpuMask)));
	}

	private String ioGroupingShow() {
		return switch (this.ioGrouping) {
			case -1 -> "auto\n";
			case -2 -> Attr.keyed("this_group_only", true);
			case -3 -> Attr.keyed("never", true);
			default -> Attr.keyed(this.ioGrouping, true);
		};
	}

	private static int parseIoGrouping(String data) {
		if (Attr.prefixMatch(data, "auto")) {
			return -1;
		}
		if (Attr.prefixMatch(data, "this_group_only")) {
			return -2;
		}
		if (Attr.prefixMatch(data, "never")) {
			return -3;
		}
		long value;
		try {
			value = KernelNumbers.parseLong(data);
		}
		catch (SimErrno ex) {
			throw new SimErrno(Errno.EINVAL);
		}
		if (value <= 0 || value > Integer.MAX_VALUE) {
			throw new SimErrno(Errno.EINVAL);
		}
		return (int) value;
	}

	// ---------------------------------------------------------------- mgmt

	private void mgmt(String data) {
		MgmtLine line = new MgmtLine(data);
		String verb = line.lexeme().toLowerCase(Locale.ROOT);
		switch (verb) {
			case "add", "replace", "replace_no_ua" -> {
				String deviceName = line.lexeme();
				SimDevice device = this.sim.devices.get(deviceName);
				if (device == null) {
					throw new SimErrno(Errno.EINVAL);
				}
				long lun = KernelNumbers.parseUnsignedLong(line.lexeme());
				if (lun > MAX_LUN) {
					throw new SimErrno(Errno.EINVAL);
				}
				boolean readOnly = parseReadOnly(line);
				if (verb.equals("add")) {
					if (this.luns.containsKey((int) lun)) {
						throw new SimErrno(Errno.EEXIST);
					}
				}
				else {
					// scst_acg_repl_lun() deletes the old LUN before it tries the new one
					// (the sessions rescan once, after the new one is in)
					remove((int) lun, false);
				}
				checkAllowed(device, readOnly);
				add(device, (int) lun, readOnly);
				if (this.target.isCopyManager()) {
					// scst_cm_on_add_lun(): the copy manager reads the identification
					// page
					this.sim.copyManager.copyManagerInquiry();
				}
			}
			case "del" -> {
				long lun = KernelNumbers.parseUnsignedLong(line.lexeme());
				if (!line.lexeme().isEmpty()) {
					throw new SimErrno(Errno.EINVAL);
				}
				if (lun > Integer.MAX_VALUE || !this.luns.containsKey((int) lun)) {
					throw new SimErrno(Errno.EINVAL);
				}
				remove((int) lun);
			}
			case "clear" -> {
				if (!line.lexeme().isEmpty()) {
					throw new SimErrno(Errno.EINVAL);
				}
				for (Integer lun : List.copyOf(this.luns.keySet())) {
					remove(lun);
				}
			}
			default -> throw new SimErrno(Errno.EINVAL);
		}
	}

	/**
	 * {@code scst_cm_on_add_lun()}: a LUN added by hand to the copy manager must not be
	 * read-only, neither by the {@code read_only} parameter nor because the device is (a
	 * {@code read_only=1} vdisk, any vcdrom). The copy manager's own LUNs for new devices
	 * do not pass this check.
	 */
	private void checkAllowed(SimDevice device, boolean readOnly) {
		if ((readOnly || device.readOnly) && this.target.isCopyManager()) {
			throw new SimErrno(Errno.EINVAL);
		}
	}

	/** The LUN parameters: only {@code read_only}, any non-zero number meaning yes. */
	private static boolean parseReadOnly(MgmtLine line) {
		boolean readOnly = false;
		String token;
		while ((token = line.token()) != null) {
			MgmtLine words = MgmtLine.of(token);
			String name = words.lexeme();
			if (name.isEmpty()) {
				throw new SimErrno(Errno.EINVAL);
			}
			String value = words.lexeme();
			if (value.isEmpty() || !words.lexeme().isEmpty()) {
				throw new SimErrno(Errno.EINVAL);
			}
			long number = KernelNumbers.parseUnsignedLong(value);
			if (!name.equalsIgnoreCase("read_only")) {
				throw new SimErrno(Errno.EINVAL);
			}
			readOnly = number != 0;
		}
		return readOnly;
	}

	// ---------------------------------------------------------------- LUNs

	Lun add(SimDevice device, int number, boolean readOnly) {
		Node.Dir lunDir = this.dir.dir(Integer.toString(number).intern());
		Lun lun = new Lun(this, number, device, readOnly, lunDir);
		lunDir.add(Attr.ro("read_only", () -> Attr.keyed(lun.effectiveReadOnly() ? 1 : 0, lun.effectiveReadOnly())));
		lunDir.add(new Node.Link("device", () -> device.dir.pathFromSys()));
		lun.exportLink = device.export(lunDir);
		this.luns.put(number, lun);
		device.luns.add(lun);
		for (SimSession session : sessions()) {
			session.addTgtDev(lun);
			session.scan();
		}
		return lun;
	}

	void remove(int number) {
		remove(number, true);
	}

	private void remove(int number, boolean rescan) {
		Lun lun = this.luns.remove(number);
		if (lun == null) {
			return;
		}
		for (SimSession session : sessions()) {
			session.removeTgtDev(number);
			if (rescan) {
				session.scan(); // "reported LUNs data has changed": the driver rescans
			}
		}
		this.dir.remove(Integer.toString(number));
		lun.device.unexport(lun.exportLink);
		lun.device.luns.remove(lun);
	}

	/** One LUN of this set. */
	static final class Lun {

		final SimLunSet set;

		final int number;

		final SimDevice device;

		final boolean readOnly;

		final Node.Dir dir;

		String exportLink = "";

		Lun(SimLunSet set, int number, SimDevice device, boolean readOnly, Node.Dir dir) {
			this.set = set;
			this.number = number;
			this.device = device;
			this.readOnly = readOnly;
			this.dir = dir;
		}

		boolean effectiveReadOnly() {
			return this.readOnly || this.device.readOnly;
		}

	}

}
