package io.scst.manager.sysfs;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Where things are in SCST's sysfs tree: the one place that knows directory and file
 * names. Object names are given as SCST knows them (as in management commands); the entry
 * names ({@code /} shown as {@code !}) are derived here.
 */
public final class ScstTree {

	/** The root directory. */
	public static final ScstPath ROOT = ScstPath.ROOT;

	/** {@code version}: the SCST build facts. */
	public static final ScstPath VERSION = ScstPath.of("version");

	/** {@code setup_id}. */
	public static final ScstPath SETUP_ID = ScstPath.of("setup_id");

	/** {@code threads}: the number of global I/O threads. */
	public static final ScstPath THREADS = ScstPath.of("threads");

	/** {@code suspend}: the current suspend count. */
	public static final ScstPath SUSPEND = ScstPath.of("suspend");

	/** {@code last_sysfs_mgmt_res}. */
	public static final ScstPath LAST_RESULT = AbstractScstSysfs.LAST_RESULT;

	/** {@code handlers/}. */
	public static final ScstPath HANDLERS = ScstPath.of("handlers");

	/** {@code devices/}. */
	public static final ScstPath DEVICES = ScstPath.of("devices");

	/** {@code targets/}: one directory per target driver. */
	public static final ScstPath TARGET_DRIVERS = ScstPath.of("targets");

	/** {@code device_groups/}. */
	public static final ScstPath DEVICE_GROUPS = ScstPath.of("device_groups");

	/** The name of every management file. */
	public static final String MGMT = "mgmt";

	/** A device's link to its handler. */
	public static final String HANDLER_LINK = "handler";

	/** A device's directory of {@code exportN} links. */
	public static final String EXPORTED = "exported";

	/** A handler's {@code type} file. */
	public static final String TYPE = "type";

	/** Directories of a target or group that are not attributes. */
	public static final String LUNS = "luns";

	/** A target's initiator groups. */
	public static final String INI_GROUPS = "ini_groups";

	/** A target's sessions. */
	public static final String SESSIONS = "sessions";

	/** A group's initiator entries. */
	public static final String INITIATORS = "initiators";

	/** A LUN's link to its device. */
	public static final String DEVICE_LINK = "device";

	/** A LUN's read-only flag. */
	public static final String READ_ONLY = "read_only";

	/** A target's enable switch (drivers with hardware targets). */
	public static final String ENABLED = "enabled";

	/** A session's LUN set link. */
	public static final String SESSION_LUNS = "luns";

	/** A device's resync trigger. */
	public static final String RESYNC_SIZE = "resync_size";

	/** The scst_local driver. */
	public static final String SCST_LOCAL = "scst_local";

	/** The copy manager driver. */
	public static final String COPY_MANAGER = "copy_manager";

	private ScstTree() {
	}

	public static ScstPath handler(String handler) {
		return HANDLERS.resolve(handler);
	}

	public static ScstPath handlerMgmt(String handler) {
		return handler(handler).resolve(MGMT);
	}

	/** Whether a file is a handler's {@code handlers/<h>/mgmt}. */
	public static boolean isHandlerMgmt(ScstPath file) {
		List<String> parts = file.segments();
		return parts.size() == 3 && parts.get(0).equals(HANDLERS.name()) && parts.get(2).equals(MGMT);
	}

	/**
	 * Whether writing a file gives a device a backing file: {@code devices/<d>/filename}
	 * or the same file reached through {@code handlers/<h>/<d>/filename}.
	 */
	public static boolean isBackingFileAttribute(ScstPath file) {
		List<String> parts = file.segments();
		return (parts.size() == 3 && parts.get(0).equals(DEVICES.name()) && parts.get(2).equals(FILENAME))
				|| (parts.size() == 4 && parts.get(0).equals(HANDLERS.name()) && parts.get(3).equals(FILENAME));
	}

	public static ScstPath device(String device) {
		return DEVICES.resolve(device);
	}

	public static ScstPath deviceAttribute(String device, String attribute) {
		return device(device).resolve(attribute);
	}

	public static ScstPath deviceExported(String device) {
		return device(device).resolve(EXPORTED);
	}

	public static ScstPath targetDriver(String driver) {
		return TARGET_DRIVERS.resolve(driver);
	}

	public static ScstPath targetDriverMgmt(String driver) {
		return targetDriver(driver).resolve(MGMT);
	}

	public static ScstPath target(String driver, String target) {
		return targetDriver(driver).resolve(ScstPath.entryName(target));
	}

	public static ScstPath sessions(String driver, String target) {
		return target(driver, target).resolve(SESSIONS);
	}

	/**
	 * A session directory. Sessions are named by their directory (SCST adds {@code _N} to
	 * duplicate initiator names), so the name is an entry name already.
	 */
	public static ScstPath session(String driver, String target, String sessionEntry) {
		return sessions(driver, target).resolve(sessionEntry);
	}

	public static ScstPath iniGroups(String driver, String target) {
		return target(driver, target).resolve(INI_GROUPS);
	}

	public static ScstPath iniGroupsMgmt(String driver, String target) {
		return iniGroups(driver, target).resolve(MGMT);
	}

	public static ScstPath iniGroup(String driver, String target, String group) {
		return iniGroups(driver, target).resolve(ScstPath.entryName(group));
	}

	public static ScstPath initiators(String driver, String target, String group) {
		return iniGroup(driver, target, group).resolve(INITIATORS);
	}

	public static ScstPath initiatorsMgmt(String driver, String target, String group) {
		return initiators(driver, target, group).resolve(MGMT);
	}

	/**
	 * The LUN directory of a target's default LUN set or of one of its groups.
	 * @param group the group, or {@code null} for the target's own set
	 */
	public static ScstPath luns(String driver, String target, @Nullable String group) {
		return ((group != null) ? iniGroup(driver, target, group) : target(driver, target)).resolve(LUNS);
	}

	public static ScstPath lunsMgmt(String driver, String target, @Nullable String group) {
		return luns(driver, target, group).resolve(MGMT);
	}

	public static ScstPath lun(String driver, String target, @Nullable String group, int lun) {
		return luns(driver, target, group).resolve(Integer.toString(lun));
	}

	/** A device's size in bytes; also the {@code add_device} parameter of that name. */
	public static final String SIZE = "size";

	/** A device's backing file; also the {@code add_device} parameter of that name. */
	public static final String FILENAME = "filename";

	/** A handler's or device's block size parameter. */
	public static final String BLOCKSIZE = "blocksize";

	// ---------------------------------------------------------------- target drivers,
	// targets and sessions (issue 3)

	/** A target driver's {@code version} file (scst_local). */
	public static final String DRIVER_VERSION = "version";

	/** A target driver's {@code stats} file (scst_local). */
	public static final String DRIVER_STATS = "stats";

	/** A session's initiator name. */
	public static final String INITIATOR_NAME = "initiator_name";

	/** scst_local: a session's Linux SCSI host number. */
	public static final String HOST_NO = "host_no";

	/** scst_local: a session's binary SCSI TransportID. */
	public static final String TRANSPORT_ID = "transport_id";

	/** The prefix of a session's per-LUN directories ({@code lun<N>}). */
	public static final String SESSION_LUN_PREFIX = "lun";

	/** A session's counter files, in the order SCST lists them. */
	public static final java.util.List<String> SESSION_COUNTERS = java.util.List.of("commands", "active_commands",
			"read_cmd_count", "read_io_count_kb", "read_unaligned_cmd_count", "write_cmd_count", "write_io_count_kb",
			"write_unaligned_cmd_count", "bidi_cmd_count", "bidi_io_count_kb", "bidi_unaligned_cmd_count",
			"none_cmd_count", "unknown_cmd_count");

	/**
	 * One counter file per data direction: writing anything to it resets every counter of
	 * that direction (scst/src/scst_sysfs.c).
	 */
	public static final java.util.List<String> SESSION_COUNTER_RESETS = java.util.List.of("read_cmd_count",
			"write_cmd_count", "bidi_cmd_count", "none_cmd_count", "unknown_cmd_count");

	public static ScstPath targetAttribute(String driver, String target, String attribute) {
		return target(driver, target).resolve(attribute);
	}

	public static ScstPath sessionAttribute(String driver, String target, String sessionEntry, String attribute) {
		return session(driver, target, sessionEntry).resolve(attribute);
	}

	/**
	 * The object name of a target, session or group directory ({@code !} back to
	 * {@code /}).
	 */
	public static String objectName(String entryName) {
		return entryName.replace('!', '/');
	}

	/**
	 * The LUN number of a session's {@code lun<N>} directory.
	 * @param entryName the entry name
	 * @return the number, or {@code null} when the entry is not a LUN directory
	 */
	public static @Nullable Integer sessionLunNumber(String entryName) {
		if (!entryName.startsWith(SESSION_LUN_PREFIX) || entryName.length() == SESSION_LUN_PREFIX.length()) {
			return null;
		}
		String digits = entryName.substring(SESSION_LUN_PREFIX.length());
		for (int i = 0; i < digits.length(); i++) {
			if (!Character.isDigit(digits.charAt(i))) {
				return null;
			}
		}
		return (digits.length() > 5) ? null : Integer.valueOf(digits);
	}

	/**
	 * The initiator group whose LUN set a session's {@code luns} link points at.
	 * @param lunsLink the link text, e.g. {@code ../../luns} or
	 * {@code ../../ini_groups/g1/luns}
	 * @return the group's object name, or {@code null} for the target's own LUN set
	 */
	public static @Nullable String sessionGroup(String lunsLink) {
		String[] parts = lunsLink.split("/");
		for (int i = 0; i + 2 < parts.length; i++) {
			if (parts[i].equals(INI_GROUPS) && parts[i + 2].equals(LUNS)) {
				return objectName(parts[i + 1]);
			}
		}
		return null;
	}

	/** The {@code luns} link of a session: where its LUN set is. */
	public static ScstPath sessionLuns(String driver, String target, String sessionEntry) {
		return session(driver, target, sessionEntry).resolve(SESSION_LUNS);
	}

	/**
	 * Where a link points, as a path below the root: its relative target (as
	 * {@link ScstSysfs#readLink} returns it) resolved against the link's directory.
	 * @param link the link
	 * @param relativeTarget the link's target text, e.g. {@code ../../luns}
	 * @return the path it names
	 * @throws IllegalStateException when the target leaves the SCST tree
	 */
	public static ScstPath linkTarget(ScstPath link, String relativeTarget) {
		ScstPath path = link.parent();
		for (String part : relativeTarget.split("/")) {
			if (part.isEmpty() || part.equals(".")) {
				continue;
			}
			if (part.equals("..")) {
				if (path.isRoot()) {
					throw new IllegalStateException(
							"Link " + link + " points outside the SCST tree: " + relativeTarget);
				}
				path = path.parent();
			}
			else {
				path = path.resolve(part);
			}
		}
		return path;
	}

	// ---------------------------------------------------------------- configuration
	// files
	// (issue 6)

	/** A device's size in MiB; also an {@code add_device} parameter. */
	public static final String SIZE_MB = "size_mb";

	/** A hardware target's {@code hw_target} flag. */
	public static final String HW_TARGET = "hw_target";

	/** The trace level files (root, handlers, drivers); never part of a configuration. */
	public static final String TRACE_LEVEL = "trace_level";

	public static ScstPath rootAttribute(String attribute) {
		return ROOT.resolve(attribute);
	}

	public static ScstPath handlerAttribute(String handler, String attribute) {
		return handler(handler).resolve(attribute);
	}

	public static ScstPath targetDriverAttribute(String driver, String attribute) {
		return targetDriver(driver).resolve(attribute);
	}

	public static ScstPath iniGroupAttribute(String driver, String target, String group, String attribute) {
		return iniGroup(driver, target, group).resolve(attribute);
	}

	// ---------------------------------------------------------------- metrics (issue 8)

	/** A session's number of commands inside SCST now. */
	public static final String SESSION_COMMANDS = "commands";

	/** A session's sum of per-LUN active commands. */
	public static final String SESSION_ACTIVE_COMMANDS = "active_commands";

	/** DIF check failures of a DIF-capable session or target (stages by checks). */
	public static final String DIF_CHECKS_FAILED = "dif_checks_failed";

	/** The data directions with command, KiB and unaligned counters. */
	public static final java.util.List<String> IO_DIRECTIONS = java.util.List.of("read", "write", "bidi");

	/** The data directions with a command counter only. */
	public static final java.util.List<String> COMMAND_ONLY_DIRECTIONS = java.util.List.of("none", "unknown");

	/** A session's completed-command counter of a data direction. */
	public static String sessionCommandCount(String direction) {
		return direction + "_cmd_count";
	}

	/** A session's transferred KiB (bytes >> 10) of a data direction. */
	public static String sessionIoKilobytes(String direction) {
		return direction + "_io_count_kb";
	}

	/** A session's count of commands not 4 KiB aligned, of a data direction. */
	public static String sessionUnalignedCount(String direction) {
		return direction + "_unaligned_cmd_count";
	}

}
