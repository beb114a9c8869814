package io.scst.manager.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.config.ConfigService;
import io.scst.manager.config.ConfigStore;
import io.scst.manager.lun.LunChange;
import io.scst.manager.lun.LunRemoval;
import io.scst.manager.lun.LunService;

import io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener;
import io.scst.manager.sysfs.LinuxScsiDevice;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScsiDevices;
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

	private final AtomicLong polls = new AtomicLong();

	private SimulatedScstSysfs sysfs;

	private ScsiDevices scsi;

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
	void withUpstreamsScstLocalTheDeviceOfARemovedLunDoesNotHoldUpLaterChanges() {
		SessionService service = service(SimulatorOptions.defaults().withRemoveStaleDevices(false),
				Duration.ofSeconds(10));
		service.create(LOCAL, "scan_t", new CreateSessionRequest("scan_gone"));
		// upstream's scst_local leaves the device of a LUN taken away: a host with more
		// devices than LUNs is settled
		this.changes.run(MgmtCommand.delLun(LOCAL, "scan_t", null, 2));
		assertThat(
				new SimulatedScsiDevices(this.simulator).ofHost(service.describe(LOCAL, "scan_t", "scan_gone").host()))
			.hasSize(3);
		long before = this.polls.get();
		this.changes.run(MgmtCommand.createGroup(LOCAL, "scan_t", "scan_g"));
		assertThat(this.polls.get() - before).as("looks at the host's devices once, no waiting").isEqualTo(1);
	}

	@Test
	void lunChangesAnswerWithTheDevicesThatAppearedAndWent() {
		SessionService sessions = service(Duration.ofMillis(150), Duration.ofSeconds(10));
		LunService luns = new LunService(this.sysfs, new SessionHosts(this.sysfs, this.scsi), this.changes);
		sessions.create(LOCAL, "scan_t", new CreateSessionRequest("scan_a"));
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "scan_d3", Map.of()));

		LunChange added = luns.put(LOCAL, "scan_t", null, 3, "scan_d3", false);
		assertThat(added.sessions()).singleElement().satisfies((changes) -> {
			assertThat(changes.session()).isEqualTo("scan_a");
			assertThat(changes.appeared()).extracting(LinuxScsiDevice::lun).containsExactly(3);
			assertThat(changes.gone()).isEmpty();
			assertThat(changes.notAttached()).isEmpty();
		});
		String device = added.sessions().get(0).appeared().get(0).blockDevice();

		LunRemoval removed = luns.delete(LOCAL, "scan_t", null, 3);
		assertThat(removed.removed()).containsExactly(3);
		assertThat(removed.sessions()).singleElement().satisfies((changes) -> {
			assertThat(changes.gone()).extracting(LinuxScsiDevice::blockDevice).containsExactly(device);
			assertThat(changes.appeared()).isEmpty();
		});
		assertThat(this.scsi.ofHost(removed.sessions().get(0).host())).extracting(LinuxScsiDevice::lun)
			.containsExactly(0, 1, 2);

		LunRemoval cleared = luns.clear(LOCAL, "scan_t", null);
		assertThat(cleared.removed()).containsExactly(0, 1, 2);
		assertThat(cleared.sessions()).singleElement()
			.satisfies(
					(changes) -> assertThat(changes.gone()).extracting(LinuxScsiDevice::lun).containsExactly(0, 1, 2));
	}

	@Test
	void aGroupsLunChangeConcernsOnlyTheSessionsOfThatGroup() {
		SessionService sessions = service(Duration.ofMillis(100), Duration.ofSeconds(10));
		LunService luns = new LunService(this.sysfs, new SessionHosts(this.sysfs, this.scsi), this.changes);
		this.changes.run(MgmtCommand.createGroup(LOCAL, "scan_t", "scan_g"));
		this.changes.run(MgmtCommand.addInitiator(LOCAL, "scan_t", "scan_g", "scan_in"));
		sessions.create(LOCAL, "scan_t", new CreateSessionRequest("scan_in"));
		sessions.create(LOCAL, "scan_t", new CreateSessionRequest("scan_out"));

		LunChange change = luns.put(LOCAL, "scan_t", "scan_g", 0, "scan_d2", true);
		assertThat(change.sessions()).singleElement().satisfies((changes) -> {
			assertThat(changes.session()).isEqualTo("scan_in");
			assertThat(changes.appeared()).extracting(LinuxScsiDevice::lun).containsExactly(0);
		});
		assertThat(luns.put(LOCAL, "scan_t", null, 7, "scan_d2", false).sessions()).singleElement()
			.satisfies((changes) -> assertThat(changes.session()).isEqualTo("scan_out"));
	}

	@Test
	void withUpstreamsScstLocalARemovalListsNoDeviceAsGoneAndDoesNotWaitForIt() {
		SessionService sessions = service(SimulatorOptions.defaults().withRemoveStaleDevices(false),
				Duration.ofSeconds(10));
		LunService luns = new LunService(this.sysfs, new SessionHosts(this.sysfs, this.scsi), this.changes);
		sessions.create(LOCAL, "scan_t", new CreateSessionRequest("scan_up"));
		long before = this.polls.get();
		LunRemoval removed = luns.delete(LOCAL, "scan_t", null, 1);
		assertThat(removed.sessions()).singleElement().satisfies((changes) -> assertThat(changes.gone()).isEmpty());
		assertThat(this.polls.get() - before).as("reads the devices before, once settled and after; no waiting")
			.isLessThanOrEqualTo(3);
	}

	@Test
	void sessionsWithoutAScsiHostSayNothingAboutAttaching() {
		SessionService service = service(Duration.ZERO, Duration.ofSeconds(10));
		assertThat(service.describe("copy_manager", "copy_manager_tgt", "copy_manager_sess").luns())
			.allSatisfy((lun) -> assertThat(lun.attached()).isNull());
	}

	private SessionService service(Duration scanDelay, Duration timeout) {
		return service(SimulatorOptions.defaults().withScanDelay(scanDelay), timeout);
	}

	private SessionService service(SimulatorOptions options, Duration timeout) {
		this.simulator = new ScstSimulator(options);
		SimulatedScstSysfs sysfs = new SimulatedScstSysfs(this.simulator, timeout, GatewayListener.NONE);
		this.sysfs = sysfs;
		this.changes = ChangePipeline.unrestricted(sysfs);
		sysfs.mgmt(MgmtCommand.addTarget(LOCAL, "scan_t", Map.of()));
		for (int lun = 0; lun < 3; lun++) {
			sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "scan_d" + lun, Map.of()));
			sysfs.mgmt(MgmtCommand.addLun(LOCAL, "scan_t", null, lun, "scan_d" + lun, false));
		}
		SimulatedScsiDevices simulated = new SimulatedScsiDevices(this.simulator);
		ScsiDevices scsi = new ScsiDevices() {
			@Override
			public List<LinuxScsiDevice> ofHost(int host) {
				SessionScanTests.this.polls.incrementAndGet();
				return simulated.ofHost(host);
			}

			@Override
			public Optional<Map<String, String>> moduleParameters(String module) {
				return simulated.moduleParameters(module);
			}
		};
		this.scsi = scsi;
		TargetDriverService drivers = new TargetDriverService(sysfs, scsi);
		return new SessionService(sysfs, scsi, drivers, new TargetService(sysfs, drivers, this.changes), this.changes);
	}

}
