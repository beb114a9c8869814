package io.scst.manager.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.LinuxScsiDevice;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.ScstTreeFixtures;
import io.scst.manager.sysfs.simulation.SimulatedScsiDevices;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import io.scst.manager.sysfs.simulation.WriteRecord;
import io.scst.manager.target.CreateTargetRequest;
import io.scst.manager.target.TargetDriverService;
import io.scst.manager.target.TargetNotFoundException;
import io.scst.manager.target.TargetService;
import io.scst.manager.target.UnsupportedByDriverException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link SessionService} on a fresh simulator. */
class SessionServiceTests {

	private static final String LOCAL = "scst_local";

	private static final String TGT = "scst_local_tgt";

	@TempDir
	Path temp;

	private ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults());

	private SimulatedScstSysfs sysfs = new SimulatedScstSysfs(this.simulator);

	private SessionService service = service();

	private TargetService targets = new TargetService(this.sysfs,
			new TargetDriverService(this.sysfs, new SimulatedScsiDevices(this.simulator)));

	@AfterEach
	void closeSimulator() {
		this.simulator.close();
	}

	private SessionService service() {
		SimulatedScsiDevices scsi = new SimulatedScsiDevices(this.simulator);
		TargetDriverService drivers = new TargetDriverService(this.sysfs, scsi);
		return new SessionService(this.sysfs, scsi, drivers, new TargetService(this.sysfs, drivers));
	}

	@Test
	void listsSessionsWithInitiatorNames() {
		assertThat(this.service.list(LOCAL, TGT))
			.containsExactly(new SessionSummary("scst_local_host", "scst_local_host"));
		assertThat(this.service.list("copy_manager", "copy_manager_tgt"))
			.containsExactly(new SessionSummary("copy_manager_sess", "copy_manager_sess"));
	}

	@Test
	void describesAnIdleSession() {
		Session session = this.service.describe(LOCAL, TGT, "scst_local_host");
		assertThat(session.name()).isEqualTo("scst_local_host");
		assertThat(session.initiatorName()).isEqualTo("scst_local_host");
		assertThat(session.driver()).isEqualTo(LOCAL);
		assertThat(session.target()).isEqualTo(TGT);
		assertThat(session.group()).isNull();
		assertThat(session.host()).isZero();
		assertThat(session.luns()).isEmpty();
		assertThat(session.scsiDevices()).isEmpty();
		assertThat(session.counters()).containsOnlyKeys("commands", "active_commands", "read_cmd_count",
				"read_io_count_kb", "read_unaligned_cmd_count", "write_cmd_count", "write_io_count_kb",
				"write_unaligned_cmd_count", "bidi_cmd_count", "bidi_io_count_kb", "bidi_unaligned_cmd_count",
				"none_cmd_count", "unknown_cmd_count");
		assertThat(session.counters().values()).containsOnly(0L);
	}

	@Test
	void decodesTheDefaultSasTransportId() {
		TransportId id = this.service.describe(LOCAL, TGT, "scst_local_host").transportId();
		// scst_local: the first session after module load
		assertThat(id).isEqualTo(
				new TransportId(6, "SAS", 0, "0x5feede401fade050", "060000005feede401fade050" + "00".repeat(12)));
	}

	@Test
	void theCopyManagerSessionHasNoTransportIdOrHost() {
		Session session = this.service.describe("copy_manager", "copy_manager_tgt", "copy_manager_sess");
		assertThat(session.transportId()).isNull();
		assertThat(session.host()).isNull();
	}

	@Test
	void showsTheLinuxDevicesOfEachLun() {
		ScstTreeFixtures.vdiskOnLocalTarget(this.sysfs, "disk1",
				ScstTreeFixtures.sparseFile(this.temp.resolve("disk1.img"), 1 << 20));
		Session session = this.service.describe(LOCAL, TGT, "scst_local_host");
		LinuxScsiDevice sda = new LinuxScsiDevice("0:0:0:0", 0, "disk", "SCST_FIO", "disk1", "3110", "/dev/sda",
				"/dev/sg0");
		assertThat(session.luns()).containsExactly(new SessionLun(0, "disk1", sda, true));
		assertThat(session.scsiDevices()).containsExactly(sda);
	}

	@Test
	void showsTheGroupWhoseLunsTheSessionUses() {
		this.sysfs.mgmt(MgmtCommand.createGroup(LOCAL, TGT, "grp1"));
		this.sysfs.mgmt(MgmtCommand.addInitiator(LOCAL, TGT, "grp1", "scst_local_*"));
		assertThat(this.service.describe(LOCAL, TGT, "scst_local_host").group()).isEqualTo("grp1");
	}

	@Test
	void createsASessionNamedAfterItsDirectory() {
		Session first = this.service.create(LOCAL, TGT, new CreateSessionRequest("host1"));
		Session second = this.service.create(LOCAL, TGT, new CreateSessionRequest("host1", true));
		assertThat(first.name()).isEqualTo("host1");
		assertThat(second.name()).isEqualTo("host1_1");
		assertThat(second.initiatorName()).isEqualTo("host1");
		assertThat(second.host()).isNotEqualTo(first.host());
		assertThat(last().data()).isEqualTo("add_session scst_local_tgt host1\n");
	}

	@Test
	void sessionsCannotBeCreatedOnTheCopyManager() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(UnsupportedByDriverException.class)
			.isThrownBy(() -> this.service.create("copy_manager", "copy_manager_tgt", new CreateSessionRequest("h")));
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create(LOCAL, TGT, new CreateSessionRequest("a b")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThatExceptionOfType(TargetNotFoundException.class)
			.isThrownBy(() -> this.service.create(LOCAL, "nosuch", new CreateSessionRequest("h")));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void unknownSessionIsNotFound() {
		assertThatExceptionOfType(SessionNotFoundException.class)
			.isThrownBy(() -> this.service.describe(LOCAL, TGT, "nosuch"));
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> this.service.describe(LOCAL, TGT, ".."));
	}

	@Test
	void deletesASessionAndWaitsUntilItIsGone() {
		this.simulator.close();
		this.simulator = new ScstSimulator(SimulatorOptions.defaults().withSessionCloseDelay(Duration.ofMillis(300)));
		this.sysfs = new SimulatedScstSysfs(this.simulator);
		this.service = service();
		this.service.create(LOCAL, TGT, new CreateSessionRequest("host9"));
		this.service.delete(LOCAL, TGT, "host9");
		assertThat(last().data()).isEqualTo("del_session scst_local_tgt host9\n");
		assertThat(this.sysfs.exists(ScstPath.of("targets", LOCAL, TGT, "sessions", "host9"))).isFalse();
		assertThat(this.service.list(LOCAL, TGT)).extracting(SessionSummary::name).containsExactly("scst_local_host");
	}

	@Test
	void aSessionSharingItsInitiatorNameIsNotDeleted() {
		this.service.create(LOCAL, TGT, new CreateSessionRequest("host1"));
		this.service.create(LOCAL, TGT, new CreateSessionRequest("host1", true));
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(SessionConflictException.class)
			.isThrownBy(() -> this.service.delete(LOCAL, TGT, "host1_1"))
			.withMessageContaining("host1, host1_1");
		assertThatExceptionOfType(SessionConflictException.class)
			.isThrownBy(() -> this.service.delete(LOCAL, TGT, "host1"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void copyManagerSessionsCannotBeDeleted() {
		long before = this.simulator.writeCount();
		assertThatExceptionOfType(UnsupportedByDriverException.class)
			.isThrownBy(() -> this.service.delete("copy_manager", "copy_manager_tgt", "copy_manager_sess"));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void changesTheTransportId() {
		String hex = "05000014" + "69716e2e323032362d31312e696f3a6869" + "00".repeat(3);
		Session session = this.service.update(LOCAL, TGT, "scst_local_host", new UpdateSessionRequest(hex));
		assertThat(session.transportId()).isEqualTo(new TransportId(5, "iSCSI", 0, "iqn.2026-11.io:hi", hex));
		assertThat(last().data()).hasSize(24);
	}

	@Test
	void invalidTransportIdsAreRejectedWithoutWriting() {
		long before = this.simulator.writeCount();
		for (String hex : List.of("", "zz", "060", "0600", "06" + "00".repeat(24), "06" + "00".repeat(300))) {
			assertThatExceptionOfType(InvalidNameException.class)
				.isThrownBy(() -> this.service.update(LOCAL, TGT, "scst_local_host", new UpdateSessionRequest(hex)))
				.satisfies((ex) -> assertThat(ex.field()).isEqualTo("transportId"));
		}
		assertThatExceptionOfType(SessionConflictException.class).isThrownBy(() -> this.service.update("copy_manager",
				"copy_manager_tgt", "copy_manager_sess", new UpdateSessionRequest("06" + "00".repeat(23))));
		assertThat(this.simulator.writeCount()).isEqualTo(before);
	}

	@Test
	void resetsTheCountersOfEveryDirection() {
		// the copy manager reads 4 KiB from every device registered
		ScstTreeFixtures.vdiskOnLocalTarget(this.sysfs, "disk1",
				ScstTreeFixtures.sparseFile(this.temp.resolve("disk1.img"), 1 << 20));
		Session busy = this.service.describe("copy_manager", "copy_manager_tgt", "copy_manager_sess");
		assertThat(busy.counters()).containsEntry("read_cmd_count", 1L).containsEntry("read_io_count_kb", 4L);
		Session reset = this.service.resetCounters("copy_manager", "copy_manager_tgt", "copy_manager_sess");
		assertThat(reset.counters()).containsEntry("read_cmd_count", 0L).containsEntry("read_io_count_kb", 0L);
	}

	@Test
	void createdTargetSessionsAreListed() {
		this.targets.create(LOCAL, new CreateTargetRequest("svc_t2", List.of("x", "x"), null));
		assertThat(this.service.list(LOCAL, "svc_t2")).containsExactly(new SessionSummary("x", "x"),
				new SessionSummary("x_1", "x"));
	}

	private WriteRecord last() {
		List<WriteRecord> log = this.simulator.writeLog();
		return log.get(log.size() - 1);
	}

}
