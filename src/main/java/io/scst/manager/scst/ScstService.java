package io.scst.manager.scst;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.ScstBusyException;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.ScstUnavailableException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The SCST core: version, global settings, target drivers and handlers. Every call reads
 * the tree again through the {@link ScstSysfs} gateway; nothing is cached.
 */
@Service
public class ScstService {

	private static final String VERSION_KEY = "SCST version";

	private final ScstSysfs sysfs;

	public ScstService(ScstSysfs sysfs) {
		this.sysfs = sysfs;
	}

	/**
	 * Read the SCST core's state.
	 * @return what the tree shows now
	 * @throws ScstUnavailableException when the tree is not there
	 */
	public ScstInfo describe() {
		requireAvailable();
		Map<String, String> build = parseVersionFile(this.sysfs.read(ScstTree.VERSION).value());
		return new ScstInfo(version(build), build, this.sysfs.mode().name().toLowerCase(Locale.ROOT),
				this.sysfs.location(), this.sysfs.read(ScstTree.SETUP_ID).value(), readInt(ScstTree.THREADS),
				readInt(ScstTree.SUSPEND), lastManagementResult(), directories(ScstTree.TARGET_DRIVERS),
				directories(ScstTree.HANDLERS));
	}

	/**
	 * Read the SCST version.
	 * @return the version, e.g. {@code 3.11.0-pre}
	 * @throws ScstUnavailableException when the tree is not there
	 */
	public String version() {
		requireAvailable();
		return version(parseVersionFile(this.sysfs.read(ScstTree.VERSION).value()));
	}

	private void requireAvailable() {
		if (!this.sysfs.available()) {
			throw new ScstUnavailableException(
					"The SCST sysfs tree is not there at " + this.sysfs.location() + " (are the SCST modules loaded?)",
					ScstPath.ROOT, null);
		}
	}

	private @Nullable Integer lastManagementResult() {
		try {
			return parseInt(ScstTree.LAST_RESULT, this.sysfs.readWithoutWaiting(ScstTree.LAST_RESULT).value());
		}
		catch (ScstBusyException ex) {
			return null;
		}
	}

	private int readInt(ScstPath path) {
		return parseInt(path, this.sysfs.read(path).value());
	}

	private static int parseInt(ScstPath path, String text) {
		String value = text.strip();
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new ScstUnavailableException("Unexpected content of " + path + ": '" + value + "'", path, ex);
		}
	}

	private List<String> directories(ScstPath dir) {
		return this.sysfs.list(dir).stream().filter(Entry::isDirectory).map(Entry::name).toList();
	}

	private static String version(Map<String, String> build) {
		String version = build.get(VERSION_KEY);
		if (version == null || version.isEmpty()) {
			throw new ScstUnavailableException("The version file has no '" + VERSION_KEY + "' line", ScstTree.VERSION,
					null);
		}
		return version;
	}

	/**
	 * Parse SCST's {@code version} file: one {@code key: value} per line, values possibly
	 * empty; lines without a colon are ignored.
	 * @param text the file's content
	 * @return the values by key, in file order
	 */
	static Map<String, String> parseVersionFile(String text) {
		Map<String, String> values = new LinkedHashMap<>();
		for (String line : text.split("\n")) {
			int colon = line.indexOf(':');
			if (colon > 0) {
				values.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
			}
		}
		return values;
	}

}
