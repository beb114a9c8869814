package io.scst.manager.config;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * What restoring the saved configuration at start did, per object.
 *
 * @param status {@code disabled} (restore-on-start is off), {@code nothing-saved},
 * {@code done} (every object present or applied), {@code failed} (some objects failed) or
 * {@code refused} (the saved configuration did not pass the checks every change passes,
 * so nothing was applied)
 * @param savedFile the saved configuration's file
 * @param objects one line per object of the saved configuration
 */
@Schema(description = "Per-object report of the restore at start")
public record RestoreReport(@Schema(example = "done") String status, String savedFile, List<ObjectReport> objects) {

	public RestoreReport {
		objects = List.copyOf(objects);
	}

	/**
	 * One object.
	 *
	 * @param object the object, named like its API resource
	 * @param status {@code applied}, {@code present} (already as saved), {@code failed}
	 * or {@code refused}
	 * @param detail why it failed, or the steps written
	 */
	@Schema(description = "One object of the restore")
	public record ObjectReport(@Schema(example = "devices/disk1") String object,
			@Schema(example = "applied") String status, @Nullable String detail) {

	}

}
