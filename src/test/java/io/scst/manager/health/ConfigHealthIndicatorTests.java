package io.scst.manager.health;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.scst.manager.FreshSimulator;
import io.scst.manager.change.ChangePipeline;
import io.scst.manager.config.ApplyFailedException;
import io.scst.manager.config.ConfigFormat;
import io.scst.manager.config.ConfigSaver;
import io.scst.manager.config.ConfigService;
import io.scst.manager.config.ConfigStore;
import io.scst.manager.config.LastApply;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The {@code scstConfig} health component on a fresh simulator. */
class ConfigHealthIndicatorTests extends FreshSimulator {

	@TempDir
	Path dir;

	@Test
	void reportsNothingSavedYet() {
		Health health = indicator(service()).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("saved", false).doesNotContainKey("lastApply");
	}

	@Test
	void driftIsReportedButNeverDown() {
		ConfigService service = service();
		service.saveLive();
		assertThat(indicator(service).health().getDetails()).containsEntry("inSync", true)
			.containsEntry("differences", 0);
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "drift1", Map.of()));
		Health health = indicator(service).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("inSync", false);
		assertThat((Integer) health.getDetails().get("differences")).isPositive();
	}

	@Test
	void showsHowTheLastApplyEnded() {
		ConfigService service = service();
		String config = """
				HANDLER vdisk_nullio {
					DEVICE hnull1
				}
				""";
		service.apply(ConfigFormat.parse(config), Set.of());
		assertThat(service.lastApply()).satisfies((last) -> {
			assertThat(last.outcome()).isEqualTo("ok");
			assertThat(last.steps()).isEqualTo(1);
		});
		this.simulator.faults().failWrites(ScstTree.handlerMgmt("vdisk_nullio"), Errno.ENOMEM, 1);
		String more = """
				HANDLER vdisk_nullio {
					DEVICE hnull1
					DEVICE hnull2
				}
				""";
		assertThatExceptionOfType(ApplyFailedException.class)
			.isThrownBy(() -> service.apply(ConfigFormat.parse(more), Set.of()));
		LastApply last = (LastApply) indicator(service).health().getDetails().get("lastApply");
		assertThat(last.outcome()).isEqualTo("failed");
		assertThat(last.command()).contains("add_device hnull2");
		assertThat(last.rolledBack()).isTrue();
	}

	private ConfigService service() {
		return new ConfigService(this.sysfs, new ConfigStore(this.dir.resolve("saved.conf"), 2),
				ChangePipeline.unrestricted(this.sysfs));
	}

	@Test
	void showsAFailedSave() throws Exception {
		Path blocked = this.dir.resolve("blocked");
		Files.writeString(blocked, "a file where a directory is needed");
		ConfigService service = new ConfigService(this.sysfs, new ConfigStore(blocked.resolve("saved.conf"), 2),
				ChangePipeline.unrestricted(this.sysfs));
		ConfigSaver saver = new ConfigSaver(service, Supplier::get);
		saver.changed();
		assertThat(saver.awaitSaved(Duration.ofSeconds(10))).isTrue();
		Map<String, Object> details = new ConfigHealthIndicator(service, saver).health().getDetails();
		assertThat(details).containsEntry("savePending", false);
		assertThat((String) details.get("lastSaveError")).contains("saved.conf");
		assertThat(details).doesNotContainKey("lastSaved");
		saver.destroy();
	}

	private static ConfigHealthIndicator indicator(ConfigService service) {
		return new ConfigHealthIndicator(service, new ConfigSaver(service, Supplier::get));
	}

}
