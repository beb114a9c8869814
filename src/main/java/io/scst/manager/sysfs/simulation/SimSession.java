package io.scst.manager.sysfs.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.ScstPath;

/**
 * A session ({@code sessions/
 *
<dir>
 * /}) with its counters, LUNs and SCSI host.
 */
final class SimSession {

	private static final int[] LATENCY_SIZES = { 512, 1024, 2048, 4096, 8192, 16384, 32768, 65536, 131072, 262144,
			524288 };

	/** The {@code latency/} file names, one set shared by every session. */
	private static final List<String> LATENCY_NAMES = latencyNames();

	private static final int[] NO_PIDS = {};

	final ScstSimulator sim;

	final SimTarget target;

	final String initiatorName;

	final String dirName;

	final Node.Dir dir;

	SimLunSet lunSet;

	final IoCounters counters = new IoCounters();

	/** Session LUNs by LUN number. */
	final TreeMap<Integer, TgtDev> tgtDevs = new TreeMap<>();

	/** scst_local: the Linux SCSI host number, or -1. */
	int hostNo = -1;

	/**
	 * scst_local: Linux SCSI devices by LUN (when the LUN goes, they go with the next
	 * scan if {@code remove_stale_devices}, else they stay).
	 */
	final TreeMap<Integer, SimulatedScsiDevice> linuxDevices = new TreeMap<>();

	byte @Nullable [] transportId;

	boolean closing;

	/** Delayed scans scheduled and not run yet. */
	private int pendingScans;

	private SimSession(SimTarget target, String initiatorName, String dirName) {
		this.sim = target.sim;
		this.target = target;
		this.initiatorName = initiatorName;
		this.dirName = dirName;
		this.dir = target.sessionsDir.dir(dirName);
		this.lunSet = target.lunSetFor(initiatorName);
	}

	/** The directory name SCST gives a new session of {@code target}. */
	static String directoryName(SimTarget target, String initiatorName) {
		String base = ScstPath.entryName(initiatorName);
		if (target.sessionsDir.get(base) == null) {
			return base;
		}
		for (int n = 1;; n++) {
			String candidate = base + "_" + n;
			if (target.sessionsDir.get(candidate) == null) {
				return candidate;
			}
		}
	}

	/** Create a session and attach it to its LUN set. */
	static SimSession create(SimTarget target, String initiatorName) {
		String dirName = directoryName(target, initiatorName);
		SimSession session = new SimSession(target, initiatorName, dirName);
		target.sessions.add(session);
		session.buildAttributes();
		if (target.isLocal()) {
			target.sim.local.sessionDirs.add(dirName);
			session.hostNo = target.sim.scsi.allocateHost();
			int ordinal = ++target.sim.sessionOrdinal;
			session.transportId = defaultTransportId(ordinal);
			session.buildLocalAttributes();
		}
		for (SimLunSet.Lun lun : session.lunSet.luns.values()) {
			session.addTgtDev(lun);
		}
		session.scan();
		return session;
	}

	static byte[] defaultTransportId(int ordinal) {
		byte[] id = new byte[24];
		int low = ordinal & 0xff;
		id[0] = 0x06;
		id[4] = 0x5f;
		id[5] = (byte) 0xee;
		id[6] = (byte) 0xde;
		id[7] = (byte) (0x40 | (low >> 4));
		id[8] = (byte) (0x0f | ((low & 0x0f) << 4));
		id[9] = (byte) 0xad;
		id[10] = (byte) 0xe0;
		id[11] = 0x50;
		return id;
	}

	// ---------------------------------------------------------------- LUNs

	void addTgtDev(SimLunSet.Lun lun) {
		if (this.tgtDevs.containsKey(lun.number)) {
			removeTgtDev(lun.number);
		}
		SimDevice device = lun.device;
		Node.Dir lunDir = this.dir.dir(("lun" + lun.number).intern());
		TgtDev tgtDev = new TgtDev(this, lun, lunDir);
		// scst_tgt_dev_setup_threads() runs before the LUN joins the device's list
		tgtDev.setUpThreads(device.tgtDevs.size());
		lunDir.add(Attr.ro("active_commands", () -> "0\n"));
		lunDir.add(Attr.ro("thread_index", () -> Attr.line(tgtDev.threadIndex)));
		lunDir.add(Attr.ro("thread_pid", tgtDev::pidLine));
		this.tgtDevs.put(lun.number, tgtDev);
		device.tgtDevs.add(tgtDev);
	}

	void removeTgtDev(int lun) {
		TgtDev tgtDev = this.tgtDevs.remove(lun);
		if (tgtDev == null) {
			return;
		}
		this.dir.remove(tgtDev.dir.name);
		tgtDev.lun.device.tgtDevs.remove(tgtDev);
	}

	/**
	 * Move to another LUN set: all session LUNs are rebuilt, and the Linux side
	 * rescanned.
	 */
	void assign(SimLunSet set) {
		if (set == this.lunSet) {
			return;
		}
		for (Integer lun : List.copyOf(this.tgtDevs.keySet())) {
			removeTgtDev(lun);
		}
		this.lunSet = set;
		for (SimLunSet.Lun lun : set.luns.values()) {
			addTgtDev(lun);
		}
		scan();
	}

	/**
	 * scst_local: the SCSI midlayer scans LUNs it does not know yet, and our scst_local
	 * (with {@code remove_stale_devices}) removes the devices of LUNs the session lost.
	 * With a scan delay the scan runs that much later, as the kernel's asynchronous host
	 * scan does, and then finds whatever the session's LUN set holds at that moment
	 * (REPORT LUNS); a session gone by then is not scanned.
	 */
	void scan() {
		if (this.hostNo < 0) {
			return;
		}
		Duration delay = this.sim.options().scanDelay();
		if (delay.isZero()) {
			rescan();
			return;
		}
		this.pendingScans++;
		this.sim.schedule(() -> {
			this.pendingScans--;
			if (this.target.sessions.contains(this)) {
				rescan();
			}
		}, delay);
	}

	private void rescan() {
		addLinuxDevices(List.copyOf(this.lunSet.luns.keySet()));
		if (this.sim.options().removeStaleDevices()) {
			for (Integer lun : List.copyOf(this.linuxDevices.keySet())) {
				if (!this.lunSet.luns.containsKey(lun)) {
					this.sim.scsi.removeDevice(this.linuxDevices.remove(lun));
				}
			}
		}
	}

	/** Whether a delayed scan of this session has not run yet. */
	boolean scanPending() {
		return this.pendingScans > 0;
	}

	private void addLinuxDevices(Collection<Integer> luns) {
		for (Integer lun : luns) {
			if (!this.linuxDevices.containsKey(lun)) {
				SimLunSet.Lun current = this.lunSet.luns.get(lun);
				if (current != null) {
					this.linuxDevices.put(lun, this.sim.scsi.addDevice(this.hostNo, lun, current.device));
				}
			}
		}
	}

	/** Remove the session now: LUNs, directory, SCSI host and its devices. */
	void close() {
		for (Integer lun : List.copyOf(this.tgtDevs.keySet())) {
			removeTgtDev(lun);
		}
		this.target.sessions.remove(this);
		this.target.sessionsDir.remove(this.dirName);
		if (this.target.isLocal()) {
			this.sim.local.sessionDirs.remove(this.dirName);
		}
		if (this.hostNo >= 0) {
			for (SimulatedScsiDevice device : this.linuxDevices.values()) {
				this.sim.scsi.removeDevice(device);
			}
			this.linuxDevices.clear();
			this.sim.scsi.freeHost(this.hostNo);
		}
	}

	/** Close asynchronously, as {@code del_session} and {@code force_close} do. */
	void closeLater() {
		if (this.closing) {
			return;
		}
		this.closing = true;
		this.sim.schedule(() -> {
			if (this.target.sessions.contains(this)) {
				close();
			}
		}, this.sim.options().sessionCloseDelay());
	}

	// ---------------------------------------------------------------- attributes

	private void buildAttributes() {
		Node.Dir d = this.dir;
		d.add(Attr.ro("initiator_name", () -> Attr.line(this.initiatorName)));
		d.add(Attr.ro("commands", () -> "0\n"));
		d.add(Attr.roQueued("active_commands", () -> "0\n"));
		this.counters.addFiles(d);
		d.add(new Node.Link("luns", () -> this.lunSet.dir.pathFromSys()));
		Node.Dir latency = d.dir("latency");
		for (String name : LATENCY_NAMES) {
			latency.add(Attr.rw(name, () -> "state count min max avg stddev\n", (data) -> {
			}));
		}
		if (this.target.isCopyManager()) {
			d.add(Attr.rwQueued("dif_checks_failed", () -> SimTarget.DIF_CHECKS, (data) -> {
			}));
		}
	}

	private static List<String> latencyNames() {
		List<String> names = new ArrayList<>();
		for (char kind : new char[] { 'n', 'r', 'w', 'b' }) {
			for (int size : LATENCY_SIZES) {
				names.add(kind + Integer.toString(size));
			}
		}
		return List.copyOf(names);
	}

	private void buildLocalAttributes() {
		Node.Dir d = this.dir;
		d.add(Attr.wo("force_close", (data) -> closeLater(), Node.Queue.DIRECT));
		d.add(Attr.ro("host_no", () -> Attr.line(this.hostNo)));
		d.add(new Node.Link("host", () -> List.of("devices", "scst_local", this.dirName, "host" + this.hostNo,
				"scsi_host", "host" + this.hostNo)));
		d.add(Attr.rw("transport_id", () -> new String(this.transportId, java.nio.charset.StandardCharsets.ISO_8859_1),
				(data) -> this.transportId = SysfsFiles.latin1(data)));
	}

	/** A session LUN (SCST's tgt_dev) with its serving threads. */
	static final class TgtDev {

		final SimSession session;

		final SimLunSet.Lun lun;

		final Node.Dir dir;

		int threadIndex = -1;

		int[] pids = NO_PIDS;

		TgtDev(SimSession session, SimLunSet.Lun lun, Node.Dir dir) {
			this.session = session;
			this.lun = lun;
			this.dir = dir;
		}

		/**
		 * {@code scst_tgt_dev_setup_threads()}: no threads of its own in async mode
		 * ({@code threads_num} 0) or with a shared pool ({@code thread_index} -1), else a
		 * private pool whose index is the LUN's position in the device's list.
		 * @param position this LUN's position in the device's session LUN list
		 */
		void setUpThreads(int position) {
			SimDevice device = this.lun.device;
			if (device.threadsNum == 0) {
				this.threadIndex = -1;
				this.pids = NO_PIDS;
			}
			else if (device.sharedPool) {
				this.threadIndex = -1;
				this.pids = device.sharedPids();
			}
			else {
				this.threadIndex = position;
				this.pids = this.session.sim.newPids(device.threadsNum);
			}
		}

		String pidLine() {
			int[] ascending = this.pids.clone();
			Arrays.sort(ascending);
			StringJoiner line = new StringJoiner(" ", "", "\n");
			for (int i = ascending.length - 1; i >= 0; i--) {
				line.add(Integer.toString(ascending[i]));
			}
			return line.toString();
		}

	}

}
