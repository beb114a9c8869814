package io.scst.manager.sysfs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One management command: the {@code mgmt} file and the line written to it. The factories
 * are the only place that knows SCST's verbs; they check every name and value with
 * {@link ScstNames} first, so a command that exists can be written safely.
 *
 * @param file the management file
 * @param line the command, without the final newline
 */
public record MgmtCommand(ScstPath file, String line) {

	/** scst_local's {@code add_target} parameter that creates a session. */
	public static final String SESSION_NAME = "session_name";

	/** {@code add_device <dev> [p=v;...]} on a handler. */
	public static MgmtCommand addDevice(String handler, String device, Map<String, String> parameters) {
		ScstNames.device("name", device);
		return new MgmtCommand(ScstTree.handlerMgmt(ScstNames.handler("handler", handler)),
				"add_device " + device + parameters(parameters));
	}

	/** {@code del_device <dev>} on a handler. */
	public static MgmtCommand delDevice(String handler, String device) {
		return new MgmtCommand(ScstTree.handlerMgmt(ScstNames.handler("handler", handler)),
				"del_device " + ScstNames.device("name", device));
	}

	/** {@code add_target <tgt> [p=v;...]} on a target driver. */
	public static MgmtCommand addTarget(String driver, String target, Map<String, String> parameters) {
		return addTarget(driver, target, parameters, List.of());
	}

	/**
	 * {@code add_target <tgt> [p=v;...][;session_name=s;...]}: scst_local creates one
	 * session per {@code session_name} with the target, in the order given.
	 */
	public static MgmtCommand addTarget(String driver, String target, Map<String, String> parameters,
			List<String> sessions) {
		ScstNames.target("name", target);
		StringBuilder line = new StringBuilder("add_target ").append(target).append(parameters(parameters));
		for (int i = 0; i < sessions.size(); i++) {
			line.append((i == 0 && parameters.isEmpty()) ? " " : ";")
				.append(SESSION_NAME)
				.append('=')
				.append(ScstNames.session("sessions[" + i + "]", sessions.get(i)));
		}
		return new MgmtCommand(ScstTree.targetDriverMgmt(ScstNames.handler("driver", driver)), line.toString());
	}

	/** {@code del_target <tgt>} on a target driver. */
	public static MgmtCommand delTarget(String driver, String target) {
		return new MgmtCommand(ScstTree.targetDriverMgmt(ScstNames.handler("driver", driver)),
				"del_target " + ScstNames.target("target", target));
	}

	/** scst_local's {@code add_session <tgt> <sess>}. */
	public static MgmtCommand addSession(String driver, String target, String session) {
		return new MgmtCommand(ScstTree.targetDriverMgmt(ScstNames.handler("driver", driver)),
				"add_session " + ScstNames.target("target", target) + " " + ScstNames.session("name", session));
	}

	/** scst_local's {@code del_session <tgt> <initiator name>}. */
	public static MgmtCommand delSession(String driver, String target, String initiatorName) {
		return new MgmtCommand(ScstTree.targetDriverMgmt(ScstNames.handler("driver", driver)), "del_session "
				+ ScstNames.target("target", target) + " " + ScstNames.session("session", initiatorName));
	}

	/**
	 * {@code add <dev> <lun> [read_only=1]} on a LUN set ({@code group} null: the
	 * target's own).
	 */
	public static MgmtCommand addLun(String driver, String target, @Nullable String group, int lun, String device,
			boolean readOnly) {
		return lunCommand("add", driver, target, group, lun, device, readOnly);
	}

	/**
	 * {@code replace <dev> <lun> [read_only=1]}: puts a device at a LUN, whatever was
	 * there.
	 */
	public static MgmtCommand replaceLun(String driver, String target, @Nullable String group, int lun, String device,
			boolean readOnly) {
		return lunCommand("replace", driver, target, group, lun, device, readOnly);
	}

	/** {@code del <lun>}. */
	public static MgmtCommand delLun(String driver, String target, @Nullable String group, int lun) {
		return new MgmtCommand(lunsMgmt(driver, target, group), "del " + ScstNames.lun("lun", lun));
	}

	/** {@code clear}: removes every LUN of the set. */
	public static MgmtCommand clearLuns(String driver, String target, @Nullable String group) {
		return new MgmtCommand(lunsMgmt(driver, target, group), "clear");
	}

	/** {@code create <group>} on a target's {@code ini_groups/mgmt}. */
	public static MgmtCommand createGroup(String driver, String target, String group) {
		return new MgmtCommand(iniGroupsMgmt(driver, target), "create " + ScstNames.group("name", group));
	}

	/** {@code del <group>}. */
	public static MgmtCommand delGroup(String driver, String target, String group) {
		return new MgmtCommand(iniGroupsMgmt(driver, target), "del " + ScstNames.group("group", group));
	}

	/** {@code add <initiator>} on a group's {@code initiators/mgmt}. */
	public static MgmtCommand addInitiator(String driver, String target, String group, String initiator) {
		return new MgmtCommand(initiatorsMgmt(driver, target, group),
				"add " + ScstNames.initiator("initiator", initiator));
	}

	/** {@code del <initiator>}. */
	public static MgmtCommand delInitiator(String driver, String target, String group, String initiator) {
		return new MgmtCommand(initiatorsMgmt(driver, target, group),
				"del " + ScstNames.initiator("initiator", initiator));
	}

	/** {@code move <initiator> <group>}: to another group of the same target. */
	public static MgmtCommand moveInitiator(String driver, String target, String group, String initiator,
			String toGroup) {
		return new MgmtCommand(initiatorsMgmt(driver, target, group),
				"move " + ScstNames.initiator("initiator", initiator) + " " + ScstNames.group("toGroup", toGroup));
	}

	/** {@code clear}: removes every initiator entry of a group. */
	public static MgmtCommand clearInitiators(String driver, String target, String group) {
		return new MgmtCommand(initiatorsMgmt(driver, target, group), "clear");
	}

	private static MgmtCommand lunCommand(String verb, String driver, String target, @Nullable String group, int lun,
			String device, boolean readOnly) {
		return new MgmtCommand(lunsMgmt(driver, target, group), verb + " " + ScstNames.device("device", device) + " "
				+ ScstNames.lun("lun", lun) + (readOnly ? " read_only=1" : ""));
	}

	private static ScstPath lunsMgmt(String driver, String target, @Nullable String group) {
		checkTarget(driver, target);
		return ScstTree.lunsMgmt(driver, target, (group != null) ? ScstNames.group("group", group) : null);
	}

	private static ScstPath iniGroupsMgmt(String driver, String target) {
		checkTarget(driver, target);
		return ScstTree.iniGroupsMgmt(driver, target);
	}

	private static ScstPath initiatorsMgmt(String driver, String target, String group) {
		checkTarget(driver, target);
		return ScstTree.initiatorsMgmt(driver, target, ScstNames.group("group", group));
	}

	private static void checkTarget(String driver, String target) {
		ScstNames.handler("driver", driver);
		ScstNames.target("target", target);
	}

	/** {@code " p1=v1;p2=v2"}, or nothing. */
	private static String parameters(Map<String, String> parameters) {
		if (parameters.isEmpty()) {
			return "";
		}
		StringBuilder out = new StringBuilder(" ");
		parameters.forEach((name, value) -> {
			if (out.length() > 1) {
				out.append(';');
			}
			ScstNames.parameter("parameters", name);
			out.append(name).append('=').append(ScstNames.value("parameters." + name, value));
		});
		return out.toString();
	}

	/** The most a management line may hold: one page with its newline. */
	public static final int MAX_LINE_BYTES = 4095;

	/**
	 * Check the line as SCST's parser would see it: printable ASCII words separated by
	 * single blanks, no word beginning with {@code -}, and every {@code p=v;...} list
	 * made of parameter names and one-lexeme values ({@link ScstNames#value}). The
	 * factories build only such lines; this check holds for a command from anywhere.
	 * @throws InvalidNameException when the line is not one SCST would read as written
	 */
	public void validate() {
		if (this.line.isEmpty() || this.line.length() > MAX_LINE_BYTES) {
			throw new InvalidNameException("command", "a management command is 1 to " + MAX_LINE_BYTES + " characters");
		}
		for (int i = 0; i < this.line.length(); i++) {
			char c = this.line.charAt(i);
			if (c < 0x20 || c > 0x7e) {
				throw new InvalidNameException("command", "must not contain control or non-ASCII characters");
			}
		}
		int start = 0;
		while (true) {
			int end = this.line.indexOf(' ', start);
			end = (end < 0) ? this.line.length() : end;
			validateWord(start, end);
			if (end == this.line.length()) {
				return;
			}
			start = end + 1;
		}
	}

	/** Check the word from {@code start} to {@code end} of the line (by index). */
	private void validateWord(int start, int end) {
		if (start == end) {
			throw new InvalidNameException("command", "words must be separated by single blanks");
		}
		if (this.line.charAt(start) == '-') {
			throw new InvalidNameException("command",
					"'" + this.line.substring(start, end) + "' would be read as an option");
		}
		int equalsSign = this.line.indexOf('=', start);
		if (equalsSign < 0 || equalsSign >= end) {
			return;
		}
		for (String parameter : this.line.substring(start, end).split(";", -1)) {
			int equals = parameter.indexOf('=');
			if (equals <= 0) {
				throw new InvalidNameException("parameters", "'" + parameter + "' is not name=value");
			}
			String name = ScstNames.parameter("parameters", parameter.substring(0, equals));
			ScstNames.value("parameters." + name, parameter.substring(equals + 1));
		}
	}

	/**
	 * The backing file an {@code add_device} command gives its device.
	 * @return the {@code filename} parameter, or empty for other commands
	 */
	public Optional<String> backingFile() {
		if (!this.line.startsWith("add_device ") || !ScstTree.isHandlerMgmt(this.file)) {
			return Optional.empty();
		}
		String[] words = this.line.split(" ");
		for (int i = 2; i < words.length; i++) {
			for (String parameter : words[i].split(";")) {
				if (parameter.startsWith(ScstTree.FILENAME + "=")) {
					return Optional.of(parameter.substring(ScstTree.FILENAME.length() + 1));
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * The entry a delete command removes: {@code del_device}, {@code del_target},
	 * {@code del_session} (the session of that initiator name's directory) and
	 * {@code del} on a LUN, group or initiator management file.
	 * @return the entry, or empty for commands that delete nothing
	 */
	public Optional<ScstPath> deletes() {
		String[] words = this.line.split(" ");
		List<String> parts = this.file.segments();
		if (words.length != 2 && !(words.length == 3 && words[0].equals("del_session"))) {
			return Optional.empty();
		}
		return switch (words[0]) {
			case "del_device" -> Optional.of(ScstTree.device(words[1]));
			case "del_target" -> Optional.of(ScstTree.target(parts.get(1), words[1]));
			case "del_session" -> Optional.of(ScstTree.session(parts.get(1), words[1], ScstPath.entryName(words[2])));
			case "del" -> Optional.of(this.file.parent().resolve(ScstPath.entryName(words[1])));
			default -> Optional.empty();
		};
	}

	/**
	 * The target whose sessions may see other LUNs after this command: the target of a
	 * command on one of its management files (LUNs, groups, initiators), or the target
	 * that {@code add_target} or {@code add_session} gives new sessions.
	 * @return the target's directory, or empty for commands that change no session's LUNs
	 */
	public Optional<ScstPath> targetWithChangedSessions() {
		List<String> parts = this.file.segments();
		if (parts.isEmpty() || !parts.get(0).equals(ScstTree.TARGET_DRIVERS.name())) {
			return Optional.empty();
		}
		if (parts.size() > 4) {
			return Optional.of(new ScstPath(parts.subList(0, 3)));
		}
		String[] words = this.line.split(" ");
		if (parts.size() == 3 && words.length >= 2 && (words[0].equals("add_session")
				|| (words[0].equals("add_target") && this.line.contains(SESSION_NAME + "=")))) {
			return Optional.of(ScstTree.target(parts.get(1), words[1]));
		}
		return Optional.empty();
	}

	@Override
	public String toString() {
		return this.file + ": " + this.line;
	}

}
