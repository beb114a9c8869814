package io.scst.manager.target;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scst.manager.sysfs.ScsiDevices;
import io.scst.manager.sysfs.ScstNames;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.model.AttributeFile;
import io.scst.manager.sysfs.model.Scst;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

/**
 * The target drivers registered with SCST ({@code targets/<driver>/}): their attributes,
 * targets and what their management file offers. Read live on every call.
 */
@Service
public class TargetDriverService {

	private final Scst scst;

	private final ScsiDevices scsiDevices;

	public TargetDriverService(ScstSysfs sysfs, ScsiDevices scsiDevices) {
		this.scst = Scst.of(sysfs);
		this.scsiDevices = scsiDevices;
	}

	/**
	 * List every target driver.
	 * @return the drivers, sorted by name
	 */
	public List<TargetDriverSummary> list() {
		return this.scst.targetDriverNames()
			.stream()
			.map((driver) -> new TargetDriverSummary(driver, version(driver), targetNames(driver).size()))
			.toList();
	}

	/**
	 * Describe one driver.
	 * @param driver the driver name
	 * @return the driver as read now
	 * @throws TargetDriverNotFoundException when there is no such driver
	 */
	public TargetDriver describe(String driver) {
		requireDriver(driver);
		return new TargetDriver(driver, version(driver), this.scst.targetDriver(driver).attributes(),
				targetNames(driver), capabilities(driver), stats(driver),
				this.scsiDevices.moduleParameters(driver).orElse(null));
	}

	/**
	 * Check that a driver exists.
	 * @param driver the driver name (validated first)
	 * @throws io.scst.manager.sysfs.InvalidNameException when the name is not a name
	 * @throws TargetDriverNotFoundException when there is no such driver
	 */
	public void requireDriver(String driver) {
		ScstNames.handler("driver", driver);
		if (!this.scst.targetDriver(driver).exists()) {
			throw new TargetDriverNotFoundException(driver);
		}
	}

	/**
	 * What a driver's management file offers.
	 * @param driver the driver name
	 * @return its capabilities; none when it has no readable {@code mgmt}
	 * @throws TargetDriverNotFoundException when there is no such driver
	 */
	public DriverCapabilities capabilities(String driver) {
		requireDriver(driver);
		AttributeFile mgmt = this.scst.targetDriver(driver).mgmt();
		if (!mgmt.isReadableAndWritable()) {
			return DriverCapabilities.NONE;
		}
		return DriverCapabilities.fromHelp(mgmt.value());
	}

	/**
	 * The names of a driver's targets (entry names with {@code !} shown as {@code /}).
	 * @param driver an existing driver
	 * @return the names, sorted
	 */
	List<String> targetNames(String driver) {
		return this.scst.targetDriver(driver).targetNames().stream().sorted().toList();
	}

	private @Nullable String version(String driver) {
		AttributeFile file = this.scst.targetDriver(driver).version();
		if (!file.isReadable()) {
			return null;
		}
		String value = file.value();
		int end = value.indexOf('\n');
		return (end >= 0) ? value.substring(0, end) : value;
	}

	private @Nullable DriverStats stats(String driver) {
		AttributeFile file = this.scst.targetDriver(driver).stats();
		if (!file.isReadable()) {
			return null;
		}
		String raw = file.value();
		return new DriverStats(parseStats(raw), raw);
	}

	/**
	 * Parse a {@code stats} line of the form {@code Name: n, Name: n}.
	 * @param raw the value
	 * @return the counts in file order, or {@code null} when the text has another shape
	 */
	static @Nullable Map<String, Long> parseStats(String raw) {
		if (raw.isBlank() || raw.indexOf('\n') >= 0) {
			return null;
		}
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String part : raw.split(",")) {
			int colon = part.indexOf(':');
			if (colon <= 0) {
				return null;
			}
			String name = part.substring(0, colon).strip();
			String number = part.substring(colon + 1).strip();
			if (name.isEmpty() || number.isEmpty() || number.length() > 18
					|| !number.chars().allMatch(Character::isDigit)) {
				return null;
			}
			counts.put(name, Long.valueOf(number));
		}
		return counts;
	}

}
