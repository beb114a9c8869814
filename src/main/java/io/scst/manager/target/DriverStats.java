package io.scst.manager.target;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A driver's {@code stats} file (scst_local: error-handler requests since module load).
 *
 * @param counts the counts by name when the file is a simple {@code Name: n, Name: n}
 * line (e.g. {@code Aborts}, {@code Device Resets}, {@code Target Resets}), otherwise
 * {@code null}
 * @param raw the file's value as read
 */
@Schema(description = "The driver's stats file, parsed when it is a simple 'Name: n, ...' line")
public record DriverStats(@Nullable Map<String, Long> counts,
		@Schema(example = "Aborts: 0, Device Resets: 0, Target Resets: 0") String raw) {

}
