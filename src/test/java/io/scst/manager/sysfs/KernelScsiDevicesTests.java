package io.scst.manager.sysfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link KernelScsiDevices} on a copy of the kernel's layout in a temporary directory.
 */
class KernelScsiDevicesTests {

	@TempDir
	Path sys;

	@Test
	void readsTheDevicesOfAHostOrderedByLun() throws IOException {
		Path target = host(3);
		device(target.resolve("3:0:0:2"), "5", "SCST_FIO", "cdrom1", "sr0", "sg1");
		device(target.resolve("3:0:0:0"), "0", "SCST_FIO", "vm_disk1", "sda", "sg0");
		device(target.resolve("3:0:0:10"), "0", "SCST_BIO", "blk", null, "sg2");
		Files.createDirectories(target.resolve("power"));
		Files.writeString(target.resolve("uevent"), "DEVTYPE=scsi_target\n");
		assertThat(new KernelScsiDevices(this.sys).ofHost(3)).containsExactly(
				new LinuxScsiDevice("3:0:0:0", 0, "disk", "SCST_FIO", "vm_disk1", "3110", "/dev/sda", "/dev/sg0"),
				new LinuxScsiDevice("3:0:0:2", 2, "cd/dvd", "SCST_FIO", "cdrom1", "3110", "/dev/sr0", "/dev/sg1"),
				new LinuxScsiDevice("3:0:0:10", 10, "disk", "SCST_BIO", "blk", "3110", null, "/dev/sg2"));
	}

	/**
	 * Linux 6.1 under load (the server's end-to-end tier): a session's disk with its sg
	 * node but not yet its sd node, sd's probe being asynchronous.
	 */
	@Test
	void aDeviceIsSettledOnceEveryLoadedUpperLevelDriverTakingItHasAttached() throws IOException {
		Path target = host(4);
		device(target.resolve("4:0:0:0"), "0", "SCST_FIO", "disk", null, "sg3");
		device(target.resolve("4:0:0:1"), "5", "SCST_FIO", "cd", null, "sg4");
		device(target.resolve("4:0:0:2"), "0", "SCST_FIO", "disk2", "sdb", null);
		Files.createDirectories(target.resolve("power"));
		KernelScsiDevices devices = new KernelScsiDevices(this.sys);
		// no sd, sr or sg loaded: nothing to wait for
		assertThat(devices.ofHost(4)).allMatch(devices::settled);
		assertThat(devices.luns(4)).isEqualTo(luns(Set.of(0, 1, 2), Set.of(0, 1, 2)));
		Files.createDirectories(this.sys.resolve("bus/scsi/drivers/sd"));
		Files.createDirectories(this.sys.resolve("class/scsi_generic"));
		assertThat(devices.ofHost(4)).extracting(devices::settled).containsExactly(false, true, false);
		assertThat(devices.luns(4)).isEqualTo(luns(Set.of(0, 1, 2), Set.of(1)));
		Files.createDirectories(this.sys.resolve("bus/scsi/drivers/sr"));
		Files.createDirectories(target.resolve("4:0:0:0/block/sda"));
		assertThat(devices.ofHost(4)).extracting(devices::settled).containsExactly(true, false, false);
		assertThat(devices.luns(4)).isEqualTo(luns(Set.of(0, 1, 2), Set.of(0)));
		Files.createDirectories(target.resolve("4:0:0:1/block/sr0"));
		Files.createDirectories(target.resolve("4:0:0:2/scsi_generic/sg5"));
		assertThat(devices.ofHost(4)).allMatch(devices::settled);
		assertThat(devices.luns(4)).isEqualTo(luns(Set.of(0, 1, 2), Set.of(0, 1, 2)));
		// the quick look and the full one agree (the interface's default is the full one)
		ScsiDevices full = new ScsiDevices() {

			@Override
			public List<LinuxScsiDevice> ofHost(int host) {
				return devices.ofHost(host);
			}

			@Override
			public boolean settled(LinuxScsiDevice device) {
				return devices.settled(device);
			}

			@Override
			public Optional<Map<String, String>> moduleParameters(String module) {
				return Optional.empty();
			}

		};
		Files.delete(target.resolve("4:0:0:2/scsi_generic/sg5"));
		Files.delete(target.resolve("4:0:0:2/scsi_generic"));
		assertThat(devices.luns(4)).isEqualTo(full.luns(4)).isEqualTo(luns(Set.of(0, 1, 2), Set.of(0, 1)));
		assertThat(devices.luns(7)).isEqualTo(luns(Set.of(), Set.of()));
	}

	private static ScsiDevices.HostLuns luns(Set<Integer> present, Set<Integer> settled) {
		return new ScsiDevices.HostLuns(present, settled);
	}

	@Test
	void aHostWithoutDevicesOrWithoutDirectoryHasNone() throws IOException {
		host(1);
		KernelScsiDevices devices = new KernelScsiDevices(this.sys);
		assertThat(devices.ofHost(1)).isEmpty();
		assertThat(devices.ofHost(7)).isEmpty();
	}

	@Test
	void devicesOfOtherHostsAreNotListed() throws IOException {
		Path target = host(2);
		device(target.resolve("4:0:0:0"), "0", "X", "Y", "sdz", "sg9");
		assertThat(new KernelScsiDevices(this.sys).ofHost(2)).isEmpty();
	}

	@Test
	void readsModuleParameters() throws IOException {
		Path parameters = Files.createDirectories(this.sys.resolve("module/scst_local/parameters"));
		Files.writeString(parameters.resolve("add_default_tgt"), "N\n");
		Files.createDirectories(this.sys.resolve("module/scst_vdisk"));
		KernelScsiDevices devices = new KernelScsiDevices(this.sys);
		assertThat(devices.moduleParameters("scst_local")).contains(Map.of("add_default_tgt", "N"));
		assertThat(devices.moduleParameters("scst_vdisk")).contains(Map.of());
		assertThat(devices.moduleParameters("iscsi_scst")).isEmpty();
	}

	/**
	 * {@code class/scsi_host/host<N>} as a link into {@code devices/}, as the kernel lays
	 * it out, with {@code device/target<N>:0:0/} below it.
	 */
	private Path host(int host) throws IOException {
		Path real = Files.createDirectories(
				this.sys.resolve("devices/scst_local/sess" + host + "/host" + host + "/scsi_host/host" + host));
		Path targetDir = Files.createDirectories(
				this.sys.resolve("devices/scst_local/sess" + host + "/host" + host + "/target" + host + ":0:0"));
		Files.createSymbolicLink(real.resolve("device"), real.getParent().getParent());
		Path classDir = Files.createDirectories(this.sys.resolve("class/scsi_host"));
		Files.createSymbolicLink(classDir.resolve("host" + host), real);
		return targetDir;
	}

	private static void device(Path dir, String type, String vendor, String model, String block, String generic)
			throws IOException {
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("type"), type + "\n");
		Files.writeString(dir.resolve("vendor"), String.format("%-8s%n", vendor));
		Files.writeString(dir.resolve("model"), String.format("%-16s%n", model));
		Files.writeString(dir.resolve("rev"), "3110\n");
		if (block != null) {
			Files.createDirectories(dir.resolve("block").resolve(block));
		}
		if (generic != null) {
			Files.createDirectories(dir.resolve("scsi_generic").resolve(generic));
		}
	}

}
