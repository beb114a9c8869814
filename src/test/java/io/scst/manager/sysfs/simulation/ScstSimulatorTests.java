package io.scst.manager.sysfs.simulation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.ScstBusyException;
import io.scst.manager.sysfs.ScstPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What the simulator does beyond the management grammar: the queued-work protocol
 * ({@code EAGAIN}, {@code last_sysfs_mgmt_res}), fault injection, the write log,
 * persistence, asynchronous session removal, the Linux SCSI side and thread safety.
 */
class ScstSimulatorTests {

	private static final ScstPath NULLIO = ScstPath.of("handlers/vdisk_nullio/mgmt");

	private static final ScstPath LOCAL = ScstPath.of("targets/scst_local/mgmt");

	@TempDir
	Path temp;

	private final List<ScstSimulator> simulators = new ArrayList<>();

	@AfterEach
	void closeSimulators() {
		this.simulators.forEach(ScstSimulator::close);
	}

	private ScstSimulator simulator(SimulatorOptions options) {
		ScstSimulator simulator = new ScstSimulator(options);
		this.simulators.add(simulator);
		return simulator;
	}

	private static void write(ScstSimulator simulator, ScstPath path, String text) {
		simulator.write(path, (text + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private static String read(ScstSimulator simulator, String path) {
		return new String(simulator.read(ScstPath.of(path)), StandardCharsets.ISO_8859_1);
	}

	@Test
	void debugEagainBuildAnswersEagainWhileTheWorkStillRuns() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults().withDebugEagain(true));
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> write(simulator, NULLIO, "add_device nd0 size_mb=1"))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EAGAIN));
		SimulatedScstSysfs gateway = new SimulatedScstSysfs(simulator);
		assertThat(gateway.read(ScstPath.of("last_sysfs_mgmt_res")).value()).isEqualTo("0");
		assertThat(simulator.stat(ScstPath.of("devices/nd0"))).isPresent();
	}

	@Test
	void gatewayReportsTheRealErrnoOfAWriteThatAnsweredEagain() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults().withDebugEagain(true));
		SimulatedScstSysfs gateway = new SimulatedScstSysfs(simulator);
		gateway.mgmt(NULLIO, "add_device nd0 size_mb=1");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> gateway.mgmt(NULLIO, "add_device nd0 size_mb=1"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EEXIST);
				assertThat(ex.stage()).isEqualTo(KernelRejectedException.Stage.RESULT);
				assertThat(ex.written()).isEqualTo("add_device nd0 size_mb=1");
			});
		assertThat(gateway.read(ScstPath.of("devices/nd0/size_mb")).value()).isEqualTo("1");
	}

	@Test
	void debugEagainBuildFailsThreeOfFourQueuedReads() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults().withDebugEagain(true));
		int eagain = 0;
		for (int i = 0; i < 8; i++) {
			try {
				simulator.read(ScstPath.of("trace_cmds"));
			}
			catch (KernelRejectedException ex) {
				assertThat(ex.errno()).isEqualTo(Errno.EAGAIN);
				eagain++;
			}
		}
		assertThat(eagain).isEqualTo(6);
		assertThat(new SimulatedScstSysfs(simulator).read(ScstPath.of("trace_cmds")).isEmpty()).isTrue();
	}

	@Test
	void workSlowerThanTheThresholdAnswersEagainAndCompletesLater() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		simulator.faults().eagainThreshold(Duration.ofMillis(20)).delay(NULLIO, Duration.ofMillis(300));
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> write(simulator, NULLIO, "add_device nd0"))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EAGAIN));
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> simulator.read(ScstPath.of("last_sysfs_mgmt_res")))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EAGAIN));
		SimulatedScstSysfs gateway = new SimulatedScstSysfs(simulator, Duration.ofSeconds(5),
				io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener.NONE);
		assertThat(gateway.read(ScstPath.of("last_sysfs_mgmt_res")).value()).isEqualTo("0");
		assertThat(simulator.stat(ScstPath.of("devices/nd0"))).isPresent();
	}

	@Test
	void gatewayGivesUpWithBusyWhenTheWorkOutlastsItsTimeout() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		simulator.faults().eagainThreshold(Duration.ofMillis(10)).delay(NULLIO, Duration.ofMillis(800));
		SimulatedScstSysfs gateway = new SimulatedScstSysfs(simulator, Duration.ofMillis(100),
				io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener.NONE);
		assertThatExceptionOfType(ScstBusyException.class).isThrownBy(() -> gateway.mgmt(NULLIO, "add_device nd0"));
	}

	/**
	 * Linux 6.1 with SCST 3.11 (the server's end-to-end tier in the VM):
	 * {@code add_device} of vdisk_fileio on a FIFO blocks in vdisk's open of the backing
	 * (O_RDONLY, under {@code scst_mutex}) until a writer comes; the write answers
	 * {@code EAGAIN} after SCST's wait, {@code last_sysfs_mgmt_res} answers
	 * {@code EAGAIN} meanwhile, and once a writer has opened the FIFO the command fails
	 * with {@code -EINVAL} (22): not a regular file, not a block device.
	 */
	@Test
	void addDeviceOnAFifoWaitsForAWriterAnswersEagainAndFailsWithEinval() throws Exception {
		Path fifo = this.temp.resolve("fifo");
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
		assertThat(mkfifo.waitFor()).isZero();
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		simulator.faults().eagainThreshold(Duration.ofMillis(200));
		ScstPath fileio = ScstPath.of("handlers/vdisk_fileio/mgmt");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> write(simulator, fileio, "add_device fd0 filename=" + fifo))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EAGAIN));
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> simulator.read(ScstPath.of("last_sysfs_mgmt_res")))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EAGAIN));
		assertThat(read(simulator, "handlers/vdisk_fileio/type")).startsWith("0 - ");
		// O_RDWR on a FIFO does not block and counts as a writer
		try (java.io.RandomAccessFile writer = new java.io.RandomAccessFile(fifo.toFile(), "rw")) {
			SimulatedScstSysfs gateway = new SimulatedScstSysfs(simulator, Duration.ofSeconds(10),
					io.scst.manager.sysfs.AbstractScstSysfs.GatewayListener.NONE);
			assertThat(gateway.read(ScstPath.of("last_sysfs_mgmt_res")).value()).isEqualTo("-22");
		}
		assertThat(simulator.stat(ScstPath.of("devices/fd0"))).isEmpty();
	}

	@Test
	void forcedErrnoOnAQueuedWriteSetsTheResultSlot() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		simulator.faults().failWrites(NULLIO, Errno.ENOMEM, 1);
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> write(simulator, NULLIO, "add_device nd0"))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.ENOMEM));
		assertThat(read(simulator, "last_sysfs_mgmt_res")).isEqualTo("-12\n");
		assertThat(simulator.stat(ScstPath.of("devices/nd0"))).isEmpty();
		write(simulator, NULLIO, "add_device nd0");
		assertThat(simulator.stat(ScstPath.of("devices/nd0"))).isPresent();
	}

	@Test
	void forcedEagainOnWritesIsResolvedByTheGateway() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		simulator.faults().eagainWrites(NULLIO, 2).eagainReads(ScstPath.of("last_sysfs_mgmt_res"), 3);
		SimulatedScstSysfs gateway = new SimulatedScstSysfs(simulator);
		gateway.mgmt(NULLIO, "add_device nd0");
		gateway.mgmt(NULLIO, "add_device nd1");
		gateway.mgmt(NULLIO, "add_device nd2");
		assertThat(simulator.stat(ScstPath.of("devices/nd2"))).isPresent();
	}

	@Test
	void writeLogRecordsEveryAttemptWithItsErrno() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		write(simulator, NULLIO, "add_device nd0");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> write(simulator, NULLIO, "add_device nd0"));
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> write(simulator, ScstPath.of("version"), "x"));
		assertThat(simulator.writeCount()).isEqualTo(3);
		assertThat(simulator.writeLog()).extracting(WriteRecord::errno)
			.containsExactly(null, Errno.EEXIST, Errno.EACCES);
		assertThat(simulator.writeLog().get(0).data()).isEqualTo("add_device nd0\n");
	}

	@Test
	void stateSurvivesARestartThroughTheJournal() {
		Path journal = this.temp.resolve("state/simulator.journal");
		ScstSimulator first = simulator(SimulatorOptions.defaults().withJournal(journal));
		assertThat(first.restored()).isFalse();
		write(first, NULLIO, "add_device nd0 size_mb=4");
		write(first, LOCAL, "add_target t1 session_name=h1");
		write(first, ScstPath.of("targets/scst_local/t1/luns/mgmt"), "add nd0 0");
		write(first, ScstPath.of("targets/scst_local/t1/comment"), "kept");
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> write(first, LOCAL, "del_target x"));
		first.close();
		ScstSimulator second = simulator(SimulatorOptions.defaults().withJournal(journal));
		assertThat(second.restored()).isTrue();
		assertThat(read(second, "devices/nd0/size_mb")).isEqualTo("4\n");
		assertThat(read(second, "targets/scst_local/t1/comment")).isEqualTo("kept\n[key]\n");
		assertThat(second.stat(ScstPath.of("targets/scst_local/t1/sessions/h1/lun0"))).isPresent();
	}

	@Test
	void writesAfterARestoreSurviveTheNextRestart() throws Exception {
		Path journal = this.temp.resolve("simulator.journal");
		ScstSimulator first = simulator(SimulatorOptions.defaults().withJournal(journal));
		write(first, NULLIO, "add_device nd0");
		first.close();
		ScstSimulator second = simulator(SimulatorOptions.defaults().withJournal(journal));
		write(second, NULLIO, "add_device nd1");
		second.close();
		ScstSimulator third = simulator(SimulatorOptions.defaults().withJournal(journal));
		assertThat(third.stat(ScstPath.of("devices/nd0"))).isPresent();
		assertThat(third.stat(ScstPath.of("devices/nd1"))).isPresent();
		try (var files = Files.list(this.temp)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("simulator.journal");
		}
	}

	@Test
	void journalEntriesThatNoLongerApplyAreSkipped() throws Exception {
		Path journal = this.temp.resolve("simulator.journal");
		Path image = Files.createFile(this.temp.resolve("d.img"));
		Files.write(image, new byte[1 << 20]);
		ScstSimulator first = simulator(SimulatorOptions.defaults().withJournal(journal));
		write(first, ScstPath.of("handlers/vdisk_fileio/mgmt"), "add_device d1 filename=" + image);
		write(first, NULLIO, "add_device nd0");
		first.close();
		Files.delete(image);
		ScstSimulator second = simulator(SimulatorOptions.defaults().withJournal(journal));
		assertThat(second.stat(ScstPath.of("devices/d1"))).isEmpty();
		assertThat(second.stat(ScstPath.of("devices/nd0"))).isPresent();
	}

	@Test
	void sessionsDisappearAsynchronouslyAfterDelSession() throws Exception {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults().withSessionCloseDelay(Duration.ofMillis(200)));
		write(simulator, LOCAL, "del_session scst_local_tgt scst_local_host");
		assertThat(simulator.stat(ScstPath.of("targets/scst_local/scst_local_tgt/sessions/scst_local_host")))
			.isPresent();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> simulator.stat(ScstPath.of("targets/scst_local/scst_local_tgt/sessions/scst_local_host"))
				.isEmpty());
	}

	@Test
	void withUpstreamsScstLocalLinuxDevicesStayAfterTheLunGoesAndHostNumbersAreReused() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults().withRemoveStaleDevices(false));
		write(simulator, NULLIO, "add_device nd0");
		write(simulator, ScstPath.of("targets/scst_local/scst_local_tgt/luns/mgmt"), "add nd0 0");
		assertThat(simulator.scsiDevices()).singleElement()
			.satisfies((d) -> assertThat(d.address() + " " + d.blockDevice() + " " + d.genericDevice())
				.isEqualTo("0:0:0:0 /dev/sda /dev/sg0"));
		write(simulator, ScstPath.of("targets/scst_local/scst_local_tgt/luns/mgmt"), "del 0");
		assertThat(simulator.scsiDevices()).hasSize(1);
		write(simulator, LOCAL, "del_target scst_local_tgt");
		assertThat(simulator.scsiDevices()).isEmpty();
		write(simulator, LOCAL, "add_target t session_name=h");
		assertThat(read(simulator, "targets/scst_local/t/sessions/h/host_no")).isEqualTo("0\n");
	}

	@Test
	void withOurScstLocalTheLinuxDevicesOfALunGoWithItButNotWhenItIsReplaced() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		write(simulator, NULLIO, "add_device nd0");
		write(simulator, NULLIO, "add_device nd1");
		ScstPath luns = ScstPath.of("targets/scst_local/scst_local_tgt/luns/mgmt");
		write(simulator, luns, "add nd0 0");
		write(simulator, luns, "add nd1 1");
		write(simulator, luns, "replace nd1 0");
		assertThat(simulator.scsiDevices()).extracting((d) -> d.address() + " " + d.blockDevice())
			.containsExactlyInAnyOrder("0:0:0:0 /dev/sda", "0:0:0:1 /dev/sdb");
		write(simulator, luns, "del 0");
		assertThat(simulator.scsiDevices()).extracting((d) -> d.address() + " " + d.blockDevice())
			.containsExactly("0:0:0:1 /dev/sdb");
		write(simulator, luns, "clear");
		assertThat(simulator.scsiDevices()).isEmpty();
	}

	@Test
	void freedDiskNamesAreHandedOutLowestFirst() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		write(simulator, NULLIO, "add_device nd0");
		write(simulator, ScstPath.of("targets/scst_local/scst_local_tgt/luns/mgmt"), "add nd0 0");
		write(simulator, LOCAL, "add_target t1");
		write(simulator, ScstPath.of("targets/scst_local/t1/luns/mgmt"), "add nd0 0");
		write(simulator, LOCAL, "add_session t1 h1");
		write(simulator, LOCAL, "add_session t1 h2");
		write(simulator, LOCAL, "del_target scst_local_tgt");
		write(simulator, LOCAL, "add_session t1 h3");
		write(simulator, LOCAL, "add_session t1 h4");
		assertThat(simulator.scsiDevices())
			.extracting((d) -> d.address() + " " + d.blockDevice() + " " + d.genericDevice())
			.containsExactly("1:0:0:0 /dev/sdb /dev/sg1", "2:0:0:0 /dev/sdc /dev/sg2", "0:0:0:0 /dev/sda /dev/sg0",
					"3:0:0:0 /dev/sdd /dev/sg3");
	}

	@Test
	void aSessionNameIsFreeAgainOnceItsTargetIsGone() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		write(simulator, LOCAL, "add_target t1");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> write(simulator, LOCAL, "add_session t1 scst_local_host"))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EEXIST));
		write(simulator, LOCAL, "del_target scst_local_tgt");
		write(simulator, LOCAL, "add_session t1 scst_local_host");
		assertThat(simulator.stat(ScstPath.of("targets/scst_local/t1/sessions/scst_local_host"))).isPresent();
	}

	@Test
	void cpuCountDrivesThreadsAndCpuMasks() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults().withCpus(40));
		assertThat(read(simulator, "threads")).isEqualTo("40\n");
		assertThat(read(simulator, "targets/scst_local/scst_local_tgt/cpu_mask")).isEqualTo("ff,ffffffff\n");
		assertThat(simulator.stat(ScstPath.of("sgv/sgv-dma-39"))).isPresent();
	}

	@Test
	void concurrentWritersSeeTheKernelsSerialisation() throws Exception {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		SimulatedScstSysfs gateway = new SimulatedScstSysfs(simulator);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 64; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					gateway.mgmt(NULLIO, "add_device nd" + n);
					gateway.mgmt(ScstPath.of("targets/scst_local/scst_local_tgt/luns/mgmt"), "add nd" + n + " " + n);
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(simulator.list(ScstPath.of("targets/scst_local/scst_local_tgt/luns"))).hasSize(65);
		assertThat(simulator.list(ScstPath.of("targets/copy_manager/copy_manager_tgt/luns"))).hasSize(65);
		assertThat(read(simulator, "targets/copy_manager/copy_manager_tgt/read_cmd_count")).isEqualTo("64\n");
	}

	@Test
	void addIoUpdatesTheSessionCountersAndTheTargetSums() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		String session = "targets/scst_local/scst_local_tgt/sessions/scst_local_host/";
		simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", 2, 8, 3, 12);
		simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", "read", 1, 1536, 1);
		simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", "unknown", 4, 4096, 4);
		assertThat(read(simulator, session + "read_cmd_count")).isEqualTo("3\n");
		assertThat(read(simulator, session + "read_io_count_kb")).isEqualTo("9\n");
		assertThat(read(simulator, session + "read_unaligned_cmd_count")).isEqualTo("1\n");
		assertThat(read(simulator, session + "write_cmd_count")).isEqualTo("3\n");
		assertThat(read(simulator, session + "write_io_count_kb")).isEqualTo("12\n");
		assertThat(read(simulator, session + "unknown_cmd_count")).isEqualTo("4\n");
		assertThat(
				new SimulatedScstSysfs(simulator).read(ScstPath.of("targets/scst_local/scst_local_tgt/read_cmd_count"))
					.value())
			.isEqualTo("3");
		write(simulator, ScstPath.of(session + "read_cmd_count"), "0");
		assertThat(read(simulator, session + "read_io_count_kb")).isEqualTo("0\n");
	}

	@Test
	void addIoRefusesUnknownSessionsAndDirections() {
		ScstSimulator simulator = simulator(SimulatorOptions.defaults());
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> simulator.addIo("scst_local", "scst_local_tgt", "nobody", 1, 1, 1, 1));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> simulator.addIo("scst_local", "scst_local_tgt", "scst_local_host", "sideways", 1, 1, 1));
	}

}
