package io.scst.manager.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.change.Write.Attribute;
import io.scst.manager.change.Write.Mgmt;
import io.scst.manager.config.LiveState.Attr;
import io.scst.manager.config.LiveState.LiveDevice;
import io.scst.manager.config.LiveState.LiveDriver;
import io.scst.manager.config.LiveState.LiveGroup;
import io.scst.manager.config.LiveState.LiveHandler;
import io.scst.manager.config.LiveState.LiveLun;
import io.scst.manager.config.LiveState.LiveSession;
import io.scst.manager.config.LiveState.LiveTarget;
import io.scst.manager.config.LiveState.LunRef;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;

/**
 * Compares a desired configuration with the live state and lists the writes that bring
 * the one to the other, in dependency order: removals leaf-first (initiators, group LUNs,
 * groups, target LUNs, sessions, targets, devices), then handlers and devices, drivers
 * and targets, groups, LUNs, initiators, target {@code enabled} switches and core
 * attributes last (as scstadmin does, so a {@code setup_id} does not change the
 * identifiers of devices created in the same run). Every step carries the writes that
 * undo it. Every management command is built (and so validated) here, before anything is
 * written.
 */
final class ConfigPlanner {

	private final LiveState live;

	private final ScstConfig desired;

	private final Set<Prune> prune;

	private final List<String> notes = new ArrayList<>();

	private final List<String> conflicts = new ArrayList<>();

	private final List<Step> deleteInitiators = new ArrayList<>();

	private final List<Step> deleteGroupLuns = new ArrayList<>();

	private final List<Step> deleteGroups = new ArrayList<>();

	private final List<Step> deleteLuns = new ArrayList<>();

	private final List<Step> deleteSessions = new ArrayList<>();

	private final List<Step> deleteTargets = new ArrayList<>();

	private final List<Step> deleteDevices = new ArrayList<>();

	private final List<Step> handlers = new ArrayList<>();

	private final List<Step> devices = new ArrayList<>();

	private final List<Step> drivers = new ArrayList<>();

	private final List<Step> targets = new ArrayList<>();

	private final List<Step> groups = new ArrayList<>();

	private final List<Step> luns = new ArrayList<>();

	private final List<Step> initiators = new ArrayList<>();

	private final List<Step> enable = new ArrayList<>();

	private final List<Step> core = new ArrayList<>();

	/** The LUNs already scheduled for removal, by object name. */
	private final Set<String> lunsDeleted = new HashSet<>();

	/** Desired devices by name, with their handler. */
	private final Map<String, String> desiredDevices = new LinkedHashMap<>();

	private final Map<String, Map<String, String>> desiredDeviceAttributes = new LinkedHashMap<>();

	ConfigPlanner(LiveState live, ScstConfig desired, Set<Prune> prune) {
		this.live = live;
		this.desired = desired.canonical();
		this.prune = prune;
	}

	/** The steps in execution order and the notes. */
	record Result(List<Step> steps, List<String> notes) {

		Plan view() {
			return new Plan(this.steps.stream().map(PlanStep::of).toList(), this.notes);
		}

	}

	/**
	 * Plan.
	 * @return the steps and notes
	 * @throws ConfigConflictException when the desired state cannot be reached
	 */
	Result plan() {
		for (ScstConfig.Handler handler : this.desired.handlers()) {
			for (ScstConfig.Device device : handler.devices()) {
				this.desiredDevices.put(device.name(), handler.name());
				this.desiredDeviceAttributes.put(device.name(), device.attributes());
			}
		}
		for (ConfigNode node : this.desired.other()) {
			note("'" + String.join(" ", node.tokens()) + "' is kept but not applied");
		}
		planCore();
		planHandlers();
		planDrivers();
		if (this.prune.contains(Prune.TARGETS)) {
			pruneTargets();
		}
		if (this.prune.contains(Prune.DEVICES)) {
			pruneDevices();
		}
		if (!this.conflicts.isEmpty()) {
			throw new ConfigConflictException(this.conflicts);
		}
		List<Step> steps = new ArrayList<>();
		for (List<Step> phase : List.of(this.deleteInitiators, this.deleteGroupLuns, this.deleteGroups, this.deleteLuns,
				this.deleteSessions, this.deleteTargets, this.deleteDevices, this.handlers, this.devices, this.drivers,
				this.targets, this.groups, this.luns, this.initiators, this.enable, this.core)) {
			steps.addAll(phase);
		}
		return new Result(steps, this.notes);
	}

	// ---------------------------------------------------------------- core and handlers

	private void planCore() {
		attributes("scst", this.desired.attributes(), this.live.root, ScstTree::rootAttribute, this.core);
	}

	private void planHandlers() {
		for (ScstConfig.Handler handler : this.desired.handlers()) {
			LiveHandler liveHandler = this.live.handlers.get(handler.name());
			if (liveHandler == null) {
				this.conflicts.add("handler " + handler.name() + " is not loaded");
				continue;
			}
			notes("handlers/" + handler.name(), handler.other());
			attributes("handlers/" + handler.name(), handler.attributes(), liveHandler.attributes(),
					(name) -> ScstTree.handlerAttribute(handler.name(), name), this.handlers);
			for (ScstConfig.Device device : handler.devices()) {
				planDevice(liveHandler, device);
			}
		}
	}

	private void planDevice(LiveHandler handler, ScstConfig.Device device) {
		String object = "devices/" + device.name();
		notes(object, device.other());
		LiveDevice liveDevice = this.live.devices.get(device.name());
		if (liveDevice != null) {
			if (!liveDevice.handler().equals(handler.name())) {
				this.conflicts.add(object + " belongs to handler " + liveDevice.handler() + ", not " + handler.name());
				return;
			}
			attributes(object, device.attributes(), liveDevice.attributes(),
					(name) -> ScstTree.deviceAttribute(device.name(), name), this.devices);
			return;
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Map<String, String> later = new LinkedHashMap<>();
		String clusterMode = null;
		for (Map.Entry<String, String> attribute : device.attributes().entrySet()) {
			if (!handler.parameters().contains(attribute.getKey())) {
				later.put(attribute.getKey(), attribute.getValue());
			}
			else if (attribute.getKey().equals("cluster_mode")) {
				clusterMode = attribute.getValue();
			}
			else {
				parameters.put(attribute.getKey(), attribute.getValue());
			}
		}
		if (clusterMode != null) {
			parameters.put("cluster_mode", clusterMode);
		}
		MgmtCommand add = MgmtCommand.addDevice(handler.name(), device.name(), parameters);
		this.devices.add(new Step(Step.CREATE, object, "device is missing", new Mgmt(add),
				List.of(new Mgmt(MgmtCommand.delDevice(handler.name(), device.name())))));
		later.forEach((name, value) -> this.devices
			.add(new Step(Step.UPDATE, object, name + " is not a creation parameter of " + handler.name(),
					new Attribute(ScstTree.deviceAttribute(device.name(), name), value), List.of())));
	}

	// ---------------------------------------------------------------- drivers and
	// targets

	private void planDrivers() {
		for (ScstConfig.Driver driver : this.desired.drivers()) {
			LiveDriver liveDriver = this.live.drivers.get(driver.name());
			String object = "target-drivers/" + driver.name();
			if (liveDriver == null) {
				this.conflicts.add("target driver " + driver.name() + " is not loaded");
				continue;
			}
			notes(object, driver.other());
			attributes(object, driver.attributes(), liveDriver.attributes(),
					(name) -> ScstTree.targetDriverAttribute(driver.name(), name), this.drivers);
			for (ScstConfig.Target target : driver.targets()) {
				planTarget(liveDriver, target);
			}
		}
	}

	private void planTarget(LiveDriver driver, ScstConfig.Target target) {
		String object = "target-drivers/" + driver.name() + "/targets/" + target.name();
		notes(object, target.other());
		LiveTarget liveTarget = driver.targets().get(target.name());
		Map<String, String> attributes = new LinkedHashMap<>(target.attributes());
		String enabled = attributes.remove(ScstTree.ENABLED);
		if (!target.sessions().isEmpty() && !driver.sessions()) {
			note(object + ": driver " + driver.name() + " has no sessions to create; session_name ignored");
		}
		if (liveTarget == null) {
			if (!driver.mgmt()) {
				this.conflicts.add(object + " does not exist and driver " + driver.name() + " cannot create targets");
				return;
			}
			Map<String, String> parameters = new LinkedHashMap<>();
			Map<String, String> later = new LinkedHashMap<>();
			attributes.forEach((name, value) -> {
				if (driver.parameters().contains(name)) {
					parameters.put(name, value);
				}
				else {
					later.put(name, value);
				}
			});
			MgmtCommand add = MgmtCommand.addTarget(driver.name(), target.name(), parameters,
					driver.sessions() ? target.sessions() : List.of());
			this.targets.add(new Step(Step.CREATE, object, "target is missing", new Mgmt(add),
					List.of(new Mgmt(MgmtCommand.delTarget(driver.name(), target.name())))));
			later.forEach((name,
					value) -> this.targets.add(new Step(Step.UPDATE, object, name + " is set after creation",
							new Attribute(ScstTree.targetAttribute(driver.name(), target.name(), name), value),
							List.of())));
			if (enabled != null) {
				this.enable.add(new Step(Step.UPDATE, object, "enabled is set last", new Attribute(
						ScstTree.targetAttribute(driver.name(), target.name(), ScstTree.ENABLED), enabled), List.of()));
			}
		}
		else {
			attributes(object, attributes, liveTarget.attributes(),
					(name) -> ScstTree.targetAttribute(driver.name(), target.name(), name), this.targets);
			if (enabled != null) {
				attributes(object, Map.of(ScstTree.ENABLED, enabled), liveTarget.attributes(),
						(name) -> ScstTree.targetAttribute(driver.name(), target.name(), name), this.enable);
			}
			if (driver.sessions()) {
				planSessions(driver, target, liveTarget, object);
			}
		}
		boolean copyManager = driver.name().equals(ScstTree.COPY_MANAGER);
		if (copyManager) {
			if (!target.luns().isEmpty()) {
				note(object + ": the copy manager's LUNs are automatic; LUN entries ignored");
			}
		}
		else {
			planLuns(driver.name(), target.name(), null, target.luns(),
					(liveTarget != null) ? liveTarget.luns() : Map.of(), this.luns, this.deleteLuns);
		}
		Map<String, LiveGroup> liveGroups = (liveTarget != null) ? liveTarget.groups() : Map.of();
		Set<String> desiredGroups = new HashSet<>();
		for (ScstConfig.Group group : target.groups()) {
			desiredGroups.add(group.name());
		}
		for (ScstConfig.Group group : target.groups()) {
			planGroup(driver.name(), target, liveGroups, desiredGroups, group);
		}
		for (LiveGroup liveGroup : liveGroups.values()) {
			if (!desiredGroups.contains(liveGroup.name())) {
				if (this.prune.contains(Prune.GROUPS)) {
					deleteGroup(driver.name(), target.name(), liveGroup);
				}
			}
		}
	}

	private void planSessions(LiveDriver driver, ScstConfig.Target target, LiveTarget liveTarget, String object) {
		List<LiveSession> unmatched = new ArrayList<>(liveTarget.sessions());
		for (String session : target.sessions()) {
			LiveSession match = unmatched.stream()
				.filter((candidate) -> candidate.initiator().equals(session))
				.findFirst()
				.orElseGet(() -> unmatched.stream()
					.filter((candidate) -> candidate.entry().equals(session))
					.findFirst()
					.orElse(null));
			if (match != null) {
				unmatched.remove(match);
				continue;
			}
			this.targets.add(new Step(Step.CREATE, object + "/sessions/" + session, "session is missing",
					new Mgmt(MgmtCommand.addSession(driver.name(), target.name(), session)),
					List.of(new Mgmt(MgmtCommand.delSession(driver.name(), target.name(), session)))));
		}
		if (this.prune.contains(Prune.SESSIONS)) {
			for (LiveSession session : unmatched) {
				this.deleteSessions.add(new Step(Step.DELETE, object + "/sessions/" + session.entry(),
						"session is not in the configuration",
						new Mgmt(MgmtCommand.delSession(driver.name(), target.name(), session.initiator())),
						List.of(new Mgmt(MgmtCommand.addSession(driver.name(), target.name(), session.initiator())))));
			}
		}
	}

	private void planGroup(String driver, ScstConfig.Target target, Map<String, LiveGroup> liveGroups,
			Set<String> desiredGroups, ScstConfig.Group group) {
		String object = groupObject(driver, target.name(), group.name());
		notes(object, group.other());
		LiveGroup liveGroup = liveGroups.get(group.name());
		if (liveGroup == null) {
			this.groups.add(new Step(Step.CREATE, object, "group is missing",
					new Mgmt(MgmtCommand.createGroup(driver, target.name(), group.name())),
					List.of(new Mgmt(MgmtCommand.delGroup(driver, target.name(), group.name())))));
			group.attributes()
				.forEach((name, value) -> this.groups.add(new Step(Step.UPDATE, object, name + " is set after creation",
						new Attribute(ScstTree.iniGroupAttribute(driver, target.name(), group.name(), name), value),
						List.of())));
		}
		else {
			attributes(object, group.attributes(), liveGroup.attributes(),
					(name) -> ScstTree.iniGroupAttribute(driver, target.name(), group.name(), name), this.groups);
		}
		planLuns(driver, target.name(), group.name(), group.luns(), (liveGroup != null) ? liveGroup.luns() : Map.of(),
				this.luns, this.deleteGroupLuns);
		List<String> present = (liveGroup != null) ? liveGroup.initiators() : List.of();
		for (String initiator : group.initiators()) {
			if (present.contains(initiator)) {
				continue;
			}
			String from = liveGroupOf(liveGroups, initiator, group.name());
			String initiatorObject = object + "/initiators/" + initiator;
			if (from != null && desiredGroups.contains(from) && !desiredIn(target, from, initiator)) {
				this.initiators.add(new Step(Step.UPDATE, initiatorObject, "initiator is in group " + from,
						new Mgmt(MgmtCommand.moveInitiator(driver, target.name(), from, initiator, group.name())),
						List.of(new Mgmt(
								MgmtCommand.moveInitiator(driver, target.name(), group.name(), initiator, from)))));
			}
			else {
				this.initiators.add(new Step(Step.CREATE, initiatorObject, "initiator is missing",
						new Mgmt(MgmtCommand.addInitiator(driver, target.name(), group.name(), initiator)),
						List.of(new Mgmt(MgmtCommand.delInitiator(driver, target.name(), group.name(), initiator)))));
			}
		}
		if (liveGroup != null && this.prune.contains(Prune.INITIATORS)) {
			for (String initiator : liveGroup.initiators()) {
				if (!group.initiators().contains(initiator) && !movedAway(target, initiator)) {
					deleteInitiator(driver, target.name(), group.name(), initiator);
				}
			}
		}
	}

	/** Whether a desired group of the target takes the initiator by a move. */
	private boolean movedAway(ScstConfig.Target target, String initiator) {
		return target.groups().stream().anyMatch((group) -> group.initiators().contains(initiator));
	}

	private static boolean desiredIn(ScstConfig.Target target, String group, String initiator) {
		return target.groups()
			.stream()
			.anyMatch((candidate) -> candidate.name().equals(group) && candidate.initiators().contains(initiator));
	}

	private static @Nullable String liveGroupOf(Map<String, LiveGroup> groups, String initiator, String except) {
		for (LiveGroup group : groups.values()) {
			if (!group.name().equals(except) && group.initiators().contains(initiator)) {
				return group.name();
			}
		}
		return null;
	}

	private void planLuns(String driver, String target, @Nullable String group, List<ScstConfig.Lun> desiredLuns,
			Map<Integer, LiveLun> liveLuns, List<Step> creates, List<Step> deletes) {
		Set<Integer> wanted = new HashSet<>();
		for (ScstConfig.Lun lun : desiredLuns) {
			wanted.add(lun.number());
			String object = lunObject(driver, target, group, lun.number());
			if (!this.desiredDevices.containsKey(lun.device())
					&& (!this.live.devices.containsKey(lun.device()) || this.prune.contains(Prune.DEVICES))) {
				this.conflicts.add(object + " uses device " + lun.device() + ", which the configuration does not have"
						+ (this.live.devices.containsKey(lun.device()) ? " (and prune=devices removes it)" : ""));
				continue;
			}
			LiveLun liveLun = liveLuns.get(lun.number());
			if (liveLun == null) {
				creates.add(new Step(Step.CREATE, object, "LUN is missing",
						new Mgmt(MgmtCommand.addLun(driver, target, group, lun.number(), lun.device(), lun.readOnly())),
						List.of(new Mgmt(MgmtCommand.delLun(driver, target, group, lun.number())))));
			}
			else if (!liveLun.device().equals(lun.device()) || readOnlyDiffers(lun, liveLun)) {
				String reason = !liveLun.device().equals(lun.device()) ? "LUN uses device " + liveLun.device()
						: "LUN is " + (liveLun.readOnly() ? "read-only" : "read-write");
				creates.add(new Step(Step.UPDATE, object, reason,
						new Mgmt(MgmtCommand.replaceLun(driver, target, group, lun.number(), lun.device(),
								lun.readOnly())),
						List.of(new Mgmt(MgmtCommand.replaceLun(driver, target, group, lun.number(), liveLun.device(),
								lunFlag(liveLun))))));
			}
		}
		if (this.prune.contains(Prune.LUNS)) {
			for (LiveLun liveLun : liveLuns.values()) {
				if (!wanted.contains(liveLun.number())) {
					deleteLun(driver, target, group, liveLun, deletes);
				}
			}
		}
	}

	private boolean readOnlyDiffers(ScstConfig.Lun lun, LiveLun liveLun) {
		if (lun.readOnly() == liveLun.readOnly()) {
			return false;
		}
		return !(liveLun.readOnly() && !lun.readOnly() && deviceReadOnly(liveLun.device()));
	}

	/**
	 * Whether a live LUN was added with {@code read_only=1} (not just on a read-only
	 * device).
	 */
	private boolean lunFlag(LiveLun lun) {
		return lun.readOnly() && !deviceReadOnly(lun.device());
	}

	private boolean deviceReadOnly(String device) {
		Map<String, String> wanted = this.desiredDeviceAttributes.get(device);
		LiveDevice liveDevice = this.live.devices.get(device);
		if (liveDevice != null) {
			Attr readOnly = liveDevice.attributes().get(Values.READ_ONLY);
			return readOnly != null && Values.isTrue(readOnly.value());
		}
		return wanted != null && wanted.containsKey(Values.READ_ONLY) && Values.isTrue(wanted.get(Values.READ_ONLY));
	}

	// ---------------------------------------------------------------- removals

	private void deleteLun(String driver, String target, @Nullable String group, LiveLun lun, List<Step> deletes) {
		String object = lunObject(driver, target, group, lun.number());
		if (!this.lunsDeleted.add(object)) {
			return;
		}
		deletes.add(new Step(Step.DELETE, object, "LUN is not in the configuration",
				new Mgmt(MgmtCommand.delLun(driver, target, group, lun.number())), List.of(new Mgmt(
						MgmtCommand.addLun(driver, target, group, lun.number(), lun.device(), lunFlag(lun))))));
	}

	private void deleteInitiator(String driver, String target, String group, String initiator) {
		this.deleteInitiators.add(new Step(Step.DELETE, groupObject(driver, target, group) + "/initiators/" + initiator,
				"initiator is not in the configuration",
				new Mgmt(MgmtCommand.delInitiator(driver, target, group, initiator)),
				List.of(new Mgmt(MgmtCommand.addInitiator(driver, target, group, initiator)))));
	}

	private void deleteGroup(String driver, String target, LiveGroup group) {
		for (String initiator : group.initiators()) {
			deleteInitiator(driver, target, group.name(), initiator);
		}
		for (LiveLun lun : group.luns().values()) {
			deleteLun(driver, target, group.name(), lun, this.deleteGroupLuns);
		}
		List<Write> undo = new ArrayList<>();
		undo.add(new Mgmt(MgmtCommand.createGroup(driver, target, group.name())));
		group.attributes().forEach((name, attr) -> {
			if (attr.key() && attr.writable()) {
				undo.add(new Attribute(ScstTree.iniGroupAttribute(driver, target, group.name(), name), attr.value()));
			}
		});
		this.deleteGroups
			.add(new Step(Step.DELETE, groupObject(driver, target, group.name()), "group is not in the configuration",
					new Mgmt(MgmtCommand.delGroup(driver, target, group.name())), undo));
	}

	private void pruneTargets() {
		Map<String, Set<String>> wanted = new LinkedHashMap<>();
		for (ScstConfig.Driver driver : this.desired.drivers()) {
			Set<String> names = wanted.computeIfAbsent(driver.name(), (key) -> new HashSet<>());
			driver.targets().forEach((target) -> names.add(target.name()));
		}
		for (LiveDriver driver : this.live.drivers.values()) {
			if (!driver.mgmt()) {
				continue;
			}
			for (LiveTarget target : driver.targets().values()) {
				if (wanted.getOrDefault(driver.name(), Set.of()).contains(target.name())) {
					continue;
				}
				for (LiveGroup group : target.groups().values()) {
					deleteGroup(driver.name(), target.name(), group);
				}
				for (LiveLun lun : target.luns().values()) {
					deleteLun(driver.name(), target.name(), null, lun, this.deleteLuns);
				}
				Map<String, String> parameters = new LinkedHashMap<>();
				List<Write> later = new ArrayList<>();
				target.attributes().forEach((name, attr) -> {
					if (!attr.key() || name.equals(ScstTree.HW_TARGET)) {
						return;
					}
					if (driver.parameters().contains(name)) {
						parameters.put(name, attr.value());
					}
					else if (attr.writable()) {
						later.add(new Attribute(ScstTree.targetAttribute(driver.name(), target.name(), name),
								attr.value()));
					}
				});
				List<String> sessions = driver.sessions()
						? target.sessions().stream().map(LiveSession::initiator).toList() : List.of();
				List<Write> undo = new ArrayList<>();
				undo.add(new Mgmt(MgmtCommand.addTarget(driver.name(), target.name(), parameters, sessions)));
				undo.addAll(later);
				this.deleteTargets
					.add(new Step(Step.DELETE, "target-drivers/" + driver.name() + "/targets/" + target.name(),
							"target is not in the configuration",
							new Mgmt(MgmtCommand.delTarget(driver.name(), target.name())), undo));
			}
		}
	}

	private void pruneDevices() {
		for (LiveDevice device : this.live.devices.values()) {
			if (this.desiredDevices.containsKey(device.name())) {
				continue;
			}
			LiveHandler handler = this.live.handlers.get(device.handler());
			for (LunRef ref : this.live.lunsOf(device.name())) {
				deleteLun(ref.driver(), ref.target(), ref.group(), ref.lun(),
						(ref.group() != null) ? this.deleteGroupLuns : this.deleteLuns);
			}
			Map<String, String> parameters = new LinkedHashMap<>();
			List<Write> later = new ArrayList<>();
			device.attributes().forEach((name, attr) -> {
				if (!attr.key() || name.equals(ScstTree.SIZE_MB)) {
					return;
				}
				if (handler.parameters().contains(name)) {
					parameters.put(name, attr.value());
				}
				else if (attr.writable()) {
					later.add(new Attribute(ScstTree.deviceAttribute(device.name(), name), attr.value()));
				}
			});
			List<Write> undo = new ArrayList<>();
			undo.add(new Mgmt(MgmtCommand.addDevice(device.handler(), device.name(), parameters)));
			undo.addAll(later);
			this.deleteDevices
				.add(new Step(Step.DELETE, "devices/" + device.name(), "device is not in the configuration",
						new Mgmt(MgmtCommand.delDevice(device.handler(), device.name())), undo));
		}
	}

	// ---------------------------------------------------------------- attributes

	/**
	 * Updates for the attributes of an existing object: each desired value that differs
	 * from the live one is written if the attribute is writable, and is a conflict
	 * otherwise (a creation-only attribute).
	 */
	private void attributes(String object, Map<String, String> wanted, Map<String, Attr> present,
			java.util.function.Function<String, ScstPath> path, List<Step> steps) {
		wanted.forEach((name, value) -> {
			Attr attr = present.get(name);
			if (attr == null) {
				note(object + ": attribute " + name + " does not exist; ignored");
				return;
			}
			if (Values.equivalent(name, value, attr.value())) {
				return;
			}
			if (!attr.writable()) {
				this.conflicts.add(object + ": " + name + " is " + attr.value() + ", not " + value
						+ ", and can only be set when the object is created");
				return;
			}
			steps.add(new Step(Step.UPDATE, object, name + " is " + attr.value(),
					new Attribute(path.apply(name), value), List.of(new Attribute(path.apply(name), attr.value()))));
		});
	}

	private void notes(String object, List<ConfigNode> other) {
		for (ConfigNode node : other) {
			note(object + ": '" + String.join(" ", node.tokens()) + "' is kept but not applied");
		}
	}

	private void note(String note) {
		this.notes.add(note);
	}

	static String groupObject(String driver, String target, String group) {
		return "target-drivers/" + driver + "/targets/" + target + "/ini-groups/" + group;
	}

	static String lunObject(String driver, String target, @Nullable String group, int lun) {
		return ((group != null) ? groupObject(driver, target, group)
				: "target-drivers/" + driver + "/targets/" + target) + "/luns/" + lun;
	}

}
