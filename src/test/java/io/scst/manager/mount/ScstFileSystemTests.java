package io.scst.manager.mount;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.ScstTreeFixtures;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mounted simulator seen through plain file operations and shell commands, compared
 * with the simulator's own view.
 */
@EnabledIfFuse
class ScstFileSystemTests {

	private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

	@TempDir
	Path mountPoint;

	@TempDir
	Path dataDir;

	private ScstSimulator simulator;

	private SimulatorMount mount;

	@BeforeEach
	void mountAFreshSimulator() {
		this.simulator = new ScstSimulator(SimulatorOptions.defaults());
		this.mount = SimulatorMount.mount(this.simulator, this.mountPoint);
	}

	@AfterEach
	void unmount() {
		this.mount.close();
		this.simulator.close();
	}

	@Test
	void everyEntryHasTheSimulatorsTypeModeLinkTargetAndContent() throws IOException {
		ScstTreeFixtures.demo(new SimulatedScstSysfs(this.simulator), this.dataDir);
		List<String> walked = new ArrayList<>();
		walk(ScstPath.ROOT, walked);
		assertThat(walked).hasSizeGreaterThan(200)
			.contains("devices/vm_disk1/filename", "handlers/vdisk_fileio/vm_disk1",
					"targets/scst_local/scst_local_tgt/luns/0/device");
	}

	private void walk(ScstPath dir, List<String> walked) throws IOException {
		List<Entry> entries = this.simulator.list(dir);
		try (Stream<Path> listed = Files.list(file(dir))) {
			assertThat(listed.map((path) -> path.getFileName().toString())).as("listing of %s", dir)
				.containsExactlyInAnyOrderElementsOf(entries.stream().map(Entry::name).toList());
		}
		for (Entry entry : entries) {
			ScstPath path = dir.resolve(entry.name());
			Path file = file(path);
			walked.add(path.toString());
			int mode = (int) Files.getAttribute(file, "unix:mode", NOFOLLOW);
			assertThat(mode & 07777).as("mode of %s", path).isEqualTo(entry.mode());
			assertThat(Files.getAttribute(file, "unix:uid", NOFOLLOW)).as("owner of %s", path).isEqualTo(0);
			switch (entry.type()) {
				case DIRECTORY -> {
					assertThat(Files.isDirectory(file, NOFOLLOW)).as("%s is a directory", path).isTrue();
					walk(path, walked);
				}
				case LINK -> {
					assertThat(Files.isSymbolicLink(file)).as("%s is a link", path).isTrue();
					assertThat(Files.readSymbolicLink(file)).as("target of %s", path)
						.hasToString(this.simulator.readLink(path));
				}
				case FILE -> {
					assertThat(Files.isRegularFile(file, NOFOLLOW)).as("%s is a file", path).isTrue();
					assertThat(Files.size(file)).as("size of %s", path).isEqualTo(ScstFileSystem.ATTRIBUTE_SIZE);
					assertSameContent(path, file, entry);
				}
			}
		}
	}

	private void assertSameContent(ScstPath path, Path file, Entry entry) {
		if (!entry.readable()) {
			assertThatThrownBy(() -> Files.readAllBytes(file)).as("reading write-only %s", path)
				.isInstanceOf(AccessDeniedException.class);
			return;
		}
		byte[] expected;
		try {
			expected = this.simulator.read(path);
		}
		catch (KernelRejectedException ex) {
			assertThatThrownBy(() -> Files.readAllBytes(file)).as("reading %s", path)
				.hasMessageContaining(ex.errno().message());
			return;
		}
		try {
			assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as("content of %s", path)
				.isEqualTo(new String(expected, StandardCharsets.ISO_8859_1));
		}
		catch (IOException ex) {
			throw new AssertionError("Reading " + path + " failed", ex);
		}
	}

	@Test
	void theSeedWalkThroughWorksWithShellCommands() throws IOException {
		Path image = ScstTreeFixtures.sparseFile(this.dataDir.resolve("vm_disk1.img"), 1 << 20);
		Shell addDevice = Shell.sh(this.mountPoint,
				"echo \"add_device vm_disk1 filename=" + image + "\" > handlers/vdisk_fileio/mgmt");
		Shell addLun = Shell.sh(this.mountPoint,
				"echo \"add vm_disk1 0\" > targets/scst_local/scst_local_tgt/luns/mgmt");
		assertThat(addDevice).isEqualTo(new Shell(0, ""));
		assertThat(addLun).isEqualTo(new Shell(0, ""));
		assertThat(this.simulator.stat(ScstPath.of("devices/vm_disk1"))).isPresent();
		assertThat(this.simulator.readLink(ScstPath.of("targets/scst_local/scst_local_tgt/luns/0/device")))
			.endsWith("/devices/vm_disk1");
		Shell size = Shell.sh(this.mountPoint, "cat handlers/vdisk_fileio/vm_disk1/size");
		assertThat(size.status()).isZero();
		assertThat(size.output()).startsWith(String.valueOf(Files.size(image)) + "\n")
			.isEqualTo(new String(this.simulator.read(ScstPath.of("handlers/vdisk_fileio/vm_disk1/size")),
					StandardCharsets.ISO_8859_1));
		Shell luns = Shell.sh(this.mountPoint, "ls targets/scst_local/scst_local_tgt/luns");
		assertThat(luns.output().lines()).contains("0", "mgmt");
	}

	@Test
	void aBadCommandFailsTheShellsEchoWithTheKernelErrno() {
		long writes = this.simulator.writeCount();
		Shell bash = Shell.bash(this.mountPoint, "echo \"frobnicate vm_disk1\" > handlers/vdisk_fileio/mgmt");
		Shell coreutils = Shell.sh(this.mountPoint, "/bin/echo \"frobnicate vm_disk1\" > handlers/vdisk_fileio/mgmt");
		assertThat(bash.status()).isNotZero();
		assertThat(bash.output()).contains("write error: " + Errno.EINVAL.message());
		assertThat(coreutils.status()).isNotZero();
		assertThat(coreutils.output()).contains("write error: " + Errno.EINVAL.message());
		assertThat(this.simulator.writeLog()).last().satisfies((record) -> {
			assertThat(record.path()).isEqualTo(ScstPath.of("handlers/vdisk_fileio/mgmt"));
			assertThat(record.errno()).isEqualTo(Errno.EINVAL);
		});
		assertThat(this.simulator.writeCount()).isEqualTo(writes + 2);
	}

	@Test
	void aMissingBackingFileFailsWithNoSuchFile() {
		Shell shell = Shell.bash(this.mountPoint, "echo \"add_device d1 filename=" + this.dataDir.resolve("missing.img")
				+ "\" > handlers/vdisk_fileio/mgmt");
		assertThat(shell.status()).isNotZero();
		assertThat(shell.output()).contains(Errno.ENOENT.message());
		assertThat(this.simulator.stat(ScstPath.of("devices/d1"))).isEmpty();
	}

	@Test
	void writingAReadOnlyAttributeFailsAtOpenEvenForRoot() {
		long writes = this.simulator.writeCount();
		Shell shell = Shell.sh(this.mountPoint, "echo 1 > version");
		assertThat(shell.status()).isNotZero();
		assertThat(shell.output()).contains(Errno.EACCES.message());
		assertThatThrownBy(() -> Files.writeString(this.mountPoint.resolve("version"), "1\n"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(this.simulator.writeCount()).as("nothing reached write()").isEqualTo(writes);
	}

	@Test
	void nothingCanBeCreatedRemovedOrRenamed() {
		Path version = this.mountPoint.resolve("version");
		assertThatThrownBy(() -> Files.createFile(this.mountPoint.resolve("new_file")))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> Files.createDirectory(this.mountPoint.resolve("new_dir")))
			.isInstanceOf(FileSystemException.class)
			.hasMessageContaining(Errno.EPERM.message());
		assertThatThrownBy(() -> Files.delete(version)).isInstanceOf(FileSystemException.class)
			.hasMessageContaining(Errno.EPERM.message());
		assertThatThrownBy(() -> Files.move(version, this.mountPoint.resolve("moved")))
			.isInstanceOf(FileSystemException.class)
			.hasMessageContaining(Errno.EPERM.message());
		assertThatThrownBy(() -> Files.setPosixFilePermissions(version, PosixFilePermissions.fromString("rw-rw-rw-")))
			.isInstanceOf(FileSystemException.class)
			.hasMessageContaining(Errno.EPERM.message());
		Shell touch = Shell.sh(this.mountPoint, "touch new_file");
		assertThat(touch.status()).isNotZero();
		assertThat(touch.output()).contains(Errno.EACCES.message());
		assertThat(this.simulator.stat(ScstPath.of("new_file"))).isEmpty();
		assertThat(this.simulator.stat(ScstPath.of("version"))).isPresent();
	}

	@Test
	void eachWriteIsOneCommand() throws IOException {
		try (FileChannel channel = FileChannel.open(this.mountPoint.resolve("handlers/vdisk_nullio/mgmt"),
				StandardOpenOption.WRITE)) {
			channel.write(ByteBuffer.wrap("add_device null1\n".getBytes(StandardCharsets.US_ASCII)));
			assertThatThrownBy(() -> channel.write(ByteBuffer.wrap("bogus\n".getBytes(StandardCharsets.US_ASCII))))
				.hasMessageContaining(Errno.EINVAL.message());
			channel.write(ByteBuffer.wrap("add_device null2\n".getBytes(StandardCharsets.US_ASCII)));
		}
		assertThat(this.simulator.stat(ScstPath.of("devices/null1"))).isPresent();
		assertThat(this.simulator.stat(ScstPath.of("devices/null2"))).isPresent();
		assertThat(this.simulator.writeLog()).extracting((record) -> record.data())
			.containsSubsequence("add_device null1\n", "bogus\n", "add_device null2\n");
	}

	@Test
	void changesInTheModelAreVisibleAtOnce() throws IOException {
		Path device = this.mountPoint.resolve("devices/null9");
		assertThat(Files.exists(device)).isFalse();
		this.simulator.write(ScstPath.of("handlers/vdisk_nullio/mgmt"),
				"add_device null9\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(Files.isDirectory(device)).isTrue();
		this.simulator.write(ScstPath.of("handlers/vdisk_nullio/mgmt"),
				"del_device null9\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(Files.exists(device, NOFOLLOW)).isFalse();
	}

	@Test
	void concurrentReadersAndWritersSeeConsistentState() throws Exception {
		byte[] version = this.simulator.read(ScstPath.of("version"));
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<Integer>> tasks = new ArrayList<>();
			for (int writer = 0; writer < 4; writer++) {
				String prefix = "cw" + writer + "_";
				tasks.add(() -> {
					Path mgmt = this.mountPoint.resolve("handlers/vdisk_nullio/mgmt");
					for (int i = 0; i < 15; i++) {
						Files.writeString(mgmt, "add_device " + prefix + i + "\n");
						if (i % 3 == 0) {
							Files.writeString(mgmt, "del_device " + prefix + i + "\n");
						}
					}
					return 15;
				});
			}
			for (int reader = 0; reader < 4; reader++) {
				tasks.add(() -> {
					for (int i = 0; i < 40; i++) {
						assertThat(Files.readAllBytes(this.mountPoint.resolve("version"))).isEqualTo(version);
						try (Stream<Path> listed = Files.list(this.mountPoint.resolve("handlers/vdisk_nullio"))) {
							assertThat(listed.map((path) -> path.getFileName().toString())).contains("mgmt");
						}
					}
					return 40;
				});
			}
			for (Future<Integer> result : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
				assertThat(result.get()).isPositive();
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (int writer = 0; writer < 4; writer++) {
			for (int i = 0; i < 15; i++) {
				String name = "cw" + writer + "_" + i;
				assertThat(Files.exists(this.mountPoint.resolve("handlers/vdisk_nullio").resolve(name), NOFOLLOW))
					.as(name)
					.isEqualTo(i % 3 != 0);
				assertThat(this.simulator.stat(ScstPath.of("devices", name)).isPresent()).as(name)
					.isEqualTo(i % 3 != 0);
			}
		}
	}

	private Path file(ScstPath path) {
		return path.isRoot() ? this.mountPoint : this.mountPoint.resolve(path.toString());
	}

}
