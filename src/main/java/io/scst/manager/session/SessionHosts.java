package io.scst.manager.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.sysfs.LinuxScsiDevice;
import io.scst.manager.sysfs.ScsiDevices;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.SysfsException;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.model.SessionNode;
import io.scst.manager.sysfs.model.TargetNode;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Linux side of sessions that have a SCSI host (scst_local): waiting, after every
 * change, until the SCSI midlayer has caught up with the sessions' LUNs, and telling
 * which Linux devices a change brought or took away.
 *
 * <p>
 * The kernel scans an scst_local host asynchronously: {@code scsi_scan_host} for a new
 * session, and a rescan when SCST reports "reported LUNs data has changed" after a LUN
 * was added or removed. The management write returns before that, so the change's answer
 * would miss the devices. Polling the host's devices, bounded by the gateway's timeout,
 * is the one way that works on every kernel and without privileges (no uevent listener,
 * no netlink socket). Devices of LUNs taken away go only where the driver removes them:
 * our scst_local does when its {@value #REMOVE_STALE_DEVICES} module parameter is
 * {@code Y} (the default); SCST's upstream scst_local leaves them, and then only the
 * appearing devices are waited for.
 */
@Component
public class SessionHosts {

	/** Our scst_local's module parameter: remove the devices of LUNs a session lost. */
	public static final String REMOVE_STALE_DEVICES = "remove_stale_devices";

	private final ScstSysfs sysfs;

	private final Scst scst;

	private final ScsiDevices scsiDevices;

	/**
	 * Wait after every completed change of the pipeline.
	 * @param sysfs the gateway
	 * @param scsiDevices the Linux SCSI devices
	 * @param changes the pipeline whose changes are waited for
	 */
	@Autowired
	public SessionHosts(ScstSysfs sysfs, ScsiDevices scsiDevices, ChangePipeline changes) {
		this(sysfs, scsiDevices);
		changes.onChange("scan", this::awaitScans);
	}

	/** Without waiting after changes (for reads and diffs only). */
	public SessionHosts(ScstSysfs sysfs, ScsiDevices scsiDevices) {
		this.sysfs = sysfs;
		this.scst = Scst.of(sysfs);
		this.scsiDevices = scsiDevices;
	}

	/**
	 * The Linux devices of a session's host, or none when it has no host.
	 * @param session the session
	 * @return the devices, ordered by LUN
	 */
	public List<LinuxScsiDevice> devices(SessionNode session) {
		return session.hostNumber().map(this.scsiDevices::ofHost).orElse(List.of());
	}

	/**
	 * The Linux devices of the sessions with a SCSI host that use a LUN set: those of the
	 * target's default set ({@code group} null) or of one initiator group.
	 * @param target the target
	 * @param group the initiator group, or {@code null} for the default set
	 * @return the devices of each such session, by session name
	 */
	public Devices devices(TargetNode target, @Nullable String group) {
		Map<String, Host> hosts = new LinkedHashMap<>();
		for (String name : target.sessionNamesIfPresent().orElse(List.of())) {
			SessionNode session = target.session(name);
			Optional<Integer> host = session.hostNumber();
			if (host.isPresent() && usesSet(session, group)) {
				hosts.put(name, new Host(host.get(), this.scsiDevices.ofHost(host.get())));
			}
		}
		return new Devices(target, group, hosts);
	}

	private static boolean usesSet(SessionNode session, @Nullable String group) {
		try {
			return Objects.equals(session.lunSet().group().orElse(null), group);
		}
		catch (RuntimeException ex) {
			return false; // the session went while it was read
		}
	}

	/**
	 * After a change that may give sessions new LUNs, take some away, or create sessions
	 * (REST, config apply, restore at start): wait until the SCSI midlayer has a device
	 * for every LUN of every session of the targets concerned, with the nodes of every
	 * upper-level driver that takes it ({@link ScsiDevices#settled}), and, where the
	 * driver removes them, none for a LUN a session no longer has. Bounded by the
	 * gateway's timeout: a LUN still without a device afterwards is reported as not
	 * attached.
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
		Map<String, Boolean> removesByDriver = new HashMap<>();
		for (ScstPath dir : targets) {
			TargetNode target = this.scst.target(dir);
			boolean removes = removesByDriver.computeIfAbsent(target.driver(), this::removesStaleDevices);
			for (String session : target.sessionNamesIfPresent().orElse(List.of())) {
				awaitScan(target.session(session), removes);
			}
		}
	}

	private void awaitScan(SessionNode session, boolean removes) {
		Integer host = session.hostNumber().orElse(null);
		if (host == null) {
			return;
		}
		this.sysfs.await(() -> {
			List<Integer> luns;
			try {
				// the LUN set the session sees: a readlink and a short listing, where
				// the session's own directory has its lun<N>/ among some fifty files
				luns = session.lunSet().numbers();
			}
			catch (SysfsException ex) {
				if (!session.present()) {
					return true; // the session went: nothing to wait for
				}
				throw ex;
			}
			ScsiDevices.HostLuns devices = this.scsiDevices.luns(host);
			return devices.settled().containsAll(luns) && (!removes || luns.containsAll(devices.present()));
		});
	}

	private boolean removesStaleDevices(String driver) {
		return this.scsiDevices.moduleParameters(driver)
			.map((parameters) -> "Y".equals(parameters.get(REMOVE_STALE_DEVICES)))
			.orElse(false);
	}

	/** A session's SCSI host and its Linux devices at one moment. */
	private record Host(int number, List<LinuxScsiDevice> devices) {

	}

	/**
	 * The Linux devices of the sessions of one LUN set at one moment.
	 */
	public final class Devices {

		private final TargetNode target;

		private final @Nullable String group;

		private final Map<String, Host> hosts;

		private Devices(TargetNode target, @Nullable String group, Map<String, Host> hosts) {
			this.target = target;
			this.group = group;
			this.hosts = hosts;
		}

		/**
		 * What changed since this moment: the devices that appeared and went on each
		 * session that used the LUN set then or uses it now, and the LUNs that have no
		 * device (the midlayer did not attach them within the management timeout).
		 * @return one entry per session with a SCSI host, by session name
		 */
		public List<SessionDeviceChanges> changes() {
			Devices now = devices(this.target, this.group);
			Set<String> names = new TreeSet<>(this.hosts.keySet());
			names.addAll(now.hosts.keySet());
			List<SessionDeviceChanges> changes = new ArrayList<>();
			for (String name : names) {
				Host before = this.hosts.get(name);
				Host after = now.hosts.get(name);
				List<LinuxScsiDevice> was = (before != null) ? before.devices() : List.of();
				List<LinuxScsiDevice> is = (after != null) ? after.devices() : List.of();
				List<Integer> missing = new ArrayList<>();
				if (after != null) {
					Set<Integer> attached = new TreeSet<>();
					is.forEach((device) -> attached.add(device.lun()));
					SessionNode session = this.target.session(name);
					for (Integer lun : session.present() ? session.lunNumbers() : List.<Integer>of()) {
						if (!attached.contains(lun)) {
							missing.add(lun);
						}
					}
				}
				changes.add(new SessionDeviceChanges(name, (after != null) ? after.number() : before.number(),
						minus(is, was), minus(was, is), missing));
			}
			return changes;
		}

		private static List<LinuxScsiDevice> minus(List<LinuxScsiDevice> these, List<LinuxScsiDevice> those) {
			return these.stream().filter((device) -> those.stream().noneMatch((other) -> same(device, other))).toList();
		}

		private static boolean same(LinuxScsiDevice a, LinuxScsiDevice b) {
			return a.address().equals(b.address()) && Objects.equals(a.blockDevice(), b.blockDevice())
					&& Objects.equals(a.genericDevice(), b.genericDevice());
		}

	}

}
