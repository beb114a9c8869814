package io.scst.manager.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.scst.manager.web.CanonicalText;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A whole SCST configuration as {@code scst.conf} (the file {@code scstadmin -config}
 * reads) describes it: core attributes, handlers with their devices, target drivers with
 * their targets, LUNs, initiator groups and initiators. Blocks and entries this model
 * does not know are kept in {@code other} and written back unchanged.
 *
 * @param attributes the core attributes ({@code setup_id}, {@code threads}, ...)
 * @param handlers the {@code HANDLER} blocks
 * @param drivers the {@code TARGET_DRIVER} blocks
 * @param other blocks and entries of the top level that are not modelled
 * ({@code DEVICE_GROUP}, {@code ALUA}, ...)
 */
@Schema(description = "A whole SCST configuration (the model behind scst.conf)")
public record ScstConfig(Map<String, String> attributes, List<Handler> handlers, List<Driver> drivers,
		List<ConfigNode> other) implements CanonicalText {

	public ScstConfig {
		attributes = sorted(attributes);
		handlers = copy(handlers);
		drivers = copy(drivers);
		other = copy(other);
	}

	/**
	 * The same configuration in the order an export writes it: every list sorted, sizes
	 * in bytes ({@code size_mb} becomes {@code size}), session names sorted. Two configs
	 * that describe the same state have equal canonical forms.
	 * @return the canonical form
	 */
	public ScstConfig canonical() {
		List<Handler> sortedHandlers = new ArrayList<>();
		for (Handler handler : this.handlers) {
			List<Device> devices = new ArrayList<>();
			for (Device device : handler.devices()) {
				devices.add(new Device(device.name(), Values.normaliseDevice(device.attributes()), device.other()));
			}
			devices.sort(Comparator.comparing(Device::name));
			sortedHandlers.add(new Handler(handler.name(), handler.attributes(), devices, handler.other()));
		}
		sortedHandlers.sort(Comparator.comparing(Handler::name));
		List<Driver> sortedDrivers = new ArrayList<>();
		for (Driver driver : this.drivers) {
			List<Target> targets = new ArrayList<>();
			for (Target target : driver.targets()) {
				List<Group> groups = new ArrayList<>();
				for (Group group : target.groups()) {
					groups.add(new Group(group.name(), group.attributes(), sortLuns(group.luns()),
							group.initiators().stream().sorted().toList(), group.other()));
				}
				groups.sort(Comparator.comparing(Group::name));
				targets.add(new Target(target.name(), target.hardware(), target.attributes(),
						target.sessions().stream().sorted().toList(), sortLuns(target.luns()), groups, target.other()));
			}
			targets.sort(Comparator.comparing(Target::name));
			sortedDrivers.add(new Driver(driver.name(), driver.attributes(), targets, driver.other()));
		}
		sortedDrivers.sort(Comparator.comparing(Driver::name));
		return new ScstConfig(this.attributes, sortedHandlers, sortedDrivers, this.other);
	}

	/**
	 * This configuration as scst.conf text: the text export, and what the entity tag of
	 * both the text and the JSON export is computed from.
	 * @return the text
	 */
	@Override
	public String canonicalText() {
		return ConfigFormat.write(this);
	}

	private static List<Lun> sortLuns(List<Lun> luns) {
		List<Lun> sorted = new ArrayList<>(luns);
		sorted.sort(Comparator.comparingInt(Lun::number));
		return sorted;
	}

	static Map<String, String> sorted(Map<String, String> map) {
		return (map == null) ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
	}

	static <T> List<T> copy(List<T> list) {
		return (list == null) ? List.of() : List.copyOf(list);
	}

	/**
	 * A {@code HANDLER} block.
	 *
	 * @param name the handler, e.g. {@code vdisk_fileio}
	 * @param attributes its attributes
	 * @param devices its {@code DEVICE} entries
	 * @param other entries not modelled
	 */
	@Schema(name = "ConfigHandler", description = "A HANDLER block")
	public record Handler(@Schema(example = "vdisk_nullio") String name, Map<String, String> attributes,
			List<Device> devices, List<ConfigNode> other) {

		public Handler {
			attributes = sorted(attributes);
			devices = copy(devices);
			other = copy(other);
		}

	}

	/**
	 * A {@code DEVICE} entry of a handler.
	 *
	 * @param name the device name
	 * @param attributes creation parameters and attributes ({@code filename},
	 * {@code size}, {@code nv_cache}, ...)
	 * @param other entries not modelled
	 */
	@Schema(name = "ConfigDevice", description = "A DEVICE entry")
	public record Device(@Schema(example = "disk1") String name, Map<String, String> attributes,
			List<ConfigNode> other) {

		public Device {
			attributes = sorted(attributes);
			other = copy(other);
		}

	}

	/**
	 * A {@code TARGET_DRIVER} block.
	 *
	 * @param name the driver, e.g. {@code scst_local}
	 * @param attributes the driver's attributes
	 * @param targets its {@code TARGET} entries
	 * @param other entries not modelled
	 */
	@Schema(name = "ConfigDriver", description = "A TARGET_DRIVER block")
	public record Driver(@Schema(example = "scst_local") String name, Map<String, String> attributes,
			List<Target> targets, List<ConfigNode> other) {

		public Driver {
			attributes = sorted(attributes);
			targets = copy(targets);
			other = copy(other);
		}

	}

	/**
	 * A {@code TARGET} entry.
	 *
	 * @param name the target name
	 * @param hardware whether the block says {@code HW_TARGET}
	 * @param attributes the target's attributes (including {@code enabled})
	 * @param sessions scst_local: one {@code session_name} per session
	 * @param luns the target's default LUN set
	 * @param groups its initiator groups
	 * @param other entries not modelled
	 */
	@Schema(name = "ConfigTarget", description = "A TARGET entry")
	public record Target(@Schema(example = "lt") String name, boolean hardware, Map<String, String> attributes,
			List<String> sessions, List<Lun> luns, List<Group> groups, List<ConfigNode> other) {

		public Target {
			attributes = sorted(attributes);
			sessions = copy(sessions);
			luns = copy(luns);
			groups = copy(groups);
			other = copy(other);
		}

	}

	/**
	 * A {@code LUN <n> <device>} entry.
	 *
	 * @param number the LUN number
	 * @param device the device name
	 * @param attributes the LUN's attributes ({@code read_only})
	 */
	@Schema(name = "ConfigLun", description = "A LUN entry")
	public record Lun(@Schema(example = "0") int number, @Schema(example = "disk1") String device,
			Map<String, String> attributes) {

		public Lun {
			attributes = sorted(attributes);
		}

		/** Whether the entry asks for a read-only LUN ({@code read_only} non-zero). */
		boolean readOnly() {
			String value = this.attributes.get(Values.READ_ONLY);
			return value != null && Values.isTrue(value);
		}

	}

	/**
	 * A {@code GROUP} block: an initiator group.
	 *
	 * @param name the group name
	 * @param attributes its attributes
	 * @param luns its LUN set
	 * @param initiators its initiator entries (names or patterns)
	 * @param other entries not modelled
	 */
	@Schema(name = "ConfigGroup", description = "A GROUP block (initiator group)")
	public record Group(@Schema(example = "g1") String name, Map<String, String> attributes, List<Lun> luns,
			List<String> initiators, List<ConfigNode> other) {

		public Group {
			attributes = sorted(attributes);
			luns = copy(luns);
			initiators = copy(initiators);
			other = copy(other);
		}

	}

}
