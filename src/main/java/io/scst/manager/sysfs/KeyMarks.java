package io.scst.manager.sysfs;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * SCST's {@code [key]} marks on an object that a management command has just created,
 * where they follow from the command alone: a configuration save can then take the new
 * object from the command instead of reading it back. Only the cases whose rule is
 * certain are known (spec 1.2, 5.2 and 8, checked live for vdisk_fileio, vdisk_nullio and
 * LUNs; scst_vdisk.c for the rest); for everything else the answer is empty and the
 * object must be read.
 * <ul>
 * <li>A vdisk device shows the marker on a creation parameter that differs from its
 * default (flags off by default are marked when 1, {@code rotational} when 0,
 * {@code blocksize} when not 512, nullio's {@code size} when not its default),
 * {@code filename} always; nothing else of a new device is marked. vdisk_blockio is not
 * known: its {@code size} is always marked and comes from the block device.</li>
 * <li>A new scst_local target has no marked attribute and no {@code enabled} file; each
 * {@code session_name} opens a session of that initiator name.</li>
 * <li>A LUN's {@code read_only} reads {@code 1} with the marker when the LUN was added
 * read-only or its device is read-only (a vcdrom always is), else {@code 0} without
 * it.</li>
 * </ul>
 */
public final class KeyMarks {

	/** vdisk_nullio's size when none is given (2.5 TiB): shown without the marker. */
	public static final long NULLIO_DEFAULT_SIZE = 2_748_779_069_440L;

	private static final String NULLIO = "vdisk_nullio";

	private static final String FILEIO = "vdisk_fileio";

	private static final String CDROM = "vcdrom";

	/** The creation parameters whose mark is known, by handler. */
	private static final Map<String, Set<String>> KNOWN = Map.of(NULLIO,
			Set.of("size", "blocksize", "read_only", "rotational", "removable", "dummy"), FILEIO, Set.of("filename",
					"blocksize", "read_only", "write_through", "nv_cache", "o_direct", "rotational", "removable"),
			CDROM, Set.of());

	/** Block sizes shown as given (others are rounded down or refused). */
	private static final Set<String> BLOCK_SIZES = Set.of("512", "1024", "2048", "4096");

	/** A positive decimal that fits a signed 64-bit number, without leading zeros. */
	private static final Pattern DECIMAL = Pattern.compile("[1-9][0-9]{0,17}");

	private KeyMarks() {
	}

	/**
	 * The attributes that a device created by {@code add_device} with these parameters
	 * shows with the marker, and their values.
	 * @param handler the device's handler
	 * @param parameters the creation parameters as written
	 * @return the marked attributes, or empty when a rule is not known
	 */
	public static Optional<Map<String, String>> newDevice(String handler, Map<String, String> parameters) {
		Set<String> known = KNOWN.get(handler);
		if (known == null) {
			return Optional.empty();
		}
		Map<String, String> marked = new TreeMap<>();
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			String value = parameter.getValue();
			if (!known.contains(name)) {
				return Optional.empty();
			}
			boolean mark;
			switch (name) {
				case "size" -> {
					if (!DECIMAL.matcher(value).matches()) {
						return Optional.empty();
					}
					mark = Long.parseLong(value) != NULLIO_DEFAULT_SIZE;
				}
				case "blocksize" -> {
					if (!BLOCK_SIZES.contains(value)) {
						return Optional.empty();
					}
					mark = !value.equals("512");
				}
				case ScstTree.FILENAME -> {
					if (!value.startsWith("/")) {
						return Optional.empty();
					}
					mark = true;
				}
				default -> {
					if (!value.equals("0") && !value.equals("1")) {
						return Optional.empty();
					}
					mark = value.equals(name.equals("rotational") ? "0" : "1");
				}
			}
			if (mark) {
				marked.put(name, value);
			}
		}
		return Optional.of(marked);
	}

	/**
	 * Whether a target that {@code add_target} creates on this driver shows no marked
	 * attribute and no {@code enabled} file (so it saves as its name, sessions and LUNs
	 * only).
	 * @param driver the target driver
	 * @return whether that is known
	 */
	public static boolean newTargetUnmarked(String driver) {
		return driver.equals(ScstTree.SCST_LOCAL);
	}

	/**
	 * Whether a new LUN reads read-only (then with the marker).
	 * @param addedReadOnly whether it was added with {@code read_only=1}
	 * @param deviceHandler its device's handler
	 * @param deviceReadOnly its device's {@code read_only} value, or {@code null} when
	 * the device has none
	 * @return whether its {@code read_only} reads {@code 1} with the marker
	 */
	public static boolean newLunReadOnly(boolean addedReadOnly, String deviceHandler, @Nullable String deviceReadOnly) {
		return addedReadOnly || deviceHandler.equals(CDROM) || "1".equals(deviceReadOnly);
	}

}
