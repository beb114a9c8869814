package io.scst.manager.stats;

import java.time.Duration;
import java.util.Map;

import io.scst.manager.scst.ScstService;
import io.scst.manager.stats.ScstSnapshot.DeviceStats;
import io.scst.manager.stats.ScstSnapshot.DifFailures;
import io.scst.manager.stats.ScstSnapshot.DirectionStats;
import io.scst.manager.stats.ScstSnapshot.SessionStats;
import io.scst.manager.stats.ScstSnapshot.TargetStats;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@link SnapshotCollector} on a fresh simulator. */
class SnapshotCollectorTests {

	private final ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults());

	private final SimulatedScstSysfs sysfs = new SimulatedScstSysfs(this.simulator);

	@AfterEach
	void closeSimulator() {
		this.simulator.close();
	}

	private SnapshotCollector collector(int maxTargets, int maxSessions, int maxDevices) {
		MetricsProperties properties = new MetricsProperties(Duration.ZERO, maxTargets, maxSessions, maxDevices,
				Duration.ZERO, Duration.ofMinutes(1));
		return new SnapshotCollector(this.sysfs, new ScstService(this.sysfs), properties);
	}

	private SnapshotCollector collector() {
		return collector(100, 100, 100);
	}

	private void nullio(String device, int lun) {
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", device, Map.of("size_mb", "16")));
		this.sysfs.mgmt(MgmtCommand.addLun("scst_local", "scst_local_tgt", null, lun, device, false));
	}

	private SessionStats session(ScstSnapshot snapshot, String target, String session) {
		return snapshot.sessions()
			.stream()
			.filter((s) -> s.target().equals(target) && s.session().equals(session))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void readsSessionCountersWithKilobytesAsBytes() {
		this.simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", 3, 12, 5, 40);
		this.simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", "bidi", 2, 3 * 1024 + 100, 1);
		this.simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", "none", 7, 0, 0);
		ScstSnapshot snapshot = collector().collect();
		SessionStats session = session(snapshot, "scst_local_tgt", "scst_local_host");
		assertThat(session.driver()).isEqualTo("scst_local");
		assertThat(session.initiator()).isEqualTo("scst_local_host");
		assertThat(session.commands()).isZero();
		assertThat(session.activeCommands()).isZero();
		assertThat(session.directions())
			.extracting(DirectionStats::direction, DirectionStats::commands, DirectionStats::bytes,
					DirectionStats::unalignedCommands)
			.containsExactly(tuple("read", 3L, 12L * 1024, 0L), tuple("write", 5L, 40L * 1024, 0L),
					tuple("bidi", 2L, 3L * 1024, 1L), tuple("none", 7L, null, null), tuple("unknown", 0L, null, null));
		assertThat(session.difChecksFailed()).isEmpty();
	}

	@Test
	void readsTargetsDevicesCoreAndLocalDriverStats() {
		nullio("stats_d1", 0);
		nullio("stats_d2", 1);
		this.sysfs.mgmt(MgmtCommand.createGroup("scst_local", "scst_local_tgt", "g1"));
		this.sysfs.mgmt(MgmtCommand.addLun("scst_local", "scst_local_tgt", "g1", 0, "stats_d1", false));
		ScstSnapshot snapshot = collector().collect();
		assertThat(snapshot.available()).isTrue();
		assertThat(snapshot.version()).isEqualTo("3.11.0-pre");
		assertThat(snapshot.threads()).isPositive();
		assertThat(snapshot.targets())
			.extracting(TargetStats::driver, TargetStats::target, TargetStats::sessions, TargetStats::luns)
			.contains(tuple("scst_local", "scst_local_tgt", 1, 3), tuple("copy_manager", "copy_manager_tgt", 1, 2));
		assertThat(snapshot.devices())
			.extracting(DeviceStats::device, DeviceStats::handler, DeviceStats::sizeBytes, DeviceStats::blockSize,
					DeviceStats::readOnly, DeviceStats::exportedLuns)
			.containsExactly(tuple("stats_d1", "vdisk_nullio", 16L << 20, 512L, false, 3),
					tuple("stats_d2", "vdisk_nullio", 16L << 20, 512L, false, 2));
		assertThat(snapshot.localDriverStats()).containsExactly(Map.entry("Aborts", 0L), Map.entry("Device Resets", 0L),
				Map.entry("Target Resets", 0L));
		assertThat(snapshot.dropped()).isEqualTo(new ScstSnapshot.Dropped(0, 0, 0));
	}

	@Test
	void readsTheCopyManagersDifTable() {
		ScstSnapshot snapshot = collector().collect();
		SessionStats copyManager = session(snapshot, "copy_manager_tgt", "copy_manager_sess");
		assertThat(copyManager.difChecksFailed()).extracting(DifFailures::stage, DifFailures::check)
			.contains(tuple("tgt", "app"), tuple("scst", "ref"), tuple("dev", "guard"))
			.hasSize(9);
	}

	@Test
	void capsAreCountedAsDropped() {
		this.sysfs.mgmt(MgmtCommand.addSession("scst_local", "scst_local_tgt", "stats_extra"));
		nullio("stats_cap1", 0);
		nullio("stats_cap2", 1);
		ScstSnapshot snapshot = collector(100, 1, 1).collect();
		assertThat(snapshot.sessions()).hasSize(1);
		assertThat(snapshot.devices()).hasSize(1);
		assertThat(snapshot.dropped().sessions()).isEqualTo(2);
		assertThat(snapshot.dropped().devices()).isEqualTo(1);
		ScstSnapshot noTargets = collector(0, 100, 100).collect();
		assertThat(noTargets.targets()).isEmpty();
		assertThat(noTargets.sessions()).isEmpty();
		assertThat(noTargets.dropped().targets()).isEqualTo(2);
		assertThat(noTargets.dropped().sessions()).isEqualTo(3);
	}

	@Test
	void structureNamesTargetsSessionsAndDevices() {
		nullio("stats_s1", 0);
		TreeStructure structure = collector().structure();
		assertThat(structure.targets()).containsExactlyInAnyOrder("scst_local/scst_local_tgt",
				"copy_manager/copy_manager_tgt");
		assertThat(structure.sessions()).containsExactlyInAnyOrder("scst_local/scst_local_tgt/scst_local_host",
				"copy_manager/copy_manager_tgt/copy_manager_sess");
		assertThat(structure.devices()).containsExactly("stats_s1");
	}

	@Test
	void parsesDriverStatsAndDifTables() {
		assertThat(SnapshotCollector.parseDriverStats("Aborts: 4, Device Resets: 2, Target Resets: 1\n"))
			.containsExactly(Map.entry("Aborts", 4L), Map.entry("Device Resets", 2L), Map.entry("Target Resets", 1L));
		assertThat(SnapshotCollector.difTable("\tapp\tref\tguard\ntgt\t1\t2\t3\ndev\t0\t0\t9\n")).containsExactly(
				new DifFailures("tgt", "app", 1), new DifFailures("tgt", "ref", 2), new DifFailures("tgt", "guard", 3),
				new DifFailures("dev", "app", 0), new DifFailures("dev", "ref", 0), new DifFailures("dev", "guard", 9));
	}

}
