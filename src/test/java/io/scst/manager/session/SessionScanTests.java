package io.scst.manager.session;

import java.time.Duration;
import java.util.Map;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A new session's answer waits for the asynchronous SCSI scan of its host (the simulator
 * brings the devices up a moment later, as the kernel does).
 */
class SessionScanTests {

	private static final String LOCAL = "scst_local";

	private ScstSimulator simulator;

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
	void sessionsWithoutAScsiHostSayNothingAboutAttaching() {
		SessionService service = service(Duration.ZERO, Duration.ofSeconds(10));
		assertThat(service.describe("copy_manager", "copy_manager_tgt", "copy_manager_sess").luns())
			.allSatisfy((lun) -> assertThat(lun.attached()).isNull());
	}

	private SessionService service(Duration scanDelay, Duration timeout) {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults().withScanDelay(scanDelay));
		SimulatedScstSysfs sysfs = new SimulatedScstSysfs(this.simulator, timeout, GatewayListener.NONE);
		sysfs.mgmt(MgmtCommand.addTarget(LOCAL, "scan_t", Map.of()));
		for (int lun = 0; lun < 3; lun++) {
			sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "scan_d" + lun, Map.of()));
			sysfs.mgmt(MgmtCommand.addLun(LOCAL, "scan_t", null, lun, "scan_d" + lun, false));
		}
		SimulatedScsiDevices scsi = new SimulatedScsiDevices(this.simulator);
		TargetDriverService drivers = new TargetDriverService(sysfs, scsi);
		return new SessionService(sysfs, scsi, drivers, new TargetService(sysfs, drivers));
	}

}
