package io.scst.manager.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import io.scst.manager.sysfs.Attribute;
import io.scst.manager.sysfs.AttributeValue;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.model.AttributeFile;
import io.scst.manager.sysfs.model.GroupNode;
import io.scst.manager.sysfs.model.HandlerNode;
import io.scst.manager.sysfs.model.Listing;
import io.scst.manager.sysfs.model.LunNode;
import io.scst.manager.sysfs.model.LunSet;
import io.scst.manager.sysfs.model.Scst;
import io.scst.manager.sysfs.model.TargetDriverNode;
import io.scst.manager.sysfs.model.TargetNode;
import org.jspecify.annotations.Nullable;

/**
 * Everything of the live tree a configuration is about, read in one pass: every readable
 * attribute with its {@code [key]} marker and whether it can be written, the creation
 * parameters of handlers and drivers, sessions, LUNs, groups and initiators. The planner
 * compares against it; {@link #export()} turns it into the configuration scstadmin would
 * save.
 */
final class LiveState {

	/** The sentence of a mgmt help text that lists the creation parameters. */
	private static final String PARAMETERS_SENTENCE = "The following parameters available:";

	/** Attributes never saved in a configuration. */
	private static final Set<String> NEVER_SAVED = Set.of(ScstTree.TRACE_LEVEL, ScstTree.SIZE_MB,
			ScstTree.SUSPEND.name(), ScstTree.LAST_RESULT.name());

	final Map<String, Attr> root;

	final Map<String, LiveHandler> handlers;

	final Map<String, LiveDevice> devices;

	final Map<String, LiveDriver> drivers;

	private LiveState(Map<String, Attr> root, Map<String, LiveHandler> handlers, Map<String, LiveDevice> devices,
			Map<String, LiveDriver> drivers) {
		this.root = root;
		this.handlers = handlers;
		this.devices = devices;
		this.drivers = drivers;
	}

	/**
	 * Read the live tree lazily: the core, handler and driver attributes and the names of
	 * every device and target at once; a device's directory and a target's contents
	 * (sessions, LUNs, groups) the first time they are asked for, then kept, and of a
	 * device, target or group each attribute file only when it is asked for. A plan that
	 * names a few objects reads only those and only the attributes it names; an export
	 * reads everything once. Use the state within one request (it is not a live view).
	 * @param sysfs the gateway
	 * @return the state
	 */
	static LiveState of(ScstSysfs sysfs) {
		return of(sysfs, null);
	}

	/**
	 * {@link #of(ScstSysfs)}, taking devices and targets from a cache when it has them
	 * (and keeping what is read in it).
	 * @param sysfs the gateway
	 * @param cache what an earlier read kept, or {@code null}
	 * @return the state
	 */
	static LiveState of(ScstSysfs sysfs, @Nullable ExportCache cache) {
		Scst scst = Scst.of(sysfs);
		Map<String, Attr> root = attrs(scst.attributes());
		Map<String, LiveHandler> handlers = new TreeMap<>();
		Map<String, String> deviceHandlers = new HashMap<>();
		for (HandlerNode handler : scst.handlers()) {
			Listing listing = handler.listing();
			List<String> deviceNames = listing.links();
			deviceNames.forEach((device) -> deviceHandlers.put(device, handler.name()));
			Map<String, Attr> attributes = attrs(listing.attributes());
			List<String> parameters = parameters(handler.mgmt());
			attributes.remove(ScstTree.TYPE);
			handlers.put(handler.name(), new LiveHandler(handler.name(), attributes, parameters, deviceNames));
		}
		Function<String, LiveDevice> device = (name) -> new LiveDevice(name, deviceHandlers.get(name),
				lazyAttrs(scst.device(name).listing()));
		Map<String, LiveDevice> devices = new LazyMap<>(deviceHandlers.keySet(),
				(cache != null) ? (name) -> cache.device(name, () -> device.apply(name)) : device);
		Map<String, LiveDriver> drivers = new TreeMap<>();
		for (TargetDriverNode driver : scst.targetDrivers()) {
			drivers.put(driver.name(), driver(driver, cache));
		}
		return new LiveState(root, handlers, devices, drivers);
	}

	private static LiveDriver driver(TargetDriverNode driver, @Nullable ExportCache cache) {
		AttributeFile mgmtFile = driver.mgmt();
		boolean mgmt = mgmtFile.exists();
		List<String> parameters = mgmt ? parameters(mgmtFile.value()) : List.of();
		Listing listing = driver.listing();
		Map<String, Attr> attributes = attrs(listing.attributes());
		List<String> targetNames = TargetDriverNode.targetNames(listing);
		Function<String, LiveTarget> read = (target) -> target(driver.target(target));
		Map<String, LiveTarget> targets = new LazyMap<>(targetNames,
				(cache != null) ? (target) -> cache.target(driver.name(), target, () -> read.apply(target)) : read);
		return new LiveDriver(driver.name(), attributes, mgmt, parameters, targets);
	}

	private static LiveTarget target(TargetNode target) {
		List<LiveSession> sessions = new ArrayList<>();
		for (String entry : target.sessionNamesIfPresent().orElse(List.of())) {
			String initiator = target.session(entry).initiatorNameFile().valueIfPresent().orElse(entry);
			sessions.add(new LiveSession(entry, initiator));
		}
		Map<String, LiveGroup> groups = new TreeMap<>();
		for (String name : target.groupNamesIfPresent().orElse(List.of())) {
			GroupNode group = target.group(name);
			List<String> initiators = group.initiators();
			groups.put(name, new LiveGroup(name, lazyAttrs(group.listing()), luns(group.luns()), initiators));
		}
		return new LiveTarget(target.driver(), target.name(), lazyAttrs(target.listing()), sessions,
				luns(target.luns()), groups);
	}

	private static Map<Integer, LiveLun> luns(LunSet set) {
		Map<Integer, LiveLun> luns = new TreeMap<>();
		for (LunNode lun : set.lunsIfPresent().orElse(List.of())) {
			String device = lun.deviceName();
			Attribute readOnly = lun.readOnlyFile().content();
			luns.put(lun.number(), new LiveLun(lun.number(), device, Values.isTrue(readOnly.value()), readOnly.key()));
		}
		return luns;
	}

	/** The attributes as read, in the form the planner compares. */
	private static Map<String, Attr> attrs(Map<String, AttributeValue> values) {
		Map<String, Attr> attributes = new TreeMap<>();
		values.forEach(
				(name, value) -> attributes.put(name, new Attr(value.value(), value.nonDefault(), value.writable())));
		return attributes;
	}

	/**
	 * The attributes of a listing, each read when first asked for (a plan compares only
	 * the attributes its configuration names; an export reads them all).
	 */
	private static Map<String, Attr> lazyAttrs(Listing listing) {
		return new LazyMap<>(listing.attributeNames(), (name) -> {
			AttributeValue value = listing.attribute(name);
			return (value != null) ? new Attr(value.value(), value.nonDefault(), value.writable()) : null;
		});
	}

	/** The parameters a mgmt help text lists, in its order (none when it is missing). */
	private static List<String> parameters(AttributeFile mgmt) {
		return mgmt.exists() ? parameters(mgmt.value()) : new ArrayList<>();
	}

	/** The parameters a mgmt help text lists, in its order. */
	private static List<String> parameters(String help) {
		List<String> parameters = new ArrayList<>();
		for (String line : help.split("\n")) {
			String stripped = line.strip();
			if (stripped.startsWith(PARAMETERS_SENTENCE)) {
				for (String parameter : stripped.substring(PARAMETERS_SENTENCE.length()).split(",")) {
					if (!parameter.isBlank()) {
						parameters.add(parameter.strip());
					}
				}
			}
		}
		return parameters;
	}

	/**
	 * Drop from a cache the objects that are no longer in this state.
	 * @param cache the cache
	 */
	void retainIn(ExportCache cache) {
		Map<String, Set<String>> targets = new HashMap<>();
		this.drivers.forEach((name, driver) -> targets.put(name, driver.targets.keySet()));
		cache.retain(this.devices.keySet(), targets);
	}

	// ---------------------------------------------------------------- export

	/**
	 * The configuration scstadmin's {@code -write_config} would save for this state (spec
	 * 16.3): only {@code [key]} attributes (of devices: those that are settable or
	 * creation parameters), session names, LUNs, groups and initiators; never the copy
	 * manager's automatic LUNs. Every list is sorted.
	 * @return the configuration
	 */
	ScstConfig export() {
		return export(null);
	}

	/**
	 * {@link #export()}, taking each device and target from the memo when it was made of
	 * the same kept instance before.
	 * @param memo what the last save made, or {@code null}
	 * @return the configuration
	 */
	ScstConfig export(@Nullable ExportMemo memo) {
		Map<String, String> core = saved(this.root, null);
		List<ScstConfig.Handler> handlers = new ArrayList<>();
		for (LiveHandler handler : this.handlers.values()) {
			Map<String, String> attributes = saved(handler.attributes, null);
			List<ScstConfig.Device> devices = new ArrayList<>();
			Object parameters = (memo != null) ? memo.context(handler.parameters) : null;
			for (String name : handler.devices.stream().sorted().toList()) {
				LiveDevice device = this.devices.get(name);
				Function<LiveDevice, ScstConfig.Device> make = (live) -> new ScstConfig.Device(name,
						saved(live.attributes, handler.parameters), List.of());
				devices.add((memo != null) ? memo.get(device, parameters, make) : make.apply(device));
			}
			if (!devices.isEmpty() || !attributes.isEmpty()) {
				handlers.add(new ScstConfig.Handler(handler.name, attributes, devices, List.of()));
			}
		}
		List<ScstConfig.Driver> drivers = new ArrayList<>();
		for (LiveDriver driver : this.drivers.values()) {
			List<ScstConfig.Target> targets = new ArrayList<>();
			Object context = (memo != null) ? memo.context(List.of(driver.name, driver.sessions())) : null;
			for (LiveTarget target : driver.targets.values()) {
				targets.add((memo != null) ? memo.get(target, context, (live) -> exportTarget(driver, live))
						: exportTarget(driver, target));
			}
			Map<String, String> attributes = saved(driver.attributes, List.of());
			if (!targets.isEmpty() || !attributes.isEmpty()) {
				drivers.add(new ScstConfig.Driver(driver.name, attributes, targets, List.of()));
			}
		}
		return new ScstConfig(core, handlers, drivers, List.of());
	}

	private ScstConfig.Target exportTarget(LiveDriver driver, LiveTarget target) {
		Map<String, String> attributes = saved(target.attributes, List.of());
		attributes.remove(ScstTree.HW_TARGET);
		Attr enabled = target.attributes.get(ScstTree.ENABLED);
		if (enabled != null) {
			attributes.put(ScstTree.ENABLED, enabled.value());
		}
		Attr hw = target.attributes.get(ScstTree.HW_TARGET);
		boolean hardware = hw != null && Values.isTrue(hw.value());
		List<String> sessions = driver.sessions()
				? target.sessions.stream().map(LiveSession::initiator).sorted().toList() : List.of();
		boolean copyManager = driver.name.equals(ScstTree.COPY_MANAGER);
		List<ScstConfig.Group> groups = new ArrayList<>();
		for (LiveGroup group : target.groups.values()) {
			groups.add(new ScstConfig.Group(group.name, saved(group.attributes, List.of()), exportLuns(group.luns),
					group.initiators.stream().sorted().toList(), List.of()));
		}
		return new ScstConfig.Target(target.name, hardware, attributes, sessions,
				copyManager ? List.of() : exportLuns(target.luns), groups, List.of());
	}

	private static List<ScstConfig.Lun> exportLuns(Map<Integer, LiveLun> luns) {
		List<ScstConfig.Lun> exported = new ArrayList<>();
		for (LiveLun lun : luns.values()) {
			exported.add(new ScstConfig.Lun(lun.number, lun.device,
					lun.readOnlyKey ? Map.of(ScstTree.READ_ONLY, "1") : Map.of()));
		}
		return exported;
	}

	/**
	 * The attributes a configuration keeps: key-marked, and settable or (with
	 * {@code creation} given) a creation parameter.
	 * @param creation the creation parameters, or {@code null} to keep every key
	 * attribute
	 */
	private static Map<String, String> saved(Map<String, Attr> attributes, @Nullable List<String> creation) {
		Map<String, String> saved = new TreeMap<>();
		attributes.forEach((name, attr) -> {
			if (attr.key() && !NEVER_SAVED.contains(name)
					&& (creation == null || attr.writable() || creation.contains(name))) {
				saved.put(name, attr.value());
			}
		});
		return saved;
	}

	/** Every user LUN (not the copy manager's) that uses a device. */
	List<LunRef> lunsOf(String device) {
		List<LunRef> refs = new ArrayList<>();
		for (LiveDriver driver : this.drivers.values()) {
			if (driver.name.equals(ScstTree.COPY_MANAGER)) {
				continue;
			}
			for (LiveTarget target : driver.targets.values()) {
				target.luns.values()
					.stream()
					.filter((lun) -> lun.device.equals(device))
					.forEach((lun) -> refs.add(new LunRef(driver.name, target.name, null, lun)));
				for (LiveGroup group : target.groups.values()) {
					group.luns.values()
						.stream()
						.filter((lun) -> lun.device.equals(device))
						.forEach((lun) -> refs.add(new LunRef(driver.name, target.name, group.name, lun)));
				}
			}
		}
		return refs;
	}

	/**
	 * One attribute as read.
	 *
	 * @param value the value without the marker
	 * @param key whether it carries {@code [key]}
	 * @param writable whether the file can be written
	 */
	record Attr(String value, boolean key, boolean writable) {

	}

	record LiveHandler(String name, Map<String, Attr> attributes, List<String> parameters, List<String> devices) {

	}

	record LiveDevice(String name, String handler, Map<String, Attr> attributes) {

	}

	record LiveDriver(String name, Map<String, Attr> attributes, boolean mgmt, List<String> parameters,
			Map<String, LiveTarget> targets) {

		/**
		 * Whether targets are created with sessions ({@code session_name}, scst_local).
		 */
		boolean sessions() {
			return this.parameters.contains(MgmtCommand.SESSION_NAME);
		}

	}

	record LiveTarget(String driver, String name, Map<String, Attr> attributes, List<LiveSession> sessions,
			Map<Integer, LiveLun> luns, Map<String, LiveGroup> groups) {

	}

	record LiveSession(String entry, String initiator) {

	}

	record LiveGroup(String name, Map<String, Attr> attributes, Map<Integer, LiveLun> luns, List<String> initiators) {

	}

	record LiveLun(int number, String device, boolean readOnly, boolean readOnlyKey) {

	}

	record LunRef(String driver, String target, @Nullable String group, LiveLun lun) {

	}

}
