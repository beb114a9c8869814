package io.scst.manager.config;

import java.math.BigInteger;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;

/**
 * When two attribute values mean the same to SCST: numbers in any base the kernel accepts
 * ({@code 0x10}, {@code 16}), paths with redundant parts, words in another case, and
 * sizes given in MiB.
 */
final class Values {

	static final String READ_ONLY = ScstTree.READ_ONLY;

	private Values() {
	}

	/**
	 * Whether a desired value equals a live one.
	 * @param attribute the attribute name
	 * @param desired the value from the configuration
	 * @param live the value read from the tree
	 * @return whether SCST would treat them as the same
	 */
	static boolean equivalent(String attribute, @Nullable String desired, @Nullable String live) {
		if (desired == null || live == null) {
			return desired == null && live == null;
		}
		String a = desired.strip();
		String b = live.strip();
		if (a.equals(b)) {
			return true;
		}
		BigInteger x = number(a);
		BigInteger y = number(b);
		if (x != null && y != null) {
			return x.equals(y);
		}
		if (attribute.equals(ScstTree.FILENAME) || (a.startsWith("/") && b.startsWith("/"))) {
			return path(a).equals(path(b));
		}
		return a.equalsIgnoreCase(b);
	}

	/** Whether a flag value is on (a non-zero number, or {@code y}/{@code on}). */
	static boolean isTrue(String value) {
		BigInteger number = number(value.strip());
		if (number != null) {
			return number.signum() != 0;
		}
		String word = value.strip().toLowerCase(Locale.ROOT);
		return word.equals("y") || word.equals("yes") || word.equals("on") || word.equals("true");
	}

	/**
	 * A number as the kernel's auto-detecting parsers read it: {@code 0x} hexadecimal,
	 * leading {@code 0} octal, else decimal, optionally negative.
	 * @param text the text
	 * @return the number, or {@code null} when the text is not one
	 */
	static @Nullable BigInteger number(String text) {
		String digits = text;
		boolean negative = false;
		if (digits.startsWith("-")) {
			negative = true;
			digits = digits.substring(1);
		}
		else if (digits.startsWith("+")) {
			digits = digits.substring(1);
		}
		if (digits.isEmpty()) {
			return null;
		}
		int radix = 10;
		if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
			radix = 16;
			digits = digits.substring(2);
		}
		else if (digits.length() > 1 && digits.startsWith("0")) {
			radix = 8;
			digits = digits.substring(1);
		}
		for (int i = 0; i < digits.length(); i++) {
			if (Character.digit(digits.charAt(i), radix) < 0) {
				return null;
			}
		}
		BigInteger value = new BigInteger(digits, radix);
		return negative ? value.negate() : value;
	}

	private static String path(String text) {
		try {
			return Path.of(text).normalize().toString();
		}
		catch (InvalidPathException ex) {
			return text;
		}
	}

	/**
	 * A device's attributes with the size in bytes: {@code size_mb} becomes {@code size}
	 * (as SCST stores it and scstadmin saves it) unless {@code size} is given too.
	 * @param attributes the attributes as written
	 * @return the normalised attributes
	 */
	static Map<String, String> normaliseDevice(Map<String, String> attributes) {
		String sizeMb = attributes.get(ScstTree.SIZE_MB);
		if (sizeMb == null) {
			return attributes;
		}
		Map<String, String> normalised = new LinkedHashMap<>(attributes);
		normalised.remove(ScstTree.SIZE_MB);
		BigInteger mib = number(sizeMb.strip());
		if (mib == null) {
			normalised.put(ScstTree.SIZE_MB, sizeMb);
		}
		else if (!normalised.containsKey(ScstTree.SIZE)) {
			normalised.put(ScstTree.SIZE, mib.shiftLeft(20).toString());
		}
		return normalised;
	}

}
