package io.scst.manager.lun;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstSysfs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * The composite export of a device to an initiator: the initiator group, the initiator
 * entry in it and the LUN, each created only when missing. Everything is validated and
 * every precondition checked before the first write; when a step fails, the steps this
 * request performed are undone in reverse order and the step's error is rethrown.
 */
@Service
public class ExportService {

	private static final Logger logger = LoggerFactory.getLogger(ExportService.class);

	private final ScstSysfs sysfs;

	private final LunService luns;

	private final InitiatorGroupService groups;

	public ExportService(ScstSysfs sysfs, LunService luns, InitiatorGroupService groups) {
		this.sysfs = sysfs;
		this.luns = luns;
		this.groups = groups;
	}

	/**
	 * Make a device visible to an initiator at a LUN.
	 * @param request what to export to whom
	 * @return the export and the steps performed (none when everything was in place)
	 * @throws io.scst.manager.target.TargetNotFoundException when the driver or target
	 * does not exist
	 * @throws io.scst.manager.device.DeviceNotFoundException when the device does not
	 * exist
	 * @throws InitiatorInAnotherGroupException when another group of the target lists the
	 * initiator
	 */
	public Export export(ExportRequest request) {
		String driver = ScstNames.handler("driver", request.driver());
		String target = ScstNames.target("target", request.target());
		String device = ScstNames.device("device", request.device());
		String initiator = ScstNames.initiator("initiator", request.initiator());
		String group = (request.group() != null) ? ScstNames.group("group", request.group())
				: ScstNames.group("initiator", defaultGroup(initiator));
		if (request.lun() == null) {
			throw new InvalidNameException("lun", "must be given");
		}
		int lun = ScstNames.lun("lun", request.lun());
		boolean readOnly = Boolean.TRUE.equals(request.readOnly());

		this.luns.requireTarget(driver, target);
		this.luns.requireDevice(device);
		List<String> others = this.groups.otherGroupsListing(driver, target, initiator, group);
		if (!others.isEmpty()) {
			throw new InitiatorInAnotherGroupException(
					"Initiator " + initiator + " is already listed in initiator group " + String.join(", ", others)
							+ " of target " + target + "; its sessions would not see group " + group);
		}
		boolean groupExists = this.luns.groupExists(driver, target, group);
		boolean hasInitiator = groupExists && this.groups.hasInitiator(driver, target, group, initiator);
		Optional<Lun> current = groupExists ? this.luns.find(driver, target, group, lun) : Optional.empty();

		List<Step> plan = new ArrayList<>();
		if (!groupExists) {
			plan.add(new Step("create-group", MgmtCommand.createGroup(driver, target, group),
					MgmtCommand.delGroup(driver, target, group)));
		}
		if (!hasInitiator) {
			plan.add(new Step("add-initiator", MgmtCommand.addInitiator(driver, target, group, initiator),
					MgmtCommand.delInitiator(driver, target, group, initiator)));
		}
		if (current.isEmpty()) {
			plan.add(new Step("add-lun", MgmtCommand.addLun(driver, target, group, lun, device, readOnly),
					MgmtCommand.delLun(driver, target, group, lun)));
		}
		else if (!this.luns.maps(current.get(), device, readOnly)) {
			Lun previous = current.get();
			plan.add(new Step("replace-lun", MgmtCommand.replaceLun(driver, target, group, lun, device, readOnly),
					MgmtCommand.replaceLun(driver, target, group, lun, previous.device(), previous.readOnly())));
		}
		List<String> done = run(plan);
		Lun mapped = this.luns.get(driver, target, group, lun);
		return new Export(driver, target, group, initiator, lun, mapped.device(), mapped.readOnly(), done);
	}

	/**
	 * The group used when a request names none: the initiator name with the pattern
	 * characters {@code *}, {@code ?} and {@code !} replaced by {@code _} (e.g.
	 * {@code iqn.1994-05.com.redhat:host1} stays as it is, {@code iqn.*:host?} becomes
	 * {@code iqn._:host_}).
	 * @param initiator a valid initiator entry
	 * @return the group name
	 */
	static String defaultGroup(String initiator) {
		return initiator.replace('*', '_').replace('?', '_').replace('!', '_');
	}

	private List<String> run(List<Step> plan) {
		List<Step> done = new ArrayList<>();
		for (Step step : plan) {
			try {
				this.sysfs.mgmt(step.command());
			}
			catch (RuntimeException ex) {
				undo(done, ex);
				throw ex;
			}
			done.add(step);
		}
		return done.stream().map(Step::name).toList();
	}

	private void undo(List<Step> done, RuntimeException failure) {
		for (int i = done.size() - 1; i >= 0; i--) {
			Step step = done.get(i);
			try {
				this.sysfs.mgmt(step.undo());
			}
			catch (RuntimeException ex) {
				logger.warn("Export: undoing step {} ({}) failed after {}", step.name(), step.undo(),
						failure.getMessage(), ex);
				failure.addSuppressed(ex);
			}
		}
	}

	/**
	 * One step of an export.
	 *
	 * @param name what the step does, as reported
	 * @param command the command that performs it
	 * @param undo the command that reverses it
	 */
	private record Step(String name, MgmtCommand command, MgmtCommand undo) {

	}

}
