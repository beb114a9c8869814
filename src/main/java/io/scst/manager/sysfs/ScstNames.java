package io.scst.manager.sysfs;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * SCST's naming rules, checked before anything is written. SCST itself checks little:
 * whitespace and {@code =} split a name silently, {@code ;} ends a parameter list,
 * {@code /} is renamed to {@code !} on disk, and some names collide with the files beside
 * them. So every name sent through a {@code mgmt} file must be one plain lexeme from a
 * conservative alphabet.
 */
public final class ScstNames {

	// The alphabets are ASCII tables rather than regular expressions: every name of a
	// plan or an apply is checked, thousands per request at scale.

	/** Characters of object names: what iSCSI IQNs, EUI/NAA ids and FC/SAS WWNs use. */
	private static final boolean[] NAME = alphabet("_.:@+,~-");

	/**
	 * Initiator entries may also be SCST patterns: {@code *}, {@code ?}, leading
	 * {@code !}.
	 */
	private static final boolean[] INITIATOR = alphabet("_.:@+,~-*?");

	/**
	 * Parameter names of {@code add_device} and {@code add}, after their first letter.
	 */
	private static final boolean[] PARAMETER = alphabet("_");

	/**
	 * Parameter values: anything printable that the lexer keeps as one lexeme (no blank,
	 * {@code ;} or {@code =}).
	 */
	private static final boolean[] VALUE = new boolean[128];

	static {
		for (char c = 0x21; c <= 0x7e; c++) {
			VALUE[c] = (c != ';' && c != '=');
		}
	}

	/** The longest entry name a file system lookup accepts (NAME_MAX). */
	public static final int MAX_NAME_BYTES = 255;

	/** vdisk refuses longer device names with EINVAL. */
	public static final int MAX_DEVICE_NAME = 64;

	/** The longest parameter value accepted (a path, an id). */
	public static final int MAX_VALUE_BYTES = 1024;

	/** The highest LUN number SCST accepts. */
	public static final int MAX_LUN = 16383;

	private static final Set<String> DEVICE_RESERVED = Set.of("mgmt", "type", "trace_level");

	private static final Set<String> TARGET_RESERVED = Set.of("mgmt", "version", "stats", "trace_level");

	private static final Set<String> GROUP_RESERVED = Set.of("mgmt");

	private ScstNames() {
	}

	/**
	 * Check a device name (vdisk: no {@code .}, at most 64 characters).
	 * @param field the request field
	 * @param name the name
	 * @return the name
	 */
	public static String device(String field, String name) {
		name(field, name, NAME);
		if (name.indexOf('.') >= 0) {
			throw new InvalidNameException(field, "a device name cannot contain '.'");
		}
		if (name.length() > MAX_DEVICE_NAME) {
			throw new InvalidNameException(field, "a device name is at most " + MAX_DEVICE_NAME + " characters");
		}
		reserved(field, name, DEVICE_RESERVED);
		return name;
	}

	/** Check a handler or target driver name (only looked up, never created). */
	public static String handler(String field, String name) {
		return name(field, name, NAME);
	}

	/** Check a target name. */
	public static String target(String field, String name) {
		name(field, name, NAME);
		return reserved(field, name, TARGET_RESERVED);
	}

	/** Check a session name (scst_local: the initiator name of the new session). */
	public static String session(String field, String name) {
		return name(field, name, NAME);
	}

	/** Check an initiator group name. */
	public static String group(String field, String name) {
		name(field, name, NAME);
		return reserved(field, name, GROUP_RESERVED);
	}

	/**
	 * Check an initiator entry: a name or an SCST pattern ({@code *}, {@code ?}, leading
	 * {@code !}).
	 */
	public static String initiator(String field, String name) {
		name(field, name, INITIATOR);
		return reserved(field, name, GROUP_RESERVED);
	}

	/** Check a parameter name. */
	public static String parameter(String field, String name) {
		if (name == null || name.isEmpty() || name.length() > 64 || !isLetter(name.charAt(0))
				|| !allIn(name, 1, PARAMETER)) {
			throw new InvalidNameException(field, "'" + printable(name) + "' is not a parameter name");
		}
		return name;
	}

	/**
	 * Check a parameter value: one lexeme, no {@code ;} or {@code =}, no blanks or
	 * control characters.
	 */
	public static String value(String field, String value) {
		if (value == null || value.isEmpty()) {
			throw new InvalidNameException(field, "must not be empty");
		}
		if (!allIn(value, 0, VALUE)) {
			throw new InvalidNameException(field,
					"must not contain blanks, control characters, ';', '=' or non-ASCII characters");
		}
		if (value.length() > MAX_VALUE_BYTES) { // ASCII: one byte per character
			throw new InvalidNameException(field, "is longer than " + MAX_VALUE_BYTES + " bytes");
		}
		return value;
	}

	/**
	 * Check a value written to an attribute file (not a management command): any text on
	 * one line, possibly empty or with blanks (e.g. {@code block} takes {@code 1 1}),
	 * without control characters, at most {@value #MAX_VALUE_BYTES} bytes.
	 */
	public static String attributeValue(String field, String value) {
		if (value == null) {
			throw new InvalidNameException(field, "must not be null");
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				throw new InvalidNameException(field, "must not contain line ends or control characters");
			}
		}
		if (value.getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
			throw new InvalidNameException(field, "is longer than " + MAX_VALUE_BYTES + " bytes");
		}
		return value;
	}

	/** Check a LUN number. */
	public static int lun(String field, long lun) {
		if (lun < 0 || lun > MAX_LUN) {
			throw new InvalidNameException(field, "a LUN is a number from 0 to " + MAX_LUN);
		}
		return (int) lun;
	}

	private static String name(String field, String name, boolean[] allowed) {
		if (name == null || name.isEmpty()) {
			throw new InvalidNameException(field, "must not be empty");
		}
		if (name.equals(".") || name.equals("..")) {
			throw new InvalidNameException(field, "'" + name + "' is not a name");
		}
		if (name.startsWith("-") || name.startsWith("!-")) {
			throw new InvalidNameException(field,
					"'" + printable(name) + "' begins with '-': scstadmin and shells would read it as an option");
		}
		int from = (allowed == INITIATOR && name.startsWith("!")) ? 1 : 0;
		if (!allIn(name, from, allowed)) {
			throw new InvalidNameException(field,
					"'" + printable(name)
							+ "' has characters SCST would split or rename; use letters, digits and _ . : @ + , ~ -"
							+ ((allowed == INITIATOR) ? " (patterns: * ? and a leading !)" : ""));
		}
		if (name.length() > MAX_NAME_BYTES) { // ASCII: one byte per character
			throw new InvalidNameException(field, "is longer than " + MAX_NAME_BYTES + " bytes");
		}
		return name;
	}

	/** Letters, digits and the given ASCII characters. */
	private static boolean[] alphabet(String others) {
		boolean[] allowed = new boolean[128];
		for (char c = 0; c < 128; c++) {
			allowed[c] = isLetter(c) || (c >= '0' && c <= '9') || others.indexOf(c) >= 0;
		}
		return allowed;
	}

	private static boolean isLetter(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
	}

	/** Whether the text has a character from {@code from} on, and only allowed ones. */
	private static boolean allIn(String text, int from, boolean[] allowed) {
		if (from >= text.length()) {
			return false;
		}
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c >= allowed.length || !allowed[c]) {
				return false;
			}
		}
		return true;
	}

	private static String reserved(String field, String name, Set<String> reserved) {
		if (reserved.contains(name)) {
			throw new InvalidNameException(field, "'" + name + "' is reserved by SCST");
		}
		return name;
	}

	/** The value with control characters made visible, shortened, for messages. */
	private static String printable(String value) {
		if (value == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		value.codePoints().limit(80).forEach((c) -> {
			if (c < 0x20 || c == 0x7f) {
				out.append(String.format("\\x%02x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return (value.length() > 80) ? out + "..." : out.toString();
	}

}
