package io.scst.manager.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.scst.manager.cli.MountSimulatorCommand.Mounted;
import io.scst.manager.cli.MountSimulatorCommand.Options;
import io.scst.manager.cli.MountSimulatorCommand.State;
import io.scst.manager.mount.EnabledIfFuse;
import io.scst.manager.sysfs.ScstPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The {@code mount-simulator} command. */
class MountSimulatorCommandTests {

	@TempDir
	Path mountPoint;

	@TempDir
	Path dataDir;

	@Test
	void defaultsAreTheServersDemoOnThisMachinesCpus() {
		Options options = Options.parse("/mnt/scst");
		assertThat(options).isEqualTo(new Options(Path.of("/mnt/scst"), State.DEMO,
				Runtime.getRuntime().availableProcessors(), Path.of("data"), true));
	}

	@Test
	void everyOptionIsRead() {
		Options options = Options.parse("--state=fresh", "/mnt/scst", "--cpus=8", "--data-dir=/var/lib/scst",
				"--add-default-target=false");
		assertThat(options)
			.isEqualTo(new Options(Path.of("/mnt/scst"), State.FRESH, 8, Path.of("/var/lib/scst"), false));
	}

	@Test
	void badArgumentsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(Options::parse).withMessageContaining("Missing the directory");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("a", "b")).withMessageContaining("b");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("d", "--state=empty"))
			.withMessageContaining("--state");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("d", "--cpus=0"))
			.withMessageContaining("--cpus");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("d", "--cpus=many"))
			.withMessageContaining("--cpus");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("d", "--verbose"))
			.withMessageContaining("--verbose");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("d", "--colour=red"))
			.withMessageContaining("Unknown option");
		assertThatIllegalArgumentException().isThrownBy(() -> Options.parse("d", "--add-default-target=false"))
			.withMessageContaining("needs --state=fresh");
	}

	@Test
	void badUsageExitsWithTwoWithoutMounting() throws IOException {
		assertThat(MountSimulatorCommand.run(this.mountPoint.toString(), "--cpus=0")).isEqualTo(2);
		assertThat(MountSimulatorCommand.run()).isEqualTo(2);
		try (var listed = Files.list(this.mountPoint)) {
			assertThat(listed).isEmpty();
		}
	}

	@Test
	@EnabledIfFuse
	void freshStateHasTheModulesOnlyAndTheGivenCpus() throws IOException {
		try (Mounted mounted = MountSimulatorCommand.start(
				Options.parse(this.mountPoint.toString(), "--state=fresh", "--cpus=3", "--data-dir=" + this.dataDir))) {
			assertThat(Files.readString(this.mountPoint.resolve("threads"))).isEqualTo("3\n");
			assertThat(Files.exists(this.mountPoint.resolve("targets/scst_local/scst_local_tgt"))).isTrue();
			try (var devices = Files.list(this.mountPoint.resolve("devices"))) {
				assertThat(devices).isEmpty();
			}
			assertThat(mounted.simulator().stat(ScstPath.of("threads"))).isPresent();
		}
		try (var listed = Files.list(this.mountPoint)) {
			assertThat(listed).as("unmounted").isEmpty();
		}
	}

	@Test
	@EnabledIfFuse
	void freshStateWithoutTheDefaultTarget() throws IOException {
		try (Mounted mounted = MountSimulatorCommand
			.start(Options.parse(this.mountPoint.toString(), "--state=fresh", "--add-default-target=false"))) {
			try (var targets = Files.list(this.mountPoint.resolve("targets/scst_local"))) {
				assertThat(targets.map((path) -> path.getFileName().toString())).doesNotContain("scst_local_tgt");
			}
		}
	}

	@Test
	@EnabledIfFuse
	void demoStateExportsTheSeedDisk() throws IOException {
		try (Mounted mounted = MountSimulatorCommand
			.start(Options.parse(this.mountPoint.toString(), "--data-dir=" + this.dataDir))) {
			Path link = this.mountPoint.resolve("targets/scst_local/scst_local_tgt/luns/0/device");
			Path target = Files.readSymbolicLink(link);
			assertThat(target.isAbsolute()).isFalse();
			assertThat(link.getParent().resolve(target).normalize())
				.isEqualTo(this.mountPoint.resolve("devices/vm_disk1"));
			assertThat(link.toRealPath()).isEqualTo(this.mountPoint.resolve("devices/vm_disk1").toRealPath());
			assertThat(Files.readString(this.mountPoint.resolve("devices/vm_disk1/filename")))
				.startsWith(this.dataDir.resolve("vm_disk1.img").toAbsolutePath().toString());
		}
	}

}
