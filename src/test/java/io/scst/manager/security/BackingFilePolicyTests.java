package io.scst.manager.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@link BackingFilePolicy}: directories, symlinks, {@code ..}, block devices, modes. */
class BackingFilePolicyTests {

	@TempDir
	Path root;

	private Path allowed;

	private BackingFilePolicy policy;

	@BeforeEach
	void policy() throws IOException {
		this.root = this.root.toRealPath();
		this.allowed = Files.createDirectories(this.root.resolve("allowed"));
		this.policy = new BackingFilePolicy(true, List.of(this.allowed), List.of("/dev/disk/by-id/wwn-*"));
	}

	@Test
	void allowsAnExistingFileInsideAnAllowedDirectory() throws IOException {
		Path file = Files.createFile(this.allowed.resolve("disk.img"));
		assertThatNoException().isThrownBy(() -> this.policy.check("filename", file.toString()));
	}

	@Test
	void allowsAFileThatDoesNotExistYetInsideAnAllowedDirectory() {
		assertThatNoException()
			.isThrownBy(() -> this.policy.check("filename", this.allowed.resolve("sub/new.img").toString()));
	}

	@Test
	void allowsASymlinkThatStaysInside() throws IOException {
		Path file = Files.createFile(this.allowed.resolve("real.img"));
		Path link = Files.createSymbolicLink(this.allowed.resolve("alias.img"), file);
		assertThatNoException().isThrownBy(() -> this.policy.check("filename", link.toString()));
	}

	@Test
	void refusesASymlinkOutOfTheAllowedDirectory() throws IOException {
		Path outside = Files.createFile(this.root.resolve("outside.img"));
		Path link = Files.createSymbolicLink(this.allowed.resolve("escape.img"), outside);
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", link.toString()))
			.withMessageContaining(outside.toString());
	}

	@Test
	void refusesAFileBelowASymlinkedDirectoryThatLeads() throws IOException {
		Path outsideDir = Files.createDirectories(this.root.resolve("elsewhere"));
		Path linkDir = Files.createSymbolicLink(this.allowed.resolve("dir"), outsideDir);
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", linkDir.resolve("new.img").toString()));
	}

	@Test
	void appliesDotDotAfterFollowingASymlinkLikeTheKernel() throws IOException {
		Path deep = Files.createDirectories(this.root.resolve("deep/inner"));
		Path outside = Files.createFile(this.root.resolve("deep/x.img"));
		Files.createFile(this.allowed.resolve("x.img"));
		Path link = Files.createSymbolicLink(this.allowed.resolve("l"), deep);
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", link + "/../x.img"))
			.withMessageContaining(outside.toString());
	}

	@Test
	void refusesADanglingSymlink() throws IOException {
		Path link = Files.createSymbolicLink(this.allowed.resolve("dangling.img"), this.root.resolve("missing"));
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", link.toString()));
	}

	@Test
	void refusesDotDotOut() throws IOException {
		Files.createFile(this.root.resolve("outside.img"));
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", this.allowed + "/../outside.img"));
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", this.allowed + "/x/../../../../etc/shadow"));
	}

	@Test
	void refusesTheAllowedDirectoryItself() {
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", this.allowed.toString()));
	}

	@Test
	void refusesAPrefixSiblingOfTheAllowedDirectory() {
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", this.root.resolve("allowed-not/disk.img").toString()));
	}

	@Test
	void refusesSystemFilesAndDisksThatAreNotAllowed() {
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", "/etc/shadow"))
			.satisfies((ex) -> assertThat(ex.getBody().getProperties()).containsEntry("field", "filename"));
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", "/dev/sda"));
	}

	@Test
	void refusesRelativePaths() {
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", "allowed/disk.img"))
			.withMessageContaining("absolute");
	}

	@Test
	void allowsBlockDevicesMatchingAPattern() {
		assertThatNoException()
			.isThrownBy(() -> this.policy.check("filename", "/dev/disk/by-id/wwn-0x5000c500a1b2c3d4"));
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> this.policy.check("filename", "/dev/disk/by-id/../../sda"));
		BackingFilePolicy sd = new BackingFilePolicy(true, List.of(), List.of("/dev/sd[b-z]"));
		assertThatNoException().isThrownBy(() -> sd.check("filename", "/dev/sdb"));
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> sd.check("filename", "/dev/sda"));
	}

	@Test
	void isOffOnTheSimulatorUnlessConfigured() {
		BackingFilePolicy simulator = BackingFilePolicy.of(true,
				new ScstSecurityProperties.BackingFiles(List.of(), List.of()));
		assertThat(simulator.enforced()).isFalse();
		assertThatNoException().isThrownBy(() -> simulator.check("filename", "/etc/shadow"));
		BackingFilePolicy configured = BackingFilePolicy.of(true,
				new ScstSecurityProperties.BackingFiles(List.of(this.allowed), List.of()));
		assertThat(configured.enforced()).isTrue();
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> configured.check("filename", "/etc/shadow"));
	}

	@Test
	void isOnInKernelModeWithTheDefaultDirectory() {
		BackingFilePolicy kernel = BackingFilePolicy.of(false,
				new ScstSecurityProperties.BackingFiles(List.of(), List.of()));
		assertThat(kernel.enforced()).isTrue();
		assertThatNoException().isThrownBy(() -> kernel.check("filename", "/var/lib/scst-manager/disk1.img"));
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> kernel.check("filename", "/etc/shadow"))
			.withMessageContaining("/var/lib/scst-manager");
		assertThatExceptionOfType(BackingFileForbiddenException.class)
			.isThrownBy(() -> kernel.check("filename", "/var/lib/scst-manager/../../../etc/shadow"));
	}

}
