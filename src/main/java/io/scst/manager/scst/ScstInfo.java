package io.scst.manager.scst;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The SCST core as read from its sysfs root at one moment.
 *
 * @param version the SCST version, e.g. {@code 3.11.0-pre}
 * @param build every {@code key: value} line of the {@code version} file in file order,
 * e.g. {@code SCST build date}; values may be empty
 * @param mode which gateway answered: {@code kernel} or {@code simulator}
 * @param location where the tree is: the sysfs root directory, or the simulator
 * @param setupId the setup identifier as SCST shows it, e.g. {@code 0x0}
 * @param threads the number of global I/O threads
 * @param suspendCount how many times I/O is currently suspended ({@code 0}: running)
 * @param lastManagementResult the result of the last completed management command
 * ({@code 0} or a negative errno), or {@code null} while management work is still in
 * flight
 * @param targetDrivers the registered target drivers, e.g. {@code scst_local}
 * @param handlers the registered device handlers, e.g. {@code vdisk_fileio}
 */
public record ScstInfo(String version, Map<String, String> build, String mode, String location, String setupId,
		int threads, int suspendCount, @Nullable Integer lastManagementResult, List<String> targetDrivers,
		List<String> handlers) {

	public ScstInfo {
		build = Collections.unmodifiableMap(new LinkedHashMap<>(build));
		targetDrivers = List.copyOf(targetDrivers);
		handlers = List.copyOf(handlers);
	}

}
