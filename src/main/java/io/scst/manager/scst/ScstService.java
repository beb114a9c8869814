package io.scst.manager.scst;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.scst.manager.sysfs.ScstBusyException;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.ScstUnavailableException;
import io.scst.manager.sysfs.model.AttributeFile;
import io.scst.manager.sysfs.model.Scst;
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

	private final Scst scst;

	public ScstService(ScstSysfs sysfs) {
		this.sysfs = sysfs;
		this.scst = Scst.of(sysfs);
	}

	/**
	 * Read the SCST core's state.
	 * @return what the tree shows now
	 * @throws ScstUnavailableException when the tree is not there
	 */
	public ScstInfo describe() {
		requireAvailable();
		Map<String, String> build = parseVersionFile(this.scst.version().value());
		return new ScstInfo(version(build), build, this.sysfs.mode().name().toLowerCase(Locale.ROOT),
				this.sysfs.location(), this.scst.setupId().value(), readInt(this.scst.threads()),
				readInt(this.scst.suspend()), lastManagementResult(), this.scst.targetDriverNames(),
				this.scst.handlerNames());
	}

	/**
	 * Read the SCST version.
	 * @return the version, e.g. {@code 3.11.0-pre}
	 * @throws ScstUnavailableException when the tree is not there
	 */
	public String version() {
		requireAvailable();
		return version(parseVersionFile(this.scst.version().value()));
	}

	/**
	 * How many times SCST's I/O is suspended now ({@code 0}: running). Above 0 after a
	 * client died between suspending and resuming, initiators see no I/O until someone
	 * writes {@code -1} to {@code suspend}.
	 * @return the suspend count
	 * @throws ScstUnavailableException when the tree is not there
	 */
	public int suspendCount() {
		requireAvailable();
		return readInt(this.scst.suspend());
	}

	private void requireAvailable() {
		if (!this.scst.available()) {
			throw new ScstUnavailableException(
					"The SCST sysfs tree is not there at " + this.sysfs.location() + " (are the SCST modules loaded?)",
					ScstPath.ROOT, null);
		}
	}

	private @Nullable Integer lastManagementResult() {
		try {
			AttributeFile result = this.scst.lastResult();
			return parseInt(result.path(), result.contentWithoutWaiting().value());
		}
		catch (ScstBusyException ex) {
			return null;
		}
	}

	private static int readInt(AttributeFile file) {
		return parseInt(file.path(), file.value());
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
