package io.scst.manager.config;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The save of the live configuration that a change's answer waited for.
 *
 * @param outcome {@code written} (a new version of the file), {@code unchanged} (the file
 * already held it) or {@code failed} (the change stands; see the health details)
 * @param millis how long the save took: reading what changed, writing the file, flushing
 * it to disk and renaming it over the old one
 */
@Schema(description = "The save of the live configuration done before this answer (read-your-writes: drift and "
		+ "the saved file already reflect the change)")
public record SaveReport(@Schema(allowableValues = {
		"written", "unchanged", "failed" }) String outcome, double millis){

	static SaveReport of(ConfigSaver.Saved saved) {
		return new SaveReport(saved.outcome(), Math.round(saved.millis() * 1000) / 1000.0);
	}

}
