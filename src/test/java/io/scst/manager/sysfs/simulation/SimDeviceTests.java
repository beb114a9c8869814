package io.scst.manager.sysfs.simulation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.ScstPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Device behaviour that follows scst_vdisk.c and the core's thread set-up rather than the
 * management grammar. Expected values come from SCST's sources (named per test) and the
 * live captures, not from the simulator.
 */
class SimDeviceTests extends SimulatorWithImage {

	private static final String FILEIO = "handlers/vdisk_fileio/mgmt";

	private static final String CM_SESS = "targets/copy_manager/copy_manager_tgt/sessions/copy_manager_sess/";

	private static final String LOCAL_SESS = "targets/scst_local/scst_local_tgt/sessions/scst_local_host/";

	// vdisk_check_tp_support(): with thin provisioning in effect the device gets the
	// write-only gen_tp_soft_threshold_reached_UA (mode 0200); its store answers EINVAL
	// unless thin_provisioned is set, and sysfs refuses to open a 0200 file for reading
	// (EACCES, like dump_prs in the captures).

	// vdisk_check_tp_support(): a vdisk_blockio device is thin provisioned by default
	// exactly when bdev_max_discard_sectors() of its block device is not 0 (seen on Linux
	// 6.1: a loop device over a tmpfs file shows thin_provisioned 1).

	@Test
	void discardSupportIsReadFromTheBlockDeviceQueue() throws IOException {
		Path sysBlock = this.temp.resolve("sys/class/block");
		Path dev = Files.createDirectories(this.temp.resolve("dev"));
		for (String[] device : new String[][] { { "loop7", "4294966784" }, { "loop8", "0" } }) {
			Files.writeString(dev.resolve(device[0]), "");
			Path queue = Files.createDirectories(sysBlock.resolve(device[0]).resolve("queue"));
			Files.writeString(queue.resolve("discard_max_bytes"), device[1] + "\n");
		}
		Files.writeString(dev.resolve("loop9"), "");
		assertThat(BackingFile.discardSupported(sysBlock, dev.resolve("loop7").toString())).isTrue();
		assertThat(BackingFile.discardSupported(sysBlock, dev.resolve("loop8").toString())).isFalse();
		assertThat(BackingFile.discardSupported(sysBlock, dev.resolve("loop9").toString())).isFalse();
		assertThat(BackingFile.discardSupported(sysBlock, dev.resolve("missing").toString())).isFalse();
	}

	@Test
	void thinProvisionedFileioDeviceHasTheWriteOnlySoftThresholdAttribute() {
		mgmt(FILEIO, "add_device tp1 filename=" + this.image + "; thin_provisioned=1");
		assertThat(this.simulator.stat(ScstPath.of("devices/tp1/gen_tp_soft_threshold_reached_UA")))
			.hasValueSatisfying((entry) -> {
				assertThat(entry.type()).isEqualTo(Entry.Type.FILE);
				assertThat(entry.mode()).isEqualTo(0200);
			});
		assertThat(read("devices/tp1/thin_provisioned")).isEqualTo("1\n[key]\n");
		write("devices/tp1/gen_tp_soft_threshold_reached_UA", "1");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> read("devices/tp1/gen_tp_soft_threshold_reached_UA"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EACCES);
				assertThat(ex.stage()).isEqualTo(KernelRejectedException.Stage.OPEN);
			});
	}

	@Test
	void fileioDeviceWithoutThinProvisioningHasNoSoftThresholdAttribute() {
		mgmt(FILEIO, "add_device disk1 filename=" + this.image);
		assertThat(this.simulator.stat(ScstPath.of("devices/disk1/gen_tp_soft_threshold_reached_UA"))).isEmpty();
		assertThat(read("devices/disk1/thin_provisioned")).isEqualTo("0\n");
	}

	@Test
	void readOnlyFileioDeviceCannotBeThinProvisioned() {
		// a read-only backing file is not examined: thin_provisioned is switched off but
		// keeps the key marker of the explicit parameter
		mgmt(FILEIO, "add_device ro1 filename=" + this.image + "; read_only=1; thin_provisioned=1");
		assertThat(read("devices/ro1/thin_provisioned")).isEqualTo("0\n[key]\n");
		assertThat(this.simulator.stat(ScstPath.of("devices/ro1/gen_tp_soft_threshold_reached_UA"))).isEmpty();
	}

	@Test
	void inactiveDeviceGetsTheSoftThresholdAttributeWhenActivated() {
		// vdisk_reexamine() is put off (reexam_pending) while the device is inactive
		mgmt(FILEIO, "add_device tp2 filename=" + this.image + "; thin_provisioned=1; active=0");
		assertThat(this.simulator.stat(ScstPath.of("devices/tp2/gen_tp_soft_threshold_reached_UA"))).isEmpty();
		write("devices/tp2/active", "1");
		assertThat(this.simulator.stat(ScstPath.of("devices/tp2/gen_tp_soft_threshold_reached_UA"))).isPresent();
		assertThat(read("devices/tp2/thin_provisioned")).isEqualTo("1\n[key]\n");
	}

	// scst_dev_inquiry_data_changed() ends in scst_cm_update_dev(): the copy manager
	// sends its INQUIRY (VPD 0x83, 4096-byte allocation) again, counted as one read of
	// 4 KiB like the one at registration (6.3: 2 devices -> 2 reads, 8 KiB).

	@Test
	void identityWritesMakeTheCopyManagerReadTheDeviceAgain() {
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1 size_mb=128");
		assertThat(read(CM_SESS + "read_cmd_count")).isEqualTo("1\n");
		write("devices/null1/t10_vend_id", "VENDOR");
		write("devices/null1/naa_id", "0x5000000000000001");
		assertThat(read(CM_SESS + "read_cmd_count")).isEqualTo("3\n");
		assertThat(read(CM_SESS + "read_io_count_kb")).isEqualTo("12\n");
		assertThat(read("targets/copy_manager/copy_manager_tgt/read_cmd_count")).isEqualTo("3\n");
	}

	@Test
	void failedIdentityWritesAndDevicesWithoutCopyManagerLunSendNothing() {
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1 size_mb=128");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> write("devices/null1/t10_vend_id", "TOO-LONG-VENDOR"));
		mgmt("targets/copy_manager/copy_manager_tgt/luns/mgmt", "del 0");
		write("devices/null1/prod_id", "P");
		assertThat(read(CM_SESS + "read_cmd_count")).isEqualTo("1\n");
	}

	// scst_process_dev_sysfs_threads_data_store(): scst_stop_dev_threads() and
	// scst_create_dev_threads() set every session LUN up again; scst_add_threads()
	// gives a private pool the LUN's position in dev_tgt_dev_list, a shared pool -1.

	@Test
	void changingThreadsNumRebuildsEverySessionLunsPool() {
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1 size_mb=128");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "add null1 0");
		assertThat(pids(LOCAL_SESS + "lun0/thread_pid")).isEqualTo(1);
		write("devices/null1/threads_num", "3");
		assertThat(pids(CM_SESS + "lun0/thread_pid")).isEqualTo(3);
		assertThat(pids(LOCAL_SESS + "lun0/thread_pid")).isEqualTo(3);
		assertThat(read(CM_SESS + "lun0/thread_index")).isEqualTo("0\n");
		assertThat(read(LOCAL_SESS + "lun0/thread_index")).isEqualTo("1\n");
		write("devices/null1/threads_pool_type", "shared");
		assertThat(read(CM_SESS + "lun0/thread_index")).isEqualTo("-1\n");
		assertThat(read(LOCAL_SESS + "lun0/thread_index")).isEqualTo("-1\n");
		assertThat(read(LOCAL_SESS + "lun0/thread_pid")).isEqualTo(read(CM_SESS + "lun0/thread_pid"));
	}

	@Test
	void aRestartGivesPositionsInTheCurrentListNotTheFirstOnes() {
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1 size_mb=128");
		mgmt("targets/scst_local/mgmt", "add_target t2 session_name=s2");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "add null1 0");
		mgmt("targets/scst_local/t2/luns/mgmt", "add null1 0");
		String s2 = "targets/scst_local/t2/sessions/s2/";
		assertThat(read(s2 + "lun0/thread_index")).isEqualTo("2\n");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "del 0");
		assertThat(read(s2 + "lun0/thread_index")).isEqualTo("2\n");
		write("devices/null1/threads_num", "2");
		assertThat(read(s2 + "lun0/thread_index")).isEqualTo("1\n");
	}

	private int pids(String path) {
		return read(path).strip().split(" ").length;
	}

	private void write(String path, String text) {
		mgmt(path, text);
	}

}
