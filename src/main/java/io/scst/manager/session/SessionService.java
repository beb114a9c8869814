package io.scst.manager.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.LinuxScsiDevice;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScsiDevices;
import io.scst.manager.sysfs.ScstBusyException;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.model.AttributeFile;
import io.scst.manager.sysfs.model.LunSet;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.model.SessionNode;
import io.scst.manager.sysfs.model.TargetNode;
import io.scst.manager.system.Page;
import io.scst.manager.system.Slice;
import io.scst.manager.target.DriverCapabilities;
import io.scst.manager.target.TargetDriverService;
import io.scst.manager.target.TargetService;
import io.scst.manager.target.UnsupportedByDriverException;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The sessions of a target ({@code targets/<driver>/<target>/sessions/<session>/}).
 * Sessions are named by their directory: SCST adds {@code _1}, {@code _2}, ... to
 * duplicate initiator names, and the directory is what can be addressed.
 */
@Service
public class SessionService {

	/** The smallest TransportID (every protocol but iSCSI uses exactly 24 bytes). */
	static final int MIN_TRANSPORT_ID_BYTES = 24;

	/** The largest TransportID accepted (an iSCSI name with ISID, padded). */
	static final int MAX_TRANSPORT_ID_BYTES = 256;

	private final ScstSysfs sysfs;

	private final Scst scst;

	private final ScsiDevices scsiDevices;

	private final TargetDriverService drivers;

	private final TargetService targets;

	private final ChangePipeline changes;

	@Autowired
	public SessionService(ScstSysfs sysfs, ScsiDevices scsiDevices, TargetDriverService drivers, TargetService targets,
			ChangePipeline changes) {
		this.sysfs = sysfs;
		this.scst = Scst.of(sysfs);
		this.scsiDevices = scsiDevices;
		this.drivers = drivers;
		this.targets = targets;
		this.changes = changes;
		changes.onChange(this::awaitScans);
	}

	/** A service whose changes go through a pipeline without a backing-file policy. */
	public SessionService(ScstSysfs sysfs, ScsiDevices scsiDevices, TargetDriverService drivers,
			TargetService targets) {
		this(sysfs, scsiDevices, drivers, targets, ChangePipeline.unrestricted(sysfs));
	}

	/**
	 * List a target's sessions.
	 * @param driver the driver
	 * @param target the target
	 * @return the sessions, sorted by directory name
	 */
	public List<SessionSummary> list(String driver, String target) {
		return list(driver, target, Page.all()).items();
	}

	/**
	 * List one page of a target's sessions. Only the sessions of the page are read.
	 * @param driver the driver
	 * @param target the target
	 * @param page which sessions, by directory name
	 * @return the sessions of the page, sorted by directory name
	 * @throws InvalidNameException when {@code after} is not a session directory name
	 */
	public Slice<SessionSummary> list(String driver, String target, Page page) {
		this.targets.requireTarget(driver, target);
		return page.select(sessionDirectories(driver, target), Comparator.naturalOrder(), (after) -> {
			if (!ScstPath.isValidSegment(after)) {
				throw new InvalidNameException("after", "'" + after + "' is not a session name");
			}
			return after;
		}).map((session) -> new SessionSummary(session, target(driver, target).session(session).initiatorName()));
	}

	/**
	 * Describe a session.
	 * @param driver the driver
	 * @param target the target
	 * @param session the session directory name
	 * @return the session as read now
	 */
	public Session describe(String driver, String target, String session) {
		requireSession(driver, target, session);
		SessionNode node = target(driver, target).session(session);
		LunSet set = node.lunSet();
		Integer host = node.hostNumber().orElse(null);
		List<LinuxScsiDevice> linux = (host != null) ? this.scsiDevices.ofHost(host) : List.of();
		List<SessionLun> luns = new ArrayList<>();
		for (Integer lun : node.lunNumbers()) {
			LinuxScsiDevice device = linux.stream().filter((d) -> d.lun() == lun).findFirst().orElse(null);
			luns.add(new SessionLun(lun, set.lun(lun).deviceNameIfPresent().orElse(null), device,
					(host != null) ? Boolean.valueOf(device != null) : null));
		}
		return new Session(session, node.initiatorName(), driver, target, set.group().orElse(null), node.counters(),
				node.transportId().map(TransportId::decode).orElse(null), host, luns, linux);
	}

	/**
	 * Create a session with scst_local's {@code add_session}.
	 * @param driver the driver
	 * @param target the target
	 * @param request the session
	 * @return the new session, named by the directory SCST created for it
	 */
	public Session create(String driver, String target, CreateSessionRequest request) {
		this.targets.requireTarget(driver, target);
		String name = ScstNames.session("name", request.name());
		if (!this.drivers.capabilities(driver).addSession()) {
			throw new UnsupportedByDriverException(driver, "create sessions (its management file has no add_session)");
		}
		boolean duplicate = Boolean.TRUE.equals(request.duplicate());
		this.targets.requireUnusedSessionName(driver, name, duplicate ? target : null);
		Set<String> before = new TreeSet<>(sessionDirectories(driver, target));
		if (!duplicate && before.stream().anyMatch((other) -> name.equals(initiatorName(driver, target, other)))) {
			throw new SessionConflictException("Session already exists",
					"Target " + target + " already has a session with the initiator name " + name
							+ "; to open another one with that name, ask for it with \"duplicate\": true");
		}
		MgmtCommand command = MgmtCommand.addSession(driver, target, name);
		this.changes.run(Step.of(Step.CREATE, object(driver, target) + "/sessions/" + name, new Write.Mgmt(command)));
		List<String> created = new ArrayList<>(sessionDirectories(driver, target));
		created.removeAll(before);
		String directory = created.stream()
			.filter((candidate) -> name.equals(initiatorName(driver, target, candidate)))
			.findFirst()
			.orElse(created.isEmpty() ? ScstPath.entryName(name) : created.get(0));
		return describe(driver, target, directory);
	}

	/**
	 * Change a session's TransportID (scst_local).
	 * @param driver the driver
	 * @param target the target
	 * @param session the session directory name
	 * @param request the change
	 * @return the session as read afterwards
	 */
	public Session update(String driver, String target, String session, UpdateSessionRequest request) {
		requireSession(driver, target, session);
		byte[] transportId = parseTransportId(request.transportId());
		AttributeFile file = target(driver, target).session(session).transportIdFile();
		if (!file.isWritable()) {
			throw new SessionConflictException("Session has no TransportID",
					"Session " + session + " of target " + target + " has no writable transport_id");
		}
		this.changes.run(Step.of(Step.UPDATE, object(driver, target) + "/sessions/" + session,
				new Write.Bytes(file.path(), transportId)));
		return describe(driver, target, session);
	}

	/**
	 * Reset a session's I/O counters: SCST resets all counters of a data direction when
	 * anything is written to one of them (scst/src/scst_sysfs.c).
	 * @param driver the driver
	 * @param target the target
	 * @param session the session directory name
	 * @return the session as read afterwards
	 */
	public Session resetCounters(String driver, String target, String session) {
		requireSession(driver, target, session);
		List<ScstPath> resets = new ArrayList<>();
		SessionNode node = target(driver, target).session(session);
		for (String counter : ScstTree.SESSION_COUNTER_RESETS) {
			AttributeFile file = node.attribute(counter);
			if (file.isWritable()) {
				resets.add(file.path());
			}
		}
		if (resets.isEmpty()) {
			throw new SessionConflictException("Session counters cannot be reset",
					"Session " + session + " of target " + target + " has no writable counters");
		}
		this.changes.run(resets.stream()
			.map((path) -> Step.of(Step.UPDATE, object(driver, target) + "/sessions/" + session,
					new Write.Attribute(path, "0")))
			.toList());
		return describe(driver, target, session);
	}

	/**
	 * Delete a session with scst_local's {@code del_session} and wait until its directory
	 * is gone. SCST removes the first created session with the given initiator name, so
	 * the request is refused when other sessions of the target share the initiator name
	 * (which of them was created first cannot be told from sysfs).
	 * @param driver the driver
	 * @param target the target
	 * @param session the session directory name
	 */
	public void delete(String driver, String target, String session) {
		requireSession(driver, target, session);
		DriverCapabilities capabilities = this.drivers.capabilities(driver);
		if (!capabilities.delSession()) {
			throw new UnsupportedByDriverException(driver, "delete sessions (its management file has no del_session)");
		}
		String initiator = initiatorName(driver, target, session);
		List<String> sharing = sessionDirectories(driver, target).stream()
			.filter((other) -> initiator.equals(initiatorName(driver, target, other)))
			.toList();
		if (sharing.size() > 1) {
			throw new SessionConflictException("Session cannot be addressed by del_session",
					"Sessions " + String.join(", ", sharing) + " of target " + target + " share the initiator name "
							+ initiator + "; SCST's del_session removes the first created of them, which sysfs "
							+ "does not show. Delete the others first or close the session another way");
		}
		MgmtCommand command = MgmtCommand.delSession(driver, target, initiator);
		this.changes
			.run(Step.of(Step.DELETE, object(driver, target) + "/sessions/" + session, new Write.Mgmt(command)));
		awaitGone(target(driver, target).session(session), command);
	}

	private void awaitGone(SessionNode session, MgmtCommand command) {
		long start = System.nanoTime();
		if (!this.sysfs.await(() -> !session.present())) {
			throw new ScstBusyException(session.path(), command.line(), Duration.ofNanos(System.nanoTime() - start));
		}
	}

	/**
	 * After a change that may give sessions new LUNs or creates sessions (REST, config
	 * apply, restore at start): wait until the SCSI midlayer has brought up a device for
	 * every LUN of every session of the targets concerned, so that the change's answer
	 * (and every read after it) shows them. The kernel scans an scst_local host
	 * asynchronously ({@code scsi_scan_host}, and a LUN change reported through a unit
	 * attention), so the management write returns before the devices exist; polling the
	 * host's devices is the one way that works on every kernel (no uevent listener, no
	 * root-only netlink socket). Bounded by the gateway's timeout: a LUN still without a
	 * device afterwards is reported as not attached.
	 */
	private void awaitScans(List<Step> steps, boolean completed) {
		if (!completed) {
			return;
		}
		Set<ScstPath> targets = new LinkedHashSet<>();
		for (Step step : steps) {
			if (step.write() instanceof Write.Mgmt mgmt) {
				mgmt.command().targetWithChangedSessions().ifPresent(targets::add);
			}
		}
		for (ScstPath dir : targets) {
			TargetNode target = this.scst.target(dir);
			for (String session : target.sessionNamesIfPresent().orElse(List.of())) {
				awaitScan(target.session(session));
			}
		}
	}

	/**
	 * Wait until every LUN of a session has a Linux device on its host, with the nodes of
	 * every upper-level driver that takes it ({@link ScsiDevices#settled}). Devices of
	 * LUNs taken away stay (the midlayer keeps them until they are deleted or rescanned),
	 * so only appearing devices are waited for.
	 */
	private void awaitScan(SessionNode session) {
		Integer host = session.hostNumber().orElse(null);
		if (host == null) {
			return;
		}
		this.sysfs.await(() -> {
			if (!session.present()) {
				return true;
			}
			Set<Integer> luns = new TreeSet<>(session.lunNumbers());
			Set<Integer> devices = new TreeSet<>();
			this.scsiDevices.ofHost(host).forEach((device) -> {
				if (this.scsiDevices.settled(device)) {
					devices.add(device.lun());
				}
			});
			return devices.containsAll(luns);
		});
	}

	private static String object(String driver, String target) {
		return "target-drivers/" + driver + "/targets/" + target;
	}

	private void requireSession(String driver, String target, String session) {
		this.targets.requireTarget(driver, target);
		if (!ScstPath.isValidSegment(session)) {
			throw new InvalidNameException("session", "'" + session + "' is not a session name");
		}
		if (!target(driver, target).session(session).exists()) {
			throw new SessionNotFoundException(target, session);
		}
	}

	private TargetNode target(String driver, String target) {
		return this.scst.targetDriver(driver).target(target);
	}

	private List<String> sessionDirectories(String driver, String target) {
		return target(driver, target).sessionNames().stream().sorted().toList();
	}

	private String initiatorName(String driver, String target, String session) {
		return target(driver, target).session(session).initiatorName();
	}

	private static byte[] parseTransportId(@Nullable String hex) {
		if (hex == null || hex.isEmpty()) {
			throw new InvalidNameException("transportId", "must not be empty");
		}
		if (hex.length() % 2 != 0 || !hex.chars().allMatch((c) -> Character.digit(c, 16) >= 0 && c < 0x80)) {
			throw new InvalidNameException("transportId", "must be an even number of hex digits");
		}
		int length = hex.length() / 2;
		if (length < MIN_TRANSPORT_ID_BYTES || length > MAX_TRANSPORT_ID_BYTES || length % 4 != 0) {
			throw new InvalidNameException("transportId", "a TransportID is " + MIN_TRANSPORT_ID_BYTES + " to "
					+ MAX_TRANSPORT_ID_BYTES + " bytes long, a multiple of 4 (got " + length + ")");
		}
		return HexFormat.of().parseHex(hex);
	}

}
