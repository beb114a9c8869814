package io.scst.manager.sysfs.simulation;

import org.junit.jupiter.api.Test;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.ScstPath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Read-only LUNs and the copy manager's LUNs. A LUN's {@code read_only} reads
 * {@code 1\n[key]\n} when the LUN or its device is read-only
 * ({@code scst_lun_rd_only_show()} in scst_sysfs.c, {@code acg_dev_rd_only ||
 * dev_rd_only}); the copy manager adds every new device, read-only ones included, without
 * the read-only check that a LUN added by hand goes through
 * ({@code scst_cm_dev_register()} passes {@code SCST_ADD_LUN_CM}, which skips
 * {@code scst_cm_on_add_lun()}, in scst_copy_mgr.c and scst_lib.c).
 */
class SimLunSetTests extends SimulatorWithImage {

	private static final String CM_LUNS = "targets/copy_manager/copy_manager_tgt/luns/";

	private static final String CM_SESS = "targets/copy_manager/copy_manager_tgt/sessions/copy_manager_sess/";

	private static final String LOCAL_LUNS = "targets/scst_local/scst_local_tgt/luns/";

	@Test
	void copyManagerLunOfAReadOnlyDeviceIsReadOnly() {
		mgmt("handlers/vdisk_fileio/mgmt", "add_device ro1 filename=" + this.image + "; read_only=1");
		mgmt("handlers/vdisk_nullio/mgmt", "add_device ro2 read_only=1");
		assertThat(read(CM_LUNS + "0/read_only")).isEqualTo("1\n[key]\n");
		assertThat(read(CM_LUNS + "1/read_only")).isEqualTo("1\n[key]\n");
		mgmt(LOCAL_LUNS + "mgmt", "add ro2 0");
		assertThat(read(LOCAL_LUNS + "0/read_only")).isEqualTo("1\n[key]\n");
	}

	@Test
	void vcdromLunsAreReadOnly() {
		// __vcdrom_add_device() sets rd_only, and vdisk_attach() copies it to
		// dev_rd_only
		mgmt("handlers/vcdrom/mgmt", "add_device cd1");
		mgmt(LOCAL_LUNS + "mgmt", "add cd1 0");
		assertThat(read(CM_LUNS + "0/read_only")).isEqualTo("1\n[key]\n");
		assertThat(read(LOCAL_LUNS + "0/read_only")).isEqualTo("1\n[key]\n");
	}

	@Test
	void writableDeviceLunsAreNotKeyMarked() {
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1");
		mgmt(LOCAL_LUNS + "mgmt", "add null1 0");
		assertThat(read(CM_LUNS + "0/read_only")).isEqualTo("0\n");
		assertThat(read(LOCAL_LUNS + "0/read_only")).isEqualTo("0\n");
	}

	@Test
	void readOnlyDeviceCannotBeAddedToTheCopyManagerByHand() {
		// scst_cm_on_add_lun(): "Copy Manager does not support read only devices"
		mgmt("handlers/vcdrom/mgmt", "add_device cd1");
		assertErrno(Errno.EINVAL, () -> mgmt(CM_LUNS + "mgmt", "add cd1 7"));
		assertThat(this.simulator.stat(ScstPath.of(CM_LUNS + "7"))).isEmpty();
		assertThat(this.simulator.list(ScstPath.of("devices/cd1/exported"))).hasSize(1);
	}

	@Test
	void replacingACopyManagerLunWithAReadOnlyDeviceStillDeletesTheOldOne() {
		// scst_acg_repl_lun() deletes the old LUN before scst_acg_add_lun() refuses
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1");
		mgmt("handlers/vcdrom/mgmt", "add_device cd1");
		assertErrno(Errno.EINVAL, () -> mgmt(CM_LUNS + "mgmt", "replace cd1 0"));
		assertThat(this.simulator.stat(ScstPath.of(CM_LUNS + "0"))).isEmpty();
	}

	@Test
	void aLunAddedByHandToTheCopyManagerIsReadLikeANewDevice() {
		// scst_cm_on_add_lun() -> scst_cm_dev_register() sends the initial INQUIRY
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1");
		mgmt(CM_LUNS + "mgmt", "del 0");
		assertThat(read(CM_SESS + "read_cmd_count")).isEqualTo("1\n");
		mgmt(CM_LUNS + "mgmt", "add null1 5");
		assertThat(read(CM_SESS + "read_cmd_count")).isEqualTo("2\n");
		assertThat(read(CM_SESS + "read_io_count_kb")).isEqualTo("8\n");
		mgmt(CM_LUNS + "mgmt", "replace null1 5");
		assertThat(read(CM_SESS + "read_cmd_count")).isEqualTo("3\n");
		assertThat(read(CM_SESS + "lun5/thread_index")).isEqualTo("0\n");
	}

	private void assertErrno(Errno errno, Runnable action) {
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(action::run)
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(errno));
	}

}
