package io.scst.manager.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.metrics.ScstSnapshot.DeviceStats;
import io.scst.manager.metrics.ScstSnapshot.DifFailures;
import io.scst.manager.metrics.ScstSnapshot.DirectionStats;
import io.scst.manager.metrics.ScstSnapshot.SessionStats;
import io.scst.manager.metrics.ScstSnapshot.TargetStats;
import io.scst.manager.scst.ScstService;
import io.scst.manager.sysfs.CountingSysfs;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** {@link SnapshotCollector} on a fresh simulator. */
class SnapshotCollectorTests extends FreshSimulator {

	private SnapshotCollector collector(int maxTargets, int maxSessions, int maxDevices) {
		return collector(this.sysfs, maxTargets, maxSessions, maxDevices, Duration.ofSeconds(60));
	}

	private static SnapshotCollector collector(ScstSysfs sysfs, int maxTargets, int maxSessions, int maxDevices,
			Duration structureMaxAge) {
		MetricsProperties properties = new MetricsProperties(Duration.ZERO, maxTargets, maxSessions, maxDevices,
				Duration.ZERO, Duration.ofMinutes(1), structureMaxAge);
		return new SnapshotCollector(sysfs, new ScstService(sysfs), properties);
	}

	/** A collector that keeps the layout for an hour unless it has to read it again. */
	private SnapshotCollector keeping(ScstSysfs sysfs) {
		return collector(sysfs, 100, 100, 100, Duration.ofHours(1));
	}

	/** Another gateway on the same simulator: changes made behind this server's back. */
	private SimulatedScstSysfs behindTheBack() {
		return new SimulatedScstSysfs(this.simulator);
	}

	/** What a fresh walk would find now (the layout read from scratch). */
	private ScstSnapshot fresh() {
		return collector(this.sysfs, 100, 100, 100, Duration.ZERO).collect();
	}

	/** A snapshot without its timing, to compare walks. */
	private static List<Object> content(ScstSnapshot snapshot) {
		return List.of(snapshot.available(), String.valueOf(snapshot.version()), String.valueOf(snapshot.threads()),
				snapshot.targets(), snapshot.sessions(), snapshot.devices(),
				String.valueOf(snapshot.localDriverStats()), snapshot.dropped());
	}

	private static int luns(ScstSnapshot snapshot, String target) {
		return snapshot.targets().stream().filter((t) -> t.target().equals(target)).findFirst().orElseThrow().luns();
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
	void aWalkWithAKeptLayoutListsObjectsAndReadsCountersOnly() {
		nullio("stats_k1", 0);
		this.sysfs.mgmt(MgmtCommand.createGroup("scst_local", "scst_local_tgt", "g1"));
		CountingSysfs counting = new CountingSysfs(this.sysfs);
		SnapshotCollector collector = keeping(counting.sysfs);
		ScstSnapshot first = collector.collect();
		List<String> firstCalls = counting.take();
		ScstSnapshot second = collector.collect();
		List<String> secondCalls = counting.take();
		assertThat(content(second)).isEqualTo(content(first));
		assertThat(firstCalls).contains("list devices/stats_k1",
				"list targets/scst_local/scst_local_tgt/sessions/scst_local_host",
				"list targets/scst_local/scst_local_tgt/ini_groups/g1/luns");
		assertThat(secondCalls)
			.noneMatch((call) -> call.startsWith("list devices/") || call.contains("luns")
					|| call.endsWith("/sessions/scst_local_host") || call.contains("ini_groups"))
			.contains("list targets/scst_local/scst_local_tgt/sessions",
					"read targets/scst_local/scst_local_tgt/sessions/scst_local_host/read_cmd_count",
					"read targets/scst_local/scst_local_tgt/sessions/scst_local_host/initiator_name");
		long counterReads = secondCalls.stream().filter((call) -> call.endsWith("/read_io_count_kb")).count();
		assertThat(counterReads).as("each counter file read once per walk").isEqualTo(2);
	}

	@Test
	void changesThroughTheGatewayShowInTheNextWalk() {
		SnapshotCollector collector = keeping(this.sysfs);
		collector.collect();
		nullio("stats_c1", 0);
		assertThat(content(collector.collect())).isEqualTo(content(fresh()));
		this.sysfs.mgmt(MgmtCommand.createGroup("scst_local", "scst_local_tgt", "g1"));
		this.sysfs.mgmt(MgmtCommand.addLun("scst_local", "scst_local_tgt", "g1", 3, "stats_c1", false));
		ScstSnapshot withGroupLun = collector.collect();
		assertThat(luns(withGroupLun, "scst_local_tgt")).isEqualTo(2);
		assertThat(content(withGroupLun)).isEqualTo(content(fresh()));
		this.sysfs.mgmt(MgmtCommand.delLun("scst_local", "scst_local_tgt", null, 0));
		this.sysfs.mgmt(MgmtCommand.addSession("scst_local", "scst_local_tgt", "stats_host2"));
		this.sysfs.mgmt(MgmtCommand.addTarget("scst_local", "stats_tgt2", Map.of()));
		this.sysfs.mgmt(MgmtCommand.addLun("scst_local", "stats_tgt2", null, 0, "stats_c1", false));
		ScstSnapshot changed = collector.collect();
		assertThat(luns(changed, "scst_local_tgt")).isEqualTo(1);
		assertThat(luns(changed, "stats_tgt2")).isEqualTo(1);
		assertThat(changed.sessions()).extracting(SessionStats::session).contains("stats_host2");
		assertThat(content(changed)).isEqualTo(content(fresh()));
		this.sysfs.mgmt(MgmtCommand.delSession("scst_local", "scst_local_tgt", "stats_host2"));
		this.sysfs.mgmt(MgmtCommand.delLun("scst_local", "scst_local_tgt", "g1", 3));
		this.sysfs.mgmt(MgmtCommand.delLun("scst_local", "stats_tgt2", null, 0));
		this.sysfs.mgmt(MgmtCommand.delDevice("vdisk_nullio", "stats_c1"));
		ScstSnapshot removed = collector.collect();
		assertThat(removed.sessions()).extracting(SessionStats::session).doesNotContain("stats_host2");
		assertThat(removed.devices()).isEmpty();
		assertThat(content(removed)).isEqualTo(content(fresh()));
	}

	@Test
	void objectsAddedOrRemovedBehindTheBackShowInTheNextWalk() {
		SnapshotCollector collector = keeping(this.sysfs);
		collector.collect();
		SimulatedScstSysfs other = behindTheBack();
		other.mgmt(MgmtCommand.addSession("scst_local", "scst_local_tgt", "stats_behind"));
		ScstSnapshot withSession = collector.collect();
		assertThat(withSession.sessions()).extracting(SessionStats::session).contains("stats_behind");
		assertThat(content(withSession)).isEqualTo(content(fresh()));
		other.mgmt(MgmtCommand.addDevice("vdisk_nullio", "stats_b1", Map.of("size_mb", "4")));
		other.mgmt(MgmtCommand.addTarget("scst_local", "stats_tgt_b", Map.of()));
		other.mgmt(MgmtCommand.addLun("scst_local", "stats_tgt_b", null, 0, "stats_b1", false));
		ScstSnapshot withTarget = collector.collect();
		assertThat(luns(withTarget, "stats_tgt_b")).isEqualTo(1);
		assertThat(withTarget.devices()).extracting(DeviceStats::device, DeviceStats::sizeBytes)
			.containsExactly(tuple("stats_b1", 4L << 20));
		assertThat(content(withTarget)).isEqualTo(content(fresh()));
		other.mgmt(MgmtCommand.delSession("scst_local", "scst_local_tgt", "stats_behind"));
		ScstSnapshot withoutSession = collector.collect();
		assertThat(withoutSession.sessions()).extracting(SessionStats::session).doesNotContain("stats_behind");
		assertThat(content(withoutSession)).isEqualTo(content(fresh()));
	}

	@Test
	void aLunAddedBehindTheBackShowsOnceTheLayoutIsOlderThanStructureMaxAge() throws InterruptedException {
		nullio("stats_m1", 0);
		SnapshotCollector keeping = keeping(this.sysfs);
		SnapshotCollector bounded = collector(this.sysfs, 100, 100, 100, Duration.ofMillis(300));
		keeping.collect();
		bounded.collect();
		behindTheBack().mgmt(MgmtCommand.addLun("scst_local", "scst_local_tgt", null, 1, "stats_m1", false));
		assertThat(luns(fresh(), "scst_local_tgt")).isEqualTo(2);
		assertThat(luns(keeping.collect(), "scst_local_tgt")).as("kept while younger than its max age").isEqualTo(1);
		// time passing past structure-max-age is the behaviour under test, not a wait for
		// a condition
		Thread.sleep(300);
		ScstSnapshot later = bounded.collect();
		assertThat(luns(later, "scst_local_tgt")).isEqualTo(2);
		assertThat(content(later)).isEqualTo(content(fresh()));
	}

	@Test
	void countersAreReadOnEveryWalk() {
		SnapshotCollector collector = keeping(this.sysfs);
		collector.collect();
		this.simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", 2, 8, 0, 0);
		ScstSnapshot first = collector.collect();
		this.simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", "write", 3, 4096, 1);
		ScstSnapshot second = collector.collect();
		assertThat(session(first, "scst_local_tgt", "scst_local_host").directions()).first()
			.extracting(DirectionStats::commands, DirectionStats::bytes)
			.containsExactly(2L, 8L * 1024);
		assertThat(session(second, "scst_local_tgt", "scst_local_host").directions())
			.extracting(DirectionStats::direction, DirectionStats::commands, DirectionStats::bytes,
					DirectionStats::unalignedCommands)
			.startsWith(tuple("read", 2L, 8L * 1024, 0L), tuple("write", 3L, 4096L, 1L));
	}

	@Test
	void aSessionWhoseFilesVanishIsLeftOutAndTheLayoutIsReadAgain() {
		CountingSysfs counting = new CountingSysfs(this.sysfs);
		SnapshotCollector collector = keeping(counting.sysfs);
		collector.collect();
		this.simulator.faults()
			.failReads(ScstTree.sessionAttribute("scst_local", "scst_local_tgt", "scst_local_host", "write_cmd_count"),
					Errno.ENOENT, 1);
		counting.take();
		ScstSnapshot vanished = collector.collect();
		assertThat(vanished.sessions()).extracting(SessionStats::session).doesNotContain("scst_local_host");
		assertThat(counting.take()).noneMatch((call) -> call.startsWith("list devices/"));
		ScstSnapshot next = collector.collect();
		assertThat(counting.take()).contains("list targets/scst_local/scst_local_tgt/sessions/scst_local_host")
			.anyMatch((call) -> call.startsWith("list devices/") || call.contains("/luns"));
		assertThat(next.sessions()).extracting(SessionStats::session).contains("scst_local_host");
		assertThat(content(next)).isEqualTo(content(fresh()));
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
