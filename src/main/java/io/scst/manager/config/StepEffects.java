package io.scst.manager.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import io.scst.manager.change.Write;
import io.scst.manager.sysfs.KeyMarks;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;

/**
 * What a successful change step leaves of the objects a save exports, taken from the step
 * itself instead of reading the tree back: a device that {@code add_device} created with
 * parameters whose {@code [key]} marks are known ({@link KeyMarks}), a new scst_local
 * target and its sessions, and the LUNs, groups and initiators of a kept target. Any
 * other write, and any command whose effect is not certain (an unknown parameter, a name
 * the kernel would store differently, an object not kept), is not followed: the caller
 * then forgets what the write touches and the save reads it.
 * <p>
 * Every method either applies the whole effect or changes nothing. Not thread-safe: the
 * {@link ExportCache} that owns the maps calls it under its lock.
 */
final class StepEffects {

	private final Map<String, LiveState.LiveDevice> devices;

	private final Map<String, Map<String, LiveState.LiveTarget>> targets;

	private final Consumer<String> newDevice;

	private final BiConsumer<String, String> newTarget;

	/**
	 * @param devices the kept devices, by name
	 * @param targets the kept targets, by driver, then entry name
	 * @param newDevice told of a device created by a step (by name)
	 * @param newTarget told of a target created by a step (by driver and entry name)
	 */
	StepEffects(Map<String, LiveState.LiveDevice> devices, Map<String, Map<String, LiveState.LiveTarget>> targets,
			Consumer<String> newDevice, BiConsumer<String, String> newTarget) {
		this.devices = devices;
		this.targets = targets;
		this.newDevice = newDevice;
		this.newTarget = newTarget;
	}

	/**
	 * Apply a step's effect to the kept objects when it is certain.
	 * @param write the step's write, done
	 * @return whether the effect was applied (else nothing changed)
	 */
	boolean follow(Write write) {
		if (!(write instanceof Write.Mgmt mgmt)) {
			return false;
		}
		MgmtCommand command = mgmt.command();
		List<String> parts = command.file().segments();
		String[] words = command.line().split(" ");
		if (parts.size() == 3 && parts.get(0).equals(ScstTree.HANDLERS.name()) && parts.get(2).equals(ScstTree.MGMT)) {
			return words[0].equals("add_device") && addDevice(parts.get(1), words);
		}
		if (parts.size() < 3 || !parts.get(0).equals(ScstTree.TARGET_DRIVERS.name())
				|| parts.get(1).equals(ScstTree.COPY_MANAGER)) {
			return false;
		}
		String driver = parts.get(1);
		if (parts.size() == 3) {
			return parts.get(2).equals(ScstTree.MGMT) && driverCommand(driver, words);
		}
		Map<String, LiveState.LiveTarget> kept = this.targets.get(driver);
		LiveState.LiveTarget target = (kept != null) ? kept.get(parts.get(2)) : null;
		if (target == null) {
			return false;
		}
		LiveState.LiveTarget changed = targetCommand(target, parts.subList(3, parts.size()), words);
		if (changed == null) {
			return false;
		}
		kept.put(parts.get(2), changed);
		return true;
	}

	/** {@code add_device <name> [p=v;...]}. */
	private boolean addDevice(String handler, String[] words) {
		if (words.length < 2 || words.length > 3) {
			return false;
		}
		Map<String, String> parameters = (words.length == 3) ? parameters(words[2]) : Map.of();
		if (parameters == null) {
			return false;
		}
		Optional<Map<String, String>> marked = KeyMarks.newDevice(handler, parameters);
		if (marked.isEmpty()) {
			return false;
		}
		Map<String, LiveState.Attr> attributes = new TreeMap<>();
		marked.get().forEach((name, value) -> attributes.put(name, new LiveState.Attr(value, true, false)));
		this.devices.put(words[1], new LiveState.LiveDevice(words[1], handler, attributes));
		this.newDevice.accept(words[1]);
		return true;
	}

	/** {@code add_target}, {@code add_session} and {@code del_session} of scst_local. */
	private boolean driverCommand(String driver, String[] words) {
		if (!KeyMarks.newTargetUnmarked(driver) || words.length < 2 || !plain(words[1])) {
			return false;
		}
		Map<String, LiveState.LiveTarget> kept = this.targets.computeIfAbsent(driver, (key) -> new TreeMap<>());
		LiveState.LiveTarget target = kept.get(words[1]);
		switch (words[0]) {
			case "add_target" -> {
				if (words.length > 3) {
					return false;
				}
				List<LiveState.LiveSession> sessions = new ArrayList<>();
				if (words.length == 3) {
					for (String parameter : words[2].split(";", -1)) {
						String prefix = MgmtCommand.SESSION_NAME + "=";
						String session = parameter.startsWith(prefix) ? parameter.substring(prefix.length()) : "";
						if (!plain(session)) {
							return false;
						}
						sessions.add(new LiveState.LiveSession(session, session));
					}
				}
				kept.put(words[1], new LiveState.LiveTarget(driver, words[1], Map.of(), sessions, new TreeMap<>(),
						new TreeMap<>()));
				this.newTarget.accept(driver, words[1]);
				return true;
			}
			case "add_session", "del_session" -> {
				if (target == null || words.length != 3 || !plain(words[2])) {
					return false;
				}
				List<LiveState.LiveSession> sessions = new ArrayList<>(target.sessions());
				sessions.removeIf((session) -> session.initiator().equals(words[2]));
				if (words[0].equals("add_session")) {
					sessions.add(new LiveState.LiveSession(words[2], words[2]));
				}
				kept.put(words[1], new LiveState.LiveTarget(driver, target.name(), target.attributes(), sessions,
						target.luns(), target.groups()));
				return true;
			}
			default -> {
				return false;
			}
		}
	}

	/**
	 * A command on a management file below a kept target: its LUNs, its groups, a group's
	 * initiators or LUNs.
	 * @return the target after it, or {@code null} when not certain
	 */
	private LiveState.@Nullable LiveTarget targetCommand(LiveState.LiveTarget target, List<String> below,
			String[] words) {
		if (below.equals(List.of(ScstTree.LUNS, ScstTree.MGMT))) {
			Map<Integer, LiveState.LiveLun> luns = luns(target.luns(), words);
			return (luns != null) ? withLunsAndGroups(target, luns, target.groups()) : null;
		}
		Map<String, LiveState.LiveGroup> groups = new TreeMap<>(target.groups());
		if (below.equals(List.of(ScstTree.INI_GROUPS, ScstTree.MGMT))) {
			if (words.length != 2 || !plain(words[1])) {
				return null;
			}
			switch (words[0]) {
				case "create" ->
					groups.put(words[1], new LiveState.LiveGroup(words[1], Map.of(), new TreeMap<>(), List.of()));
				case "del" -> groups.remove(words[1]);
				default -> {
					return null;
				}
			}
			return withLunsAndGroups(target, target.luns(), groups);
		}
		if (below.size() != 4 || !below.get(0).equals(ScstTree.INI_GROUPS) || !below.get(3).equals(ScstTree.MGMT)) {
			return null;
		}
		LiveState.LiveGroup group = groups.get(below.get(1));
		if (group == null) {
			return null;
		}
		if (below.get(2).equals(ScstTree.LUNS)) {
			Map<Integer, LiveState.LiveLun> luns = luns(group.luns(), words);
			if (luns == null) {
				return null;
			}
			groups.put(group.name(),
					new LiveState.LiveGroup(group.name(), group.attributes(), luns, group.initiators()));
			return withLunsAndGroups(target, target.luns(), groups);
		}
		if (below.get(2).equals(ScstTree.INITIATORS) && initiators(groups, group, words)) {
			return withLunsAndGroups(target, target.luns(), groups);
		}
		return null;
	}

	/**
	 * {@code add}, {@code del}, {@code move} and {@code clear} of a group's initiators.
	 */
	private static boolean initiators(Map<String, LiveState.LiveGroup> groups, LiveState.LiveGroup group,
			String[] words) {
		List<String> initiators = new ArrayList<>(group.initiators());
		if (words[0].equals("clear") && words.length == 1) {
			initiators.clear();
		}
		else if (words.length == 2 && (words[0].equals("add") || words[0].equals("del")) && plain(words[1])) {
			initiators.remove(words[1]);
			if (words[0].equals("add")) {
				initiators.add(words[1]);
			}
		}
		else if (words[0].equals("move") && words.length == 3 && plain(words[1]) && groups.containsKey(words[2])
				&& !words[2].equals(group.name())) {
			initiators.remove(words[1]);
			LiveState.LiveGroup to = groups.get(words[2]);
			List<String> moved = new ArrayList<>(to.initiators());
			moved.remove(words[1]);
			moved.add(words[1]);
			groups.put(to.name(), new LiveState.LiveGroup(to.name(), to.attributes(), to.luns(), moved));
		}
		else {
			return false;
		}
		groups.put(group.name(), new LiveState.LiveGroup(group.name(), group.attributes(), group.luns(), initiators));
		return true;
	}

	/**
	 * {@code add}, {@code replace}, {@code del} and {@code clear} of a LUN set.
	 * @return the LUNs after it, or {@code null} when not certain
	 */
	private @Nullable Map<Integer, LiveState.LiveLun> luns(Map<Integer, LiveState.LiveLun> before, String[] words) {
		Map<Integer, LiveState.LiveLun> luns = new TreeMap<>(before);
		if (words[0].equals("clear") && words.length == 1) {
			luns.clear();
			return luns;
		}
		if (words[0].equals("del") && words.length == 2) {
			Integer number = lunNumber(words[1]);
			if (number == null) {
				return null;
			}
			luns.remove(number);
			return luns;
		}
		if (!(words[0].equals("add") || words[0].equals("replace")) || words.length < 3 || words.length > 4
				|| (words.length == 4 && !words[3].equals(ScstTree.READ_ONLY + "=1"))) {
			return null;
		}
		LiveState.LiveDevice device = this.devices.get(words[1]);
		Integer number = lunNumber(words[2]);
		if (device == null || number == null) {
			return null;
		}
		LiveState.Attr deviceReadOnly = device.attributes().get(ScstTree.READ_ONLY);
		boolean readOnly = KeyMarks.newLunReadOnly(words.length == 4, device.handler(),
				(deviceReadOnly != null) ? deviceReadOnly.value() : null);
		luns.put(number, new LiveState.LiveLun(number, words[1], readOnly, readOnly));
		return luns;
	}

	private static LiveState.LiveTarget withLunsAndGroups(LiveState.LiveTarget target,
			Map<Integer, LiveState.LiveLun> luns, Map<String, LiveState.LiveGroup> groups) {
		return new LiveState.LiveTarget(target.driver(), target.name(), target.attributes(), target.sessions(), luns,
				groups);
	}

	/** A LUN number as the factories write it (decimal, no leading zero). */
	private static @Nullable Integer lunNumber(String word) {
		if (!word.matches("0|[1-9][0-9]{0,4}")) {
			return null;
		}
		return Integer.valueOf(word);
	}

	/** A name the kernel stores and lists as written (no {@code /} to rename). */
	private static boolean plain(String name) {
		return !name.isEmpty() && ScstPath.entryName(name).equals(name) && name.indexOf('=') < 0;
	}

	/**
	 * {@code p1=v1;p2=v2}, each name once.
	 * @return the parameters, or {@code null} when the word is not such a list
	 */
	private static @Nullable Map<String, String> parameters(String word) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String parameter : word.split(";", -1)) {
			int equals = parameter.indexOf('=');
			if (equals <= 0
					|| parameters.put(parameter.substring(0, equals), parameter.substring(equals + 1)) != null) {
				return null;
			}
		}
		return parameters;
	}

}
