package io.scst.manager.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What one walk of the SCST tree found: the counters and sizes behind the metrics.
 * Read-only; taken at once, never updated.
 *
 * @param takenAt when the walk started
 * @param took how long the walk took
 * @param available whether the SCST tree was there
 * @param version the SCST version, when known
 * @param threads the global I/O thread count, when known
 * @param suspendCount how many times SCST's I/O is suspended now ({@code 0}: running),
 * when known
 * @param targets targets in tree order (up to {@code scst.metrics.max-targets})
 * @param sessions sessions in tree order (up to {@code scst.metrics.max-sessions})
 * @param devices devices in tree order (up to {@code scst.metrics.max-devices})
 * @param localDriverStats scst_local's {@code stats} counts by name ({@code Aborts},
 * {@code Device Resets}, {@code Target Resets}), or {@code null} when scst_local is not
 * loaded (sorted by name)
 * @param dropped how many objects were left out by the caps
 */
@Schema(description = "One walk of the SCST tree: the counters behind the metrics")
public record ScstSnapshot(Instant takenAt, Duration took, boolean available, @Nullable String version,
		@Nullable Integer threads, @Nullable Integer suspendCount, List<TargetStats> targets,
		List<SessionStats> sessions, List<DeviceStats> devices, @Nullable Map<String, Long> localDriverStats,
		Dropped dropped) {

	public ScstSnapshot {
		targets = List.copyOf(targets);
		sessions = List.copyOf(sessions);
		devices = List.copyOf(devices);
		localDriverStats = (localDriverStats != null) ? Collections.unmodifiableMap(new TreeMap<>(localDriverStats))
				: null;
	}

	/** A snapshot of a tree that is not there. */
	static ScstSnapshot unavailable(Instant takenAt, Duration took) {
		return new ScstSnapshot(takenAt, took, false, null, null, null, List.of(), List.of(), List.of(), null,
				new Dropped(0, 0, 0));
	}

	/**
	 * A target.
	 *
	 * @param driver the target driver
	 * @param target the target name
	 * @param sessions how many sessions it has (all of them, capped or not)
	 * @param luns how many LUNs it maps: its own LUN set and all its initiator groups'
	 */
	public record TargetStats(String driver, String target, int sessions, int luns) {

	}

	/**
	 * A session and the counter files of its sysfs directory.
	 *
	 * @param driver the target driver
	 * @param target the target name
	 * @param session the session directory name
	 * @param initiator the initiator name
	 * @param commands commands inside SCST now ({@code commands})
	 * @param activeCommands the sum of the LUNs' active commands
	 * ({@code active_commands})
	 * @param directions completed commands and bytes per data direction, in the order
	 * read, write, bidi, none, unknown (directions the session does not show are left
	 * out)
	 * @param difChecksFailed DIF check failures, empty unless the session has them
	 */
	public record SessionStats(String driver, String target, String session, String initiator, @Nullable Long commands,
			@Nullable Long activeCommands, List<DirectionStats> directions, List<DifFailures> difChecksFailed) {

		public SessionStats {
			directions = List.copyOf(directions);
			difChecksFailed = List.copyOf(difChecksFailed);
		}

	}

	/**
	 * The counters of one data direction of a session.
	 *
	 * @param direction {@code read}, {@code write}, {@code bidi}, {@code none} or
	 * {@code unknown}
	 * @param commands completed commands
	 * @param bytes transferred bytes (SCST shows KiB: this is KiB × 1024), {@code null}
	 * for {@code none} and {@code unknown}
	 * @param unalignedCommands commands not 4 KiB aligned, {@code null} for {@code none}
	 * and {@code unknown}
	 */
	public record DirectionStats(String direction, long commands, @Nullable Long bytes,
			@Nullable Long unalignedCommands) {

	}

	/**
	 * One cell of a {@code dif_checks_failed} table.
	 *
	 * @param stage where the check failed: {@code tgt}, {@code scst} or {@code dev}
	 * @param check which tag: {@code app}, {@code ref} or {@code guard}
	 * @param count how many failures
	 */
	public record DifFailures(String stage, String check, long count) {

	}

	/**
	 * A device.
	 *
	 * @param device the device name
	 * @param handler its handler, {@code null} when it has none
	 * @param sizeBytes its size in bytes, when shown
	 * @param blockSize its logical block size in bytes, when shown
	 * @param readOnly whether it is read-only, when shown
	 * @param exportedLuns how many LUNs use it (its {@code exported/} links)
	 */
	public record DeviceStats(String device, @Nullable String handler, @Nullable Long sizeBytes,
			@Nullable Long blockSize, @Nullable Boolean readOnly, int exportedLuns) {

	}

	/**
	 * Objects left out of a snapshot by the caps.
	 *
	 * @param targets targets beyond {@code max-targets}
	 * @param sessions sessions beyond {@code max-sessions} (and those of dropped targets)
	 * @param devices devices beyond {@code max-devices}
	 */
	public record Dropped(int targets, int sessions, int devices) {

	}

}
