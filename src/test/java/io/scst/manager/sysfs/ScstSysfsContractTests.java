package io.scst.manager.sysfs;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The behaviour of SCST's management interface, written once and run against every
 * gateway: the simulator in every build, a live SCST tree when one is given. Each test
 * creates its own objects (names start with {@code ct}) and removes them afterwards, so
 * it can run on a real host without touching anything else. Section numbers refer to
 * {@code SCST-SYSFS.md}.
 */
public abstract class ScstSysfsContractTests {

	protected static final String FILEIO = "handlers/vdisk_fileio/mgmt";

	protected static final String NULLIO = "handlers/vdisk_nullio/mgmt";

	protected static final String BLOCKIO = "handlers/vdisk_blockio/mgmt";

	protected static final String LOCAL = "targets/scst_local/mgmt";

	protected static final String TGT = "targets/scst_local/cttgt";

	@TempDir
	protected Path temp;

	/** The gateway under test. */
	protected abstract ScstSysfs sysfs();

	@AfterEach
	void removeWhatTheTestCreated() {
		for (Entry entry : sysfs().list(ScstPath.of("targets/scst_local"))) {
			if (entry.isDirectory() && entry.name().startsWith("ct")) {
				String name = entry.name().replace('!', '/');
				quietly(() -> mgmt(LOCAL, "del_target " + name));
			}
		}
		for (Entry entry : sysfs().list(ScstPath.of("devices"))) {
			if (entry.name().startsWith("ct")) {
				quietly(() -> mgmt(FILEIO, "del_device " + entry.name()));
			}
		}
		afterCleanup();
	}

	/** Called after each test's objects were removed. */
	protected void afterCleanup() {
	}

	private static void quietly(Runnable action) {
		try {
			action.run();
		}
		catch (SysfsException ex) {
			// best effort
		}
	}

	// ---------------------------------------------------------------- helpers

	protected void mgmt(String path, String command) {
		sysfs().mgmt(ScstPath.of(path), command);
	}

	protected String read(String path) {
		return sysfs().read(ScstPath.of(path)).text();
	}

	protected boolean exists(String path) {
		return sysfs().exists(ScstPath.of(path));
	}

	protected List<String> names(String dir) {
		return sysfs().list(ScstPath.of(dir)).stream().map(Entry::name).toList();
	}

	protected static void assertErrno(Errno errno, ThrowingCallable call) {
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(call)
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(errno));
	}

	protected String image(String name, long size) {
		Path file = this.temp.resolve(name);
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(size);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return file.toString();
	}

	protected void fileio(String device) {
		mgmt(FILEIO, "add_device " + device + " filename=" + image(device + ".img", 16 << 20));
	}

	protected void nullio(String device) {
		mgmt(NULLIO, "add_device " + device + " size_mb=16");
	}

	protected void target(String sessions) {
		mgmt(LOCAL, "add_target cttgt" + (sessions.isEmpty() ? "" : " session_name=" + sessions));
	}

	// ---------------------------------------------------------------- 1. mechanics

	@Test
	void writingAReadOnlyAttributeFailsAtOpenWithEaccesAndLeavesTheResultSlot() {
		assertErrno(Errno.EEXIST, () -> {
			nullio("ctdup");
			nullio("ctdup");
		});
		assertThat(read("last_sysfs_mgmt_res")).isEqualTo("-17\n");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> sysfs().write(ScstPath.of("version"), "x"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EACCES);
				assertThat(ex.stage()).isEqualTo(KernelRejectedException.Stage.OPEN);
			});
		assertThat(read("last_sysfs_mgmt_res")).isEqualTo("-17\n");
	}

	@Test
	void writingAMissingAttributeIsEnoent() {
		assertErrno(Errno.ENOENT, () -> sysfs().write(ScstPath.of("targets/copy_manager/mgmt"), "x"));
	}

	@Test
	void readingAWriteOnlyAttributeIsEacces() {
		fileio("ctwo");
		assertErrno(Errno.EACCES, () -> read("devices/ctwo/resync_size"));
	}

	@Test
	void readsOfWhatMayBeMissingAnswerEmptyInsteadOfFailing() {
		fileio("ctif");
		assertThat(sysfs().readLinkIfPresent(ScstPath.of("devices/ctif/handler")))
			.contains("../../handlers/vdisk_fileio");
		assertThat(sysfs().readLinkIfPresent(ScstPath.of("devices/ctif/no_such_link"))).isEmpty();
		assertThat(sysfs().readLinkIfPresent(ScstPath.of("devices/ctif/size"))).isEmpty();
		assertThat(sysfs().readIfPresent(ScstPath.of("devices/ctif/size"))).map(Attribute::value)
			.contains(String.valueOf(16 << 20));
		assertThat(sysfs().readIfPresent(ScstPath.of("devices/ctif/no_such_file"))).isEmpty();
		assertThat(sysfs().readIfPresent(ScstPath.of("devices/ctif/resync_size"))).isEmpty();
		assertThat(sysfs().listIfPresent(ScstPath.of("devices/ctif/exported")).orElseThrow()).extracting(Entry::name)
			.containsExactly("export0");
		assertThat(sysfs().listIfPresent(ScstPath.of("devices/ctif/no_such_dir"))).isEmpty();
		assertThat(sysfs().listIfPresent(ScstPath.of("devices/ctif/size"))).isEmpty();
	}

	@Test
	void directWritesDoNotTouchTheResultSlot() {
		target("");
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "add_target"));
		assertThat(read("last_sysfs_mgmt_res")).isEqualTo("-22\n");
		sysfs().write(ScstPath.of(TGT + "/scsi_transport_version"), "0x0C00");
		assertThat(read("last_sysfs_mgmt_res")).isEqualTo("-22\n");
		mgmt(LOCAL, "add_session cttgt cts");
		assertThat(read("last_sysfs_mgmt_res")).isEqualTo("0\n");
	}

	@Test
	void rootAttributesHaveTheirDefaults() {
		assertThat(read("setup_id")).isEqualTo("0x0\n");
		assertThat(read("suspend")).isEqualTo("0\n");
		assertThat(read("max_tasklet_cmd")).isEqualTo("10\n");
		assertThat(read("cluster_name")).isEmpty();
		assertThat(read("version")).startsWith("SCST version: 3.11");
		assertThat(names("")).contains("targets", "devices", "handlers", "sgv", "device_groups").doesNotContain("mgmt");
	}

	// ---------------------------------------------------------------- 12. handler mgmt

	@Test
	void addDeviceCreatesTheDeviceItsLinksAndACopyManagerLun() {
		String file = image("ctd.img", 64 << 20);
		mgmt(FILEIO, "add_device ctd filename=" + file + "; nv_cache=1");
		assertThat(sysfs().readLink(ScstPath.of("devices/ctd/handler"))).isEqualTo("../../handlers/vdisk_fileio");
		assertThat(sysfs().readLink(ScstPath.of("handlers/vdisk_fileio/ctd"))).isEqualTo("../../devices/ctd");
		assertThat(sysfs().readLink(ScstPath.of("devices/ctd/exported/export0")))
			.startsWith("../../../targets/copy_manager/copy_manager_tgt/luns/");
		assertThat(read("devices/ctd/filename")).isEqualTo(file + "\n[key]\n\n");
		assertThat(read("devices/ctd/size")).isEqualTo("67108864\n[key]\n");
		assertThat(read("devices/ctd/size_mb")).isEqualTo("64\n");
		assertThat(read("devices/ctd/nv_cache")).isEqualTo("1\n[key]\n");
		assertThat(read("devices/ctd/threads_num")).isEqualTo("8\n");
		assertThat(read("devices/ctd/threads_pool_type")).isEqualTo("per_initiator\n");
		assertThat(read("devices/ctd/prod_id")).isEqualTo("ctd\n");
	}

	@Test
	void generatedIdentifiersFollowTheCrc32cRule() {
		nullio("ctdisk1");
		// CRC-32C (raw) of "ctdisk1\0" computed independently: see Crc32cTests vectors
		assertThat(read("devices/ctdisk1/t10_dev_id")).endsWith("-ctdisk1\n");
		String usn = read("devices/ctdisk1/usn").strip();
		assertThat(read("devices/ctdisk1/t10_dev_id")).isEqualTo(usn + "-ctdisk1\n");
		assertThat(read("devices/ctdisk1/vend_specific_id")).isEqualTo(usn + "-ctdisk1\n");
	}

	@Test
	void duplicateDeviceNamesAreEexistAcrossHandlers() {
		nullio("ctdup");
		assertErrno(Errno.EEXIST, () -> nullio("ctdup"));
		assertErrno(Errno.EEXIST, () -> fileio("ctdup"));
	}

	@Test
	void deviceNameRules() {
		String file = image("n.img", 1 << 20);
		assertErrno(Errno.EINVAL, () -> mgmt(FILEIO, "add_device ct/bad filename=" + file));
		assertErrno(Errno.EINVAL, () -> mgmt(FILEIO, "add_device ct.bad filename=" + file));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ct" + "x".repeat(63)));
		mgmt(NULLIO, "add_device ct" + "x".repeat(62));
		assertThat(exists("devices/ct" + "x".repeat(62))).isTrue();
		assertThat(names("devices")).noneMatch((n) -> n.startsWith("ct/") || n.startsWith("ct.") || n.length() > 64);
	}

	@Test
	void handlerMgmtSyntaxErrorsAreEinval() {
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "frobnicate ctx"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "del_device"));
		nullio("ctx");
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "del_device ctx extra"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "del_device ctnosuch"));
	}

	@Test
	void creationParametersAreChecked() {
		String file = image("p.img", 1 << 20);
		assertErrno(Errno.EINVAL, () -> mgmt(FILEIO, "add_device ctp"));
		assertErrno(Errno.EINVAL, () -> mgmt(FILEIO, "add_device ctp filename=relative.img"));
		assertErrno(Errno.EINVAL, () -> mgmt(FILEIO, "add_device ctp filename=" + file + ";filename=" + file));
		assertErrno(Errno.EINVAL, () -> mgmt(FILEIO, "add_device ctp filename=" + file + "; bogus=1"));
		assertErrno(Errno.EINVAL, () -> mgmt(FILEIO, "add_device ctp filename=" + file + "; read_only=1; nv_cache=1"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp filename=" + file));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp size_mb=abc"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp size_mb"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp size_mb=1 2"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp size=1000"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp tst=2"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp dummy=2"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp blocksize=100"));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp t10_dev_id=" + "x".repeat(26)));
		assertErrno(Errno.EINVAL, () -> mgmt(NULLIO, "add_device ctp read_only=-1"));
		assertThat(exists("devices/ctp")).isFalse();
	}

	@Test
	void missingBackingFileIsEnoentAndLeavesNothingBehind() {
		List<String> copyManagerLuns = names("targets/copy_manager/copy_manager_tgt/luns");
		assertErrno(Errno.ENOENT, () -> mgmt(FILEIO, "add_device ctm filename=" + this.temp.resolve("missing.img")));
		assertThat(read("last_sysfs_mgmt_res")).isEqualTo("-2\n");
		assertThat(exists("devices/ctm")).isFalse();
		assertThat(exists("handlers/vdisk_fileio/ctm")).isFalse();
		assertThat(names("targets/copy_manager/copy_manager_tgt/luns")).isEqualTo(copyManagerLuns);
	}

	@Test
	void booleanCreationFlagsKeepTheLowestBitAndBlockSizesRoundDown() {
		mgmt(NULLIO, "add_device ctb2 read_only=2");
		mgmt(NULLIO, "add_device ctb3 read_only=3; blocksize=1000");
		mgmt(NULLIO, "add_device ctb4 blocksize=4096; size_mb=1");
		assertThat(read("devices/ctb2/read_only")).isEqualTo("0\n");
		assertThat(read("devices/ctb3/read_only")).isEqualTo("1\n[key]\n");
		assertThat(read("devices/ctb3/blocksize")).isEqualTo("512\n");
		assertThat(read("devices/ctb4/blocksize")).isEqualTo("4096\n[key]\n");
	}

	@Test
	void nullioSizeIsKeyUnlessDefaultAndSizeMbNever() {
		mgmt(NULLIO, "add_device ctn1");
		mgmt(NULLIO, "add_device ctn2 size_mb=128");
		assertThat(read("devices/ctn1/size")).isEqualTo("2748779069440\n");
		assertThat(read("devices/ctn2/size")).isEqualTo("134217728\n[key]\n");
		assertThat(read("devices/ctn2/size_mb")).isEqualTo("128\n");
		sysfs().write(ScstPath.of("devices/ctn2/size_mb"), "256");
		assertThat(read("devices/ctn2/size")).isEqualTo("268435456\n[key]\n");
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of("devices/ctn2/size"), "1000"));
	}

	@Test
	void fileioSizeIsReadOnlyAndFilenameChangesOnlyWhileInactive() {
		fileio("ctf");
		assertErrno(Errno.EACCES, () -> sysfs().write(ScstPath.of("devices/ctf/size_mb"), "1"));
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of("devices/ctf/filename"), "/tmp/x"));
		sysfs().write(ScstPath.of("devices/ctf/active"), "0");
		assertThat(read("devices/ctf/active")).isEqualTo("0\n[key]\n");
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of("devices/ctf/filename"), "relative"));
		String other = image("other.img", 2 << 20);
		sysfs().write(ScstPath.of("devices/ctf/filename"), "  " + other + "  ");
		sysfs().write(ScstPath.of("devices/ctf/active"), "1");
		assertThat(read("devices/ctf/filename")).isEqualTo(other + "\n[key]\n\n");
		assertThat(read("devices/ctf/size_mb")).isEqualTo("2\n");
	}

	@Test
	void identityAttributesFollowTheirLimitsAndSetFlags() {
		nullio("cti");
		sysfs().write(ScstPath.of("devices/cti/t10_vend_id"), "SCST_FIO");
		assertThat(read("devices/cti/t10_vend_id")).isEqualTo("SCST_FIO\n[key]\n");
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of("devices/cti/t10_vend_id"), "123456789"));
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of("devices/cti/prod_id"), "x".repeat(17)));
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of("devices/cti/naa_id"), "0x1234"));
		sysfs().write(ScstPath.of("devices/cti/naa_id"), "0x6001405abcdef0123456789abcdef012");
		assertThat(read("devices/cti/naa_id")).isEqualTo("0x6001405abcdef0123456789abcdef012\n[key]\n");
		sysfs().write(ScstPath.of("devices/cti/naa_id"), "");
		assertThat(read("devices/cti/naa_id")).isEqualTo("\n");
		assertThat(read("devices/cti/eui64_id")).isEqualTo("\n");
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of("devices/cti/eui64_id"), "0x12"));
	}

	@Test
	void deleteDeviceWorksThroughAnyVdiskHandlerAndRemovesItsLuns() {
		nullio("ctdel");
		target("cts");
		mgmt(TGT + "/luns/mgmt", "add ctdel 0");
		assertThat(exists(TGT + "/sessions/cts/lun0")).isTrue();
		mgmt(FILEIO, "del_device ctdel");
		assertThat(exists("devices/ctdel")).isFalse();
		assertThat(exists(TGT + "/luns/0")).isFalse();
		assertThat(exists(TGT + "/sessions/cts/lun0")).isFalse();
	}

	@Test
	void blockioAndCdromHandlersCreateTheirDevices() {
		String file = image("ctb.img", 8 << 20);
		// vdisk_blockio opens its backing as a block device: a regular file is ENOTBLK
		// while the device is active (the default) and accepted while it is not
		assertErrno(Errno.ENOTBLK, () -> mgmt(BLOCKIO, "add_device ctblk filename=" + file));
		assertThat(sysfs().exists(ScstPath.of("devices/ctblk"))).isFalse();
		mgmt(BLOCKIO, "add_device ctblk filename=" + file + "; active=0");
		assertErrno(Errno.ENOTBLK, () -> sysfs().write(ScstPath.of("devices/ctblk/active"), "1"));
		assertThat(read("devices/ctblk/active")).startsWith("0\n");
		assertThat(read("devices/ctblk/t10_vend_id")).isEqualTo("SCST_BIO\n");
		assertThat(read("devices/ctblk/threads_num")).isEqualTo("1\n");
		assertThat(read("devices/ctblk/bind_alua_state")).isEqualTo("1\n");
		assertErrno(Errno.EINVAL, () -> mgmt(BLOCKIO, "add_device ctblk2 filename=" + file + "; o_direct=1"));
		mgmt("handlers/vcdrom/mgmt", "add_device ctcd tst=0");
		assertThat(read("devices/ctcd/type")).isEqualTo("5 - CD-ROM device\n");
		assertThat(read("devices/ctcd/filename")).isEqualTo("none\n\n");
		assertThat(read("devices/ctcd/tst")).isEqualTo("0\n[key]\n");
		assertErrno(Errno.EINVAL, () -> mgmt("handlers/vcdrom/mgmt", "add_device ctcd2 filename=" + file));
		sysfs().write(ScstPath.of("devices/ctcd/filename"), file);
		assertThat(read("devices/ctcd/size_mb")).isEqualTo("8\n");
		sysfs().write(ScstPath.of("devices/ctcd/filename"), "");
		assertThat(read("devices/ctcd/filename")).isEqualTo("none\n\n");
		mgmt(FILEIO, "del_device ctcd");
	}

	@Test
	void setupIdSeedsTheIdentifiersOfDevicesCreatedLater() {
		String before = read("setup_id");
		try {
			sysfs().write(ScstPath.of("setup_id"), "1");
			assertThat(read("setup_id")).isEqualTo("0x1\n[key]\n");
			mgmt(NULLIO, "add_device ctsid");
			String usn = read("devices/ctsid/usn").strip();
			assertThat(usn).hasSize(9).startsWith("1");
		}
		finally {
			sysfs().write(ScstPath.of("setup_id"), before.lines().findFirst().orElse("0"));
		}
	}

	// ---------------------------------------------------------------- 8. luns/mgmt

	@Test
	void addLunCreatesTheLunTheExportLinkAndTheSessionLun() {
		nullio("ctl");
		target("cts");
		mgmt(TGT + "/luns/mgmt", "add ctl 3 read_only=1");
		assertThat(read(TGT + "/luns/3/read_only")).isEqualTo("1\n[key]\n");
		assertThat(sysfs().readLink(ScstPath.of(TGT + "/luns/3/device"))).isEqualTo("../../../../../devices/ctl");
		assertThat(sysfs().readLink(ScstPath.of("devices/ctl/exported/export1")))
			.isEqualTo("../../../targets/scst_local/cttgt/luns/3");
		assertThat(names(TGT + "/sessions/cts/lun3")).containsExactly("active_commands", "thread_index", "thread_pid");
		assertThat(sysfs().readLink(ScstPath.of(TGT + "/sessions/cts/luns"))).isEqualTo("../../luns");
	}

	@Test
	void lunNumbersParseLikeTheKernel() {
		nullio("ctl");
		target("");
		mgmt(TGT + "/luns/mgmt", "add ctl 010");
		mgmt(TGT + "/luns/mgmt", "add ctl 0x10");
		mgmt(TGT + "/luns/mgmt", "add ctl 16383");
		assertThat(names(TGT + "/luns")).contains("8", "16", "16383");
		assertErrno(Errno.EINVAL, () -> mgmt(TGT + "/luns/mgmt", "add ctl 16384"));
		assertErrno(Errno.EINVAL, () -> mgmt(TGT + "/luns/mgmt", "add ctl -1"));
		assertErrno(Errno.EINVAL, () -> mgmt(TGT + "/luns/mgmt", "add ctl abc"));
		assertErrno(Errno.EINVAL, () -> mgmt(TGT + "/luns/mgmt", "add ctl"));
	}

	@Test
	void lunMgmtErrors() {
		nullio("ctl");
		target("");
		String luns = TGT + "/luns/mgmt";
		mgmt(luns, "add ctl 0");
		assertErrno(Errno.EEXIST, () -> mgmt(luns, "add ctl 0"));
		assertErrno(Errno.EINVAL, () -> mgmt(luns, "add ctnosuch 1"));
		assertErrno(Errno.EINVAL, () -> mgmt(luns, "add ctl 1 bogus=1"));
		assertErrno(Errno.EINVAL, () -> mgmt(luns, "add ctl 1 read_only"));
		assertErrno(Errno.EINVAL, () -> mgmt(luns, "add ctl 1 read_only=abc"));
		assertErrno(Errno.EINVAL, () -> mgmt(luns, "frobnicate ctl 1"));
		assertErrno(Errno.EINVAL, () -> mgmt(luns, "del 77"));
		assertErrno(Errno.EINVAL, () -> mgmt(luns, "del abc"));
		assertErrno(Errno.EINVAL, () -> mgmt(luns, "del 0 extra"));
		assertErrno(Errno.EINVAL, () -> mgmt(luns, "clear extra"));
		assertThat(names(TGT + "/luns")).containsExactly("0", "mgmt");
		mgmt(luns, "add ctl 1");
		assertThat(names(TGT + "/luns")).containsExactly("0", "1", "mgmt");
	}

	@Test
	void replaceSwapsTheDeviceAndExportNumbersAreNeverReused() {
		nullio("cta");
		nullio("ctb");
		target("");
		String luns = TGT + "/luns/mgmt";
		mgmt(luns, "add cta 0");
		mgmt(luns, "replace ctb 0");
		assertThat(sysfs().readLink(ScstPath.of(TGT + "/luns/0/device"))).endsWith("/devices/ctb");
		mgmt(luns, "replace_no_ua cta 0");
		mgmt(luns, "replace cta 5");
		assertThat(names("devices/cta/exported")).containsExactly("export0", "export2", "export3");
		mgmt(luns, "del 0");
		mgmt(luns, "clear");
		mgmt(luns, "clear");
		assertThat(names(TGT + "/luns")).containsExactly("mgmt");
		assertThat(names("devices/cta/exported")).containsExactly("export0");
	}

	@Test
	void copyManagerRefusesReadOnlyLunsAndGroups() {
		nullio("ctcm");
		assertErrno(Errno.EINVAL,
				() -> mgmt("targets/copy_manager/copy_manager_tgt/luns/mgmt", "add ctcm 16000 read_only=1"));
		assertErrno(Errno.EINVAL, () -> mgmt("targets/copy_manager/copy_manager_tgt/ini_groups/mgmt", "create ctg"));
	}

	// ---------------------------------------------------------------- 9. groups and
	// initiators

	@Test
	void iniGroupsMgmtRules() {
		target("");
		String groups = TGT + "/ini_groups/mgmt";
		mgmt(groups, "create ctg extra words");
		assertThat(names(TGT + "/ini_groups")).containsExactly("ctg", "mgmt");
		assertErrno(Errno.EEXIST, () -> mgmt(groups, "create ctg"));
		assertErrno(Errno.EEXIST, () -> mgmt(groups, "create mgmt"));
		assertErrno(Errno.EINVAL, () -> mgmt(groups, "create"));
		assertErrno(Errno.EINVAL, () -> mgmt(groups, "frobnicate ctg"));
		assertErrno(Errno.EINVAL, () -> mgmt(groups, "del ctnosuch"));
		mgmt(groups, "create ct/slash");
		assertThat(names(TGT + "/ini_groups")).contains("ct!slash");
		mgmt(groups, "del ct/slash");
		assertThat(names(TGT + "/ini_groups")).containsExactly("ctg", "mgmt");
		assertThat(names(TGT + "/ini_groups/ctg")).containsExactly("addr_method", "black_hole", "cpu_mask",
				"initiators", "io_grouping_type", "luns");
	}

	@Test
	void groupWithAttachedSessionCannotBeDeleted() {
		nullio("ctl");
		target("cts");
		mgmt(TGT + "/ini_groups/mgmt", "create ctg");
		mgmt(TGT + "/ini_groups/ctg/luns/mgmt", "add ctl 0");
		mgmt(TGT + "/ini_groups/ctg/initiators/mgmt", "add cts");
		assertErrno(Errno.EBUSY, () -> mgmt(TGT + "/ini_groups/mgmt", "del ctg"));
		assertThat(read("last_sysfs_mgmt_res")).isEqualTo("-16\n");
		mgmt(TGT + "/ini_groups/ctg/initiators/mgmt", "del cts");
		mgmt(TGT + "/ini_groups/mgmt", "del ctg");
		assertThat(names("devices/ctl/exported")).containsExactly("export0");
	}

	@Test
	void initiatorEntriesMoveSessionsBetweenLunSets() {
		nullio("ctl");
		target("Host-A");
		String initiators = TGT + "/ini_groups/ctg/initiators/mgmt";
		mgmt(TGT + "/ini_groups/mgmt", "create ctg");
		mgmt(TGT + "/ini_groups/ctg/luns/mgmt", "add ctl 7");
		mgmt(initiators, "add host-*");
		assertThat(read(TGT + "/ini_groups/ctg/initiators/host-*")).isEqualTo("host-*\n");
		assertThat(sysfs().readLink(ScstPath.of(TGT + "/sessions/Host-A/luns"))).isEqualTo("../../ini_groups/ctg/luns");
		assertThat(names(TGT + "/sessions/Host-A")).contains("lun7");
		mgmt(initiators, "clear");
		assertThat(sysfs().readLink(ScstPath.of(TGT + "/sessions/Host-A/luns"))).isEqualTo("../../luns");
		assertThat(names(TGT + "/sessions/Host-A")).doesNotContain("lun7");
		mgmt(initiators, "add !nobody");
		assertThat(sysfs().readLink(ScstPath.of(TGT + "/sessions/Host-A/luns"))).isEqualTo("../../ini_groups/ctg/luns");
	}

	@Test
	void initiatorMgmtErrors() {
		target("");
		mgmt(TGT + "/ini_groups/mgmt", "create ctg");
		mgmt(TGT + "/ini_groups/mgmt", "create ctg2");
		String initiators = TGT + "/ini_groups/ctg/initiators/mgmt";
		mgmt(initiators, "add iqn.1");
		assertErrno(Errno.EEXIST, () -> mgmt(initiators, "add iqn.1"));
		assertErrno(Errno.EEXIST, () -> mgmt(initiators, "add mgmt"));
		assertErrno(Errno.EINVAL, () -> mgmt(initiators, "add"));
		assertErrno(Errno.EINVAL, () -> mgmt(initiators, "del IQN.1"));
		assertErrno(Errno.EINVAL, () -> mgmt(initiators, "frobnicate iqn.1"));
		assertErrno(Errno.EINVAL, () -> mgmt(initiators, "move iqn.1"));
		assertErrno(Errno.EINVAL, () -> mgmt(initiators, "move iqn.1 ctnosuch"));
		assertErrno(Errno.EINVAL, () -> mgmt(initiators, "move iqn.9 ctg2"));
		assertErrno(Errno.EEXIST, () -> mgmt(initiators, "move iqn.1 ctg"));
		mgmt(initiators, "move iqn.1 ctg2");
		assertThat(names(TGT + "/ini_groups/ctg2/initiators")).containsExactly("iqn.1", "mgmt");
		assertThat(names(TGT + "/ini_groups/ctg/initiators")).containsExactly("mgmt");
	}

	// ---------------------------------------------------------------- 11. scst_local

	@Test
	void addTargetWithSessions() {
		mgmt(LOCAL, "add_target cttgt session_name=cta;session_name=ctb");
		assertThat(names(TGT + "/sessions")).containsExactly("cta", "ctb");
		assertThat(read(TGT + "/sessions/cta/initiator_name")).isEqualTo("cta\n");
		assertThat(read(TGT + "/scsi_transport_version")).isEqualTo("0xbe0\n");
		assertThat(read(TGT + "/phys_transport_version")).isEqualTo("0x0\n");
		assertThat(read(TGT + "/rel_tgt_id")).isEqualTo("0\n");
		assertThat(exists(TGT + "/enabled")).isFalse();
		String host = read(TGT + "/sessions/cta/host_no").strip();
		assertThat(sysfs().readLink(ScstPath.of(TGT + "/sessions/cta/host")))
			.isEqualTo("../../../../../../../devices/scst_local/cta/host" + host + "/scsi_host/host" + host);
	}

	@Test
	void addTargetErrorsRollTheTargetBack() {
		target("");
		assertErrno(Errno.EFAULT, () -> target(""));
		assertThat(read("last_sysfs_mgmt_res")).isEqualTo("-14\n");
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "add_target"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "add_target ctbad bogus_param=1"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "add_target ctbad name"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "add_target ctbad session_name"));
		assertErrno(Errno.EFAULT, () -> mgmt(LOCAL, "add_target mgmt"));
		assertThat(exists("targets/scst_local/ctbad")).isFalse();
	}

	@Test
	void addTargetParameterListEndsAtAnEmptyToken() {
		mgmt(LOCAL, "add_target cttgt session_name=cta b;;session_name=ctc");
		assertThat(names(TGT + "/sessions")).containsExactly("cta");
		mgmt(LOCAL, "add_target ct2 session_name=ctd; ");
		assertThat(names("targets/scst_local/ct2/sessions")).containsExactly("ctd");
	}

	@Test
	void slashInTargetNamesBecomesBang() {
		mgmt(LOCAL, "add_target ct/slash session_name=ct/s");
		assertThat(names("targets/scst_local")).contains("ct!slash");
		assertThat(names("targets/scst_local/ct!slash/sessions")).containsExactly("ct!s");
		assertThat(read("targets/scst_local/ct!slash/sessions/ct!s/initiator_name")).isEqualTo("ct/s\n");
		mgmt(LOCAL, "del_target ct/slash");
		assertThat(names("targets/scst_local")).doesNotContain("ct!slash");
	}

	@Test
	void duplicateSessionNamesGetSuffixesAndDelSessionRemovesTheOldest() {
		target("cth");
		mgmt(LOCAL, "add_session cttgt cth");
		mgmt(LOCAL, "add_session cttgt cth");
		assertThat(names(TGT + "/sessions")).containsExactly("cth", "cth_1", "cth_2");
		assertThat(read(TGT + "/sessions/cth_2/initiator_name")).isEqualTo("cth\n");
		mgmt(LOCAL, "del_session cttgt cth");
		awaitSessions(List.of("cth_1", "cth_2"));
		mgmt(LOCAL, "del_session cttgt cth");
		awaitSessions(List.of("cth_2"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "del_session cttgt cth_2"));
	}

	private void awaitSessions(List<String> expected) {
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(names(TGT + "/sessions")).isEqualTo(expected));
	}

	@Test
	void sessionCommandsErrors() {
		target("");
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, ""));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "add_session"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "add_session ctnosuch s"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "add_session cttgt"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "del_session cttgt nosuch"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "foo"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "frobnicate cttgt"));
		mgmt(LOCAL, "frobnicate cttgt anything");
		assertErrno(Errno.ENOENT, () -> mgmt(LOCAL, "del_target ctnosuch"));
		assertErrno(Errno.EINVAL, () -> mgmt(LOCAL, "del_target cttgt extra"));
	}

	@Test
	void sessionDirectoryNamesCollideAcrossTargets() {
		target("ctshared");
		mgmt(LOCAL, "add_target ct2");
		assertErrno(Errno.EEXIST, () -> mgmt(LOCAL, "add_session ct2 ctshared"));
	}

	@Test
	void delTargetRemovesSessionsGroupsAndLunLinks() {
		nullio("ctl");
		target("cts");
		mgmt(TGT + "/luns/mgmt", "add ctl 0");
		mgmt(TGT + "/ini_groups/mgmt", "create ctg");
		mgmt(TGT + "/ini_groups/ctg/luns/mgmt", "add ctl 1");
		mgmt(TGT + "/ini_groups/ctg/initiators/mgmt", "add other");
		mgmt(LOCAL, "del_target cttgt");
		assertThat(exists(TGT)).isFalse();
		assertThat(names("devices/ctl/exported")).containsExactly("export0");
	}

	@Test
	void transportVersionsAreSixteenBitWithKeyRules() {
		target("");
		sysfs().write(ScstPath.of(TGT + "/scsi_transport_version"), "0x0C00");
		assertThat(read(TGT + "/scsi_transport_version")).isEqualTo("0xc00\n[key]\n");
		sysfs().write(ScstPath.of(TGT + "/scsi_transport_version"), "0xbe0");
		assertThat(read(TGT + "/scsi_transport_version")).isEqualTo("0xbe0\n[key]\n");
		sysfs().write(ScstPath.of(TGT + "/scsi_transport_version"), "0");
		assertThat(read(TGT + "/scsi_transport_version")).isEqualTo("0xbe0\n");
		sysfs().write(ScstPath.of(TGT + "/phys_transport_version"), "0x1ffff");
		assertThat(read(TGT + "/phys_transport_version")).isEqualTo("0xffff\n[key]\n");
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of(TGT + "/phys_transport_version"), "zzz"));
	}

	@Test
	void transportIdIsBinaryAndWritable() {
		target("cts");
		byte[] id = sysfs().read(ScstPath.of(TGT + "/sessions/cts/transport_id")).bytes();
		assertThat(id).hasSize(24);
		assertThat(id[0]).isEqualTo((byte) 0x06);
		assertThat(id).startsWith((byte) 0x06, (byte) 0, (byte) 0, (byte) 0, (byte) 0x5f, (byte) 0xee, (byte) 0xde);
		byte[] custom = { 1, 2, 3, 0, (byte) 0xff };
		sysfs().writeBytes(ScstPath.of(TGT + "/sessions/cts/transport_id"), custom);
		assertThat(sysfs().read(ScstPath.of(TGT + "/sessions/cts/transport_id")).bytes()).isEqualTo(custom);
	}

	@Test
	void forceCloseRemovesTheSession() {
		target("cts");
		sysfs().write(ScstPath.of(TGT + "/sessions/cts/force_close"), "1");
		awaitSessions(List.of());
	}

	@Test
	void sessionCounterWritesResetTheirDirection() {
		target("cts");
		sysfs().write(ScstPath.of(TGT + "/sessions/cts/read_cmd_count"), "0");
		assertThat(read(TGT + "/sessions/cts/read_io_count_kb")).isEqualTo("0\n");
		assertThat(read(TGT + "/read_cmd_count")).isEqualTo("0\n");
	}

	// ---------------------------------------------------------------- 7. target
	// attributes

	@Test
	void targetAttributeRules() {
		target("");
		assertThat(read(TGT + "/addr_method")).isEqualTo("PERIPHERAL\n");
		sysfs().write(ScstPath.of(TGT + "/addr_method"), "flat");
		assertThat(read(TGT + "/addr_method")).isEqualTo("FLAT\n[key]\n");
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of(TGT + "/addr_method"), "P"));
		sysfs().write(ScstPath.of(TGT + "/io_grouping_type"), "never");
		assertThat(read(TGT + "/io_grouping_type")).isEqualTo("never\n[key]\n");
		sysfs().write(ScstPath.of(TGT + "/io_grouping_type"), "3");
		assertThat(read(TGT + "/io_grouping_type")).isEqualTo("3\n[key]\n");
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of(TGT + "/io_grouping_type"), "-3"));
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of(TGT + "/black_hole"), "5"));
		assertThat(read(TGT + "/comment")).isEmpty();
		sysfs().write(ScstPath.of(TGT + "/comment"), "rack 4");
		assertThat(read(TGT + "/comment")).isEqualTo("rack 4\n[key]\n");
		sysfs().write(ScstPath.of(TGT + "/comment"), "");
		assertThat(read(TGT + "/comment")).isEmpty();
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of(TGT + "/forward_src"), "2"));
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of(TGT + "/cpu_mask"), "xyz"));
	}

	@Test
	void relTgtIdIsUniqueAndRangeChecked() {
		target("");
		mgmt(LOCAL, "add_target ct2");
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of(TGT + "/rel_tgt_id"), "abc"));
		assertErrno(Errno.EINVAL, () -> sysfs().write(ScstPath.of(TGT + "/rel_tgt_id"), "0"));
		sysfs().write(ScstPath.of(TGT + "/rel_tgt_id"), "7");
		assertThat(read(TGT + "/rel_tgt_id")).isEqualTo("7\n[key]\n");
		sysfs().write(ScstPath.of(TGT + "/rel_tgt_id"), "7");
		assertErrno(Errno.EBADSLT, () -> sysfs().write(ScstPath.of("targets/scst_local/ct2/rel_tgt_id"), "7"));
		assertErrno(Errno.EBADSLT, () -> sysfs().write(ScstPath.of(TGT + "/rel_tgt_id"), "0"));
	}

}
