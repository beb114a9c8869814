package io.scst.manager.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.group.InitiatorGroupService;
import io.scst.manager.group.InitiatorInAnotherGroupException;
import io.scst.manager.lun.Lun;
import io.scst.manager.lun.LunService;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstSysfs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The composite export of a device to an initiator: the initiator group, the initiator
 * entry in it and the LUN, each created only when missing. Everything is validated and
 * every precondition checked before the first write; when a step fails, the steps this
 * request performed are undone in reverse order and the step's error is rethrown.
 */
@Service
public class ExportService {

	private final ScstSysfs sysfs;

	private final LunService luns;

	private final InitiatorGroupService groups;

	private final ChangePipeline changes;

	@Autowired
	public ExportService(ScstSysfs sysfs, LunService luns, InitiatorGroupService groups, ChangePipeline changes) {
		this.sysfs = sysfs;
		this.luns = luns;
		this.groups = groups;
		this.changes = changes;
	}

	/** A service whose changes go through a pipeline without a backing-file policy. */
	public ExportService(ScstSysfs sysfs, LunService luns, InitiatorGroupService groups) {
		this(sysfs, luns, groups, ChangePipeline.unrestricted(sysfs));
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
			plan.add(step(Step.CREATE, "create-group", MgmtCommand.createGroup(driver, target, group),
					MgmtCommand.delGroup(driver, target, group)));
		}
		if (!hasInitiator) {
			plan.add(step(Step.CREATE, "add-initiator", MgmtCommand.addInitiator(driver, target, group, initiator),
					MgmtCommand.delInitiator(driver, target, group, initiator)));
		}
		if (current.isEmpty()) {
			plan.add(step(Step.CREATE, "add-lun", MgmtCommand.addLun(driver, target, group, lun, device, readOnly),
					MgmtCommand.delLun(driver, target, group, lun)));
		}
		else if (!this.luns.maps(current.get(), device, readOnly)) {
			Lun previous = current.get();
			plan.add(step(Step.UPDATE, "replace-lun",
					MgmtCommand.replaceLun(driver, target, group, lun, device, readOnly),
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

	/** Write the steps, all or nothing; their names. */
	private List<String> run(List<Step> plan) {
		this.changes.run(plan);
		return plan.stream().map(Step::object).toList();
	}

	/**
	 * A step named as reported ({@code create-group}, ...) with the command that undoes
	 * it.
	 */
	private static Step step(String kind, String name, MgmtCommand command, MgmtCommand undo) {
		return Step.of(kind, name, new Write.Mgmt(command), new Write.Mgmt(undo));
	}

}
