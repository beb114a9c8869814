package io.scst.manager.lun;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.device.DeviceNotFoundException;
import io.scst.manager.lun.LunChange.Outcome;
import io.scst.manager.session.SessionHosts;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScsiDevices;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.model.AttributeFile;
import io.scst.manager.sysfs.model.LunNode;
import io.scst.manager.sysfs.model.LunSet;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.model.TargetNode;
import io.scst.manager.target.TargetDriverNotFoundException;
import io.scst.manager.target.TargetNotFoundException;
import io.scst.manager.web.Page;
import io.scst.manager.web.Slice;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * LUN sets: a target's default set ({@code group} {@code null}) and each initiator
 * group's set behave the same, so every method takes the target and an optional group.
 * Everything is read live through the {@link ScstSysfs} gateway; every change is one
 * management command, written only after every check passed.
 */
@Service
public class LunService {

	private final Scst scst;

	private final ChangePipeline changes;

	private final SessionHosts hosts;

	@Autowired
	public LunService(ScstSysfs sysfs, SessionHosts hosts, ChangePipeline changes) {
		this.scst = Scst.of(sysfs);
		this.hosts = hosts;
		this.changes = changes;
	}

	/**
	 * A service whose changes go through a pipeline without a backing-file policy, on a
	 * machine without SCSI devices.
	 */
	public LunService(ScstSysfs sysfs) {
		this(sysfs, new SessionHosts(sysfs, ScsiDevices.none()), ChangePipeline.unrestricted(sysfs));
	}

	/**
	 * List a LUN set.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the initiator group, or {@code null} for the target's default set
	 * @return its LUNs by number
	 * @throws TargetNotFoundException when the driver or target does not exist
	 * @throws InitiatorGroupNotFoundException when the group does not exist
	 */
	public List<Lun> list(String driver, String target, @Nullable String group) {
		return list(driver, target, group, Page.all()).items();
	}

	/**
	 * List one page of the LUNs of a LUN set. Only the LUNs of the page are read.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the initiator group, or {@code null} for the target's default set
	 * @param page which LUNs, by number
	 * @return the LUNs of the page, sorted by number
	 * @throws InvalidNameException when {@code after} is not a LUN number
	 */
	public Slice<Lun> list(String driver, String target, @Nullable String group, Page page) {
		requireLunSet(driver, target, group);
		return page
			.select(lunNumbers(driver, target, group), Comparator.naturalOrder(),
					(after) -> ScstNames.lun("after", parseLun("after", after)))
			.map((lun) -> read(driver, target, group, lun));
	}

	/**
	 * Read one LUN.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the initiator group, or {@code null} for the target's default set
	 * @param lun the LUN number
	 * @return the LUN
	 * @throws LunNotFoundException when nothing is mapped there
	 */
	public Lun get(String driver, String target, @Nullable String group, long lun) {
		requireLunSet(driver, target, group);
		int number = ScstNames.lun("lun", lun);
		return find(driver, target, group, number).orElseThrow(() -> notMapped(target, group, number));
	}

	/**
	 * Map a device at a LUN, idempotently: nothing is written when the LUN already maps
	 * this device with this read-only flag; an absent LUN is added; a LUN with another
	 * device or flag is replaced.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the initiator group, or {@code null} for the target's default set
	 * @param lun the LUN number (0 to 16383)
	 * @param device the device
	 * @param readOnly whether the LUN is read-only
	 * @return the LUN now and what was done
	 * @throws DeviceNotFoundException when the device does not exist
	 */
	public LunChange put(String driver, String target, @Nullable String group, long lun, String device,
			boolean readOnly) {
		requireLunSet(driver, target, group);
		int number = ScstNames.lun("lun", lun);
		MgmtCommand add = MgmtCommand.addLun(driver, target, group, number, device, readOnly);
		MgmtCommand replace = MgmtCommand.replaceLun(driver, target, group, number, device, readOnly);
		requireDevice(device);
		Optional<Lun> current = find(driver, target, group, number);
		SessionHosts.Devices before = this.hosts.devices(target(driver, target), group);
		Outcome outcome;
		if (current.isEmpty()) {
			this.changes.run(add);
			outcome = Outcome.ADDED;
		}
		else if (maps(current.get(), device, readOnly)) {
			outcome = Outcome.UNCHANGED;
		}
		else {
			this.changes.run(replace);
			outcome = Outcome.REPLACED;
		}
		return new LunChange(get(driver, target, group, number), outcome, before.changes());
	}

	/**
	 * Remove a LUN.
	 * @param driver the target driver
	 * @param target the target
	 * @param group the initiator group, or {@code null} for the target's default set
	 * @param lun the LUN number
	 * @return the LUN removed and what went on the Linux side
	 * @throws LunNotFoundException when nothing is mapped there
	 */
	public LunRemoval delete(String driver, String target, @Nullable String group, long lun) {
		requireLunSet(driver, target, group);
		int number = ScstNames.lun("lun", lun);
		MgmtCommand del = MgmtCommand.delLun(driver, target, group, number);
		if (!lunSet(driver, target, group).lun(number).present()) {
			throw notMapped(target, group, number);
		}
		SessionHosts.Devices before = this.hosts.devices(target(driver, target), group);
		this.changes.run(del);
		return new LunRemoval(List.of(number), before.changes());
	}

	/**
	 * Remove every LUN of a set; idempotent (an empty set stays empty).
	 * @param driver the target driver
	 * @param target the target
	 * @param group the initiator group, or {@code null} for the target's default set
	 * @return the LUNs removed and what went on the Linux side
	 */
	public LunRemoval clear(String driver, String target, @Nullable String group) {
		requireLunSet(driver, target, group);
		List<Integer> removed = lunNumbers(driver, target, group).stream().sorted().toList();
		SessionHosts.Devices before = this.hosts.devices(target(driver, target), group);
		this.changes.run(MgmtCommand.clearLuns(driver, target, group));
		return new LunRemoval(removed, before.changes());
	}

	/**
	 * {@link #get(String, String, String, long)} with the LUN number as written in a URL.
	 * @throws InvalidNameException when it is not a LUN number
	 */
	public Lun get(String driver, String target, @Nullable String group, String lun) {
		requireLunSet(driver, target, group);
		return get(driver, target, group, parseLun("lun", lun));
	}

	/**
	 * {@link #put(String, String, String, long, String, boolean)} with the LUN number as
	 * written in a URL.
	 * @throws InvalidNameException when it is not a LUN number
	 */
	public LunChange put(String driver, String target, @Nullable String group, String lun, String device,
			boolean readOnly) {
		requireLunSet(driver, target, group);
		return put(driver, target, group, parseLun("lun", lun), device, readOnly);
	}

	/**
	 * {@link #delete(String, String, String, long)} with the LUN number as written in a
	 * URL.
	 * @throws InvalidNameException when it is not a LUN number
	 */
	public LunRemoval delete(String driver, String target, @Nullable String group, String lun) {
		requireLunSet(driver, target, group);
		return delete(driver, target, group, parseLun("lun", lun));
	}

	/**
	 * A LUN number as written in a URL: decimal digits, optionally negative (refused
	 * later).
	 */
	private static long parseLun(String field, String text) {
		if (text.isEmpty() || text.length() > 9 || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			// Long.parseLong also takes '+1' and non-ASCII digits: one LUN, many names
			throw new InvalidNameException(field,
					"'" + text + "' is not a LUN number (0 to " + ScstNames.MAX_LUN + ", ASCII digits)");
		}
		try {
			return Long.parseLong(text);
		}
		catch (NumberFormatException ex) {
			throw new InvalidNameException(field,
					"'" + text + "' is not a LUN number (0 to " + ScstNames.MAX_LUN + ")");
		}
	}

	/** Fail unless the driver and the target exist. */
	public void requireTarget(String driver, String target) {
		if (!this.scst.targetDriver(driver).present()) {
			throw new TargetDriverNotFoundException(driver);
		}
		if (!this.scst.targetDriver(driver).target(target).present()) {
			throw new TargetNotFoundException(driver, target);
		}
	}

	/** Fail unless the target (and the group, when given) exist. */
	public void requireLunSet(String driver, String target, @Nullable String group) {
		requireTarget(driver, target);
		if (group != null) {
			requireGroup(driver, target, group);
		}
	}

	/** Fail unless the group exists (the target is known to). */
	public void requireGroup(String driver, String target, String group) {
		if (!groupExists(driver, target, group)) {
			throw new InitiatorGroupNotFoundException("Target " + target + " has no initiator group " + group);
		}
	}

	public boolean groupExists(String driver, String target, String group) {
		return this.scst.targetDriver(driver).target(target).group(group).exists();
	}

	/** Fail unless the device exists. */
	public void requireDevice(String device) {
		if (!this.scst.device(device).present()) {
			throw new DeviceNotFoundException(device);
		}
	}

	/** The LUNs of a set that is known to exist, by number. */
	public List<Lun> luns(String driver, String target, @Nullable String group) {
		List<Lun> luns = new ArrayList<>();
		for (int number : lunNumbers(driver, target, group)) {
			luns.add(read(driver, target, group, number));
		}
		luns.sort(Comparator.comparingInt(Lun::lun));
		return luns;
	}

	/** The numbers of a LUN set's LUNs (one listing; nothing of the LUNs is read). */
	public List<Integer> lunNumbers(String driver, String target, @Nullable String group) {
		return lunSet(driver, target, group).numbers();
	}

	/** A LUN of a set that is known to exist, or empty when nothing is mapped there. */
	public Optional<Lun> find(String driver, String target, @Nullable String group, int lun) {
		if (!lunSet(driver, target, group).lun(lun).present()) {
			return Optional.empty();
		}
		return Optional.of(read(driver, target, group, lun));
	}

	/**
	 * Whether a LUN maps this device with this read-only flag. A read-only device makes
	 * every LUN of it read-only, so the flag asked for is compared as SCST would show it.
	 */
	public boolean maps(Lun current, String device, boolean readOnly) {
		return current.device().equals(device) && current.readOnly() == (readOnly || deviceReadOnly(device));
	}

	private boolean deviceReadOnly(String device) {
		AttributeFile flag = this.scst.device(device).readOnly();
		return flag.exists() && LunNode.isSet(flag.value());
	}

	private Lun read(String driver, String target, @Nullable String group, int lun) {
		LunNode node = lunSet(driver, target, group).lun(lun);
		String device = node.deviceName();
		return new Lun(lun, device, node.readOnly());
	}

	private LunSet lunSet(String driver, String target, @Nullable String group) {
		return target(driver, target).lunSet(group);
	}

	private TargetNode target(String driver, String target) {
		return this.scst.targetDriver(driver).target(target);
	}

	private static LunNotFoundException notMapped(String target, @Nullable String group, int lun) {
		return new LunNotFoundException("LUN " + lun + " is not mapped "
				+ ((group != null) ? "in initiator group " + group + " of target " : "on target ") + target);
	}

}
