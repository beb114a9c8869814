package io.scst.manager.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.config.ConfigService;
import io.scst.manager.config.ConfigStore;

import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScsiDevices;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import io.scst.manager.target.TargetDriverService;
import io.scst.manager.target.TargetService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new session's answer waits for the asynchronous SCSI scan of its host (the simulator
 * brings the devices up a moment later, as the kernel does).
 */
class SessionScanTests {

	private static final String LOCAL = "scst_local";

	private ScstSimulator simulator;

	private ChangePipeline changes;

	private SimulatedScstSysfs sysfs;

	@TempDir
	Path dir;

	@AfterEach
	void closeSimulator() {
		this.simulator.close();
	}

	@Test
	void aNewSessionAnswersWithEveryDeviceOfItsLuns() {
		SessionService service = service(Duration.ofMillis(150), Duration.ofSeconds(10));
		for (int i = 0; i < 20; i++) {
			Session session = service.create(LOCAL, "scan_t", new CreateSessionRequest("scan_s" + i));
			assertThat(session.luns()).as("session %d", i).hasSize(3).allSatisfy((lun) -> {
				assertThat(lun.attached()).isTrue();
				assertThat(lun.linux()).isNotNull();
				assertThat(lun.linux().lun()).isEqualTo(lun.lun());
			});
			assertThat(session.scsiDevices()).hasSize(3);
		}
	}

	@Test
	void aLunTheMidlayerDidNotAttachInTimeIsReportedAsSuch() {
		SessionService service = service(Duration.ofSeconds(30), Duration.ofMillis(200));
		Session session = service.create(LOCAL, "scan_t", new CreateSessionRequest("scan_late"));
		assertThat(session.host()).isNotNull();
		assertThat(session.luns()).hasSize(3).allSatisfy((lun) -> {
			assertThat(lun.linux()).isNull();
			assertThat(lun.attached()).isFalse();
		});
	}

	@Test
	void aConfigurationThatCreatesSessionsAndLunsAnswersAfterTheirScan() {
		SessionService service = service(Duration.ofMillis(150), Duration.ofSeconds(10));
		ConfigService config = new ConfigService(this.sysfs, new ConfigStore(this.dir.resolve("saved.conf"), 0),
				this.changes);
		config.apply("""
				TARGET_DRIVER scst_local {
					TARGET scan_cfg {
						session_name scan_cfg_s1
						session_name scan_cfg_s2
						LUN 0 scan_d0
						LUN 1 scan_d1
					}
				}
				""", null);
		for (String name : List.of("scan_cfg_s1", "scan_cfg_s2")) {
			assertThat(service.describe(LOCAL, "scan_cfg", name).luns()).as(name)
				.hasSize(2)
				.allSatisfy((lun) -> assertThat(lun.attached()).isTrue());
		}
	}

	@Test
	void sessionsWithoutAScsiHostSayNothingAboutAttaching() {
		SessionService service = service(Duration.ZERO, Duration.ofSeconds(10));
		assertThat(service.describe("copy_manager", "copy_manager_tgt", "copy_manager_sess").luns())
			.allSatisfy((lun) -> assertThat(lun.attached()).isNull());
	}

	private SessionService service(Duration scanDelay, Duration timeout) {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults().withScanDelay(scanDelay));
		SimulatedScstSysfs sysfs = new SimulatedScstSysfs(this.simulator, timeout, GatewayListener.NONE);
		this.sysfs = sysfs;
		this.changes = ChangePipeline.unrestricted(sysfs);
		sysfs.mgmt(MgmtCommand.addTarget(LOCAL, "scan_t", Map.of()));
		for (int lun = 0; lun < 3; lun++) {
			sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "scan_d" + lun, Map.of()));
			sysfs.mgmt(MgmtCommand.addLun(LOCAL, "scan_t", null, lun, "scan_d" + lun, false));
		}
		SimulatedScsiDevices scsi = new SimulatedScsiDevices(this.simulator);
		TargetDriverService drivers = new TargetDriverService(sysfs, scsi);
		return new SessionService(sysfs, scsi, drivers, new TargetService(sysfs, drivers, this.changes), this.changes);
	}

}
