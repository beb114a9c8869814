package io.scst.manager.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.scst.manager.config.ConfigSaver;
import io.scst.manager.config.ConfigService;
import io.scst.manager.config.Drift;
import io.scst.manager.config.LastApply;
import io.scst.manager.config.RestoreReport;
import io.scst.manager.config.SavedConfigNotFoundException;
import io.scst.manager.sysfs.SysfsException;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health component {@code scstConfig}: whether the live SCST configuration still equals
 * the saved desired state (drift is reported, never DOWN: the kernel is the truth) and
 * how the last apply ended; whether a save is pending, when the last save finished and
 * the last save's error; how the restore at start ended (a refused or failed restore with
 * its problems).
 */
@Component("scstConfig")
class ConfigHealthIndicator implements HealthIndicator {

	private final ConfigService service;

	private final ConfigSaver saver;

	ConfigHealthIndicator(ConfigService service, ConfigSaver saver) {
		this.service = service;
		this.saver = saver;
	}

	@Override
	public Health health() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("savedFile", this.service.savedFile());
		try {
			Drift drift = this.service.drift();
			details.put("inSync", drift.inSync());
			details.put("differences", drift.differences().size());
		}
		catch (SavedConfigNotFoundException ex) {
			details.put("inSync", null);
			details.put("saved", false);
		}
		catch (SysfsException ex) {
			details.put("inSync", null);
			details.put("error", ex.getMessage());
		}
		details.put("savePending", this.saver.pending());
		Instant lastSaved = this.saver.lastSaved();
		if (lastSaved != null) {
			details.put("lastSaved", lastSaved.toString());
		}
		String saveError = this.saver.lastError();
		if (saveError != null) {
			details.put("lastSaveError", saveError);
		}
		RestoreReport restore = this.service.restoreReport();
		details.put("restore", restore.status());
		if (restore.status().equals("refused") || restore.status().equals("failed")) {
			details.put("restoreProblems",
					restore.objects()
						.stream()
						.filter((object) -> !object.status().equals("applied") && !object.status().equals("present"))
						.map((object) -> object.object() + ": " + object.detail())
						.toList());
		}
		LastApply last = this.service.lastApply();
		if (last != null) {
			details.put("lastApply", last);
		}
		return Health.up().withDetails(details).build();
	}

}
