package io.scst.manager.sysfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scst.manager.sysfs.KernelRejectedException.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The kernel gateway against real files and real system calls: errnos come from
 * {@code open(2)}, {@code read(2)} and {@code write(2)} as the kernel returned them. The
 * tests run as root, so permission bits are not enforced on the temporary directories;
 * real rejections come from {@code /dev/full} and {@code /proc/self/oom_score_adj}.
 */
class KernelScstSysfsTests {

	@TempDir
	Path temp;

	private KernelScstSysfs sysfs(Path root) {
		return new KernelScstSysfs(root, Duration.ofSeconds(2), AbstractScstSysfs.GatewayListener.NONE);
	}

	@Test
	void describesItselfAsTheKernelTreeAtItsRoot() {
		KernelScstSysfs sysfs = sysfs(this.temp);
		assertThat(sysfs.mode()).isEqualTo(ScstSysfs.Mode.KERNEL);
		assertThat(sysfs.location()).isEqualTo(this.temp.toString());
		assertThat(sysfs.available()).isTrue();
		assertThat(sysfs(this.temp.resolve("missing")).available()).isFalse();
	}

	@Test
	void everyOperationOnAMissingTreeSaysScstIsNotThere() {
		KernelScstSysfs sysfs = sysfs(this.temp.resolve("unloaded"));
		ScstPath handlers = ScstPath.of("handlers");
		assertThatExceptionOfType(ScstUnavailableException.class).isThrownBy(() -> sysfs.list(handlers))
			.withMessageContaining("not there");
		assertThatExceptionOfType(ScstUnavailableException.class).isThrownBy(() -> sysfs.stat(handlers));
		assertThatExceptionOfType(ScstUnavailableException.class).isThrownBy(() -> sysfs.read(ScstPath.of("version")));
		assertThatExceptionOfType(ScstUnavailableException.class)
			.isThrownBy(() -> sysfs.readLink(ScstPath.of("handlers/vdisk_fileio/disk1")));
		assertThatExceptionOfType(ScstUnavailableException.class)
			.isThrownBy(() -> sysfs.write(ScstPath.of("handlers/vdisk_fileio/mgmt"), "add_device d1"));
		assertThat(this.temp.resolve("unloaded")).doesNotExist();
	}

	@Test
	void writingToAMissingFileFailsAtOpenWithEnoentAndCreatesNothing() {
		KernelScstSysfs sysfs = sysfs(this.temp);
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> sysfs.write(ScstPath.of("missing"), "add_device x"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.ENOENT);
				assertThat(ex.stage()).isEqualTo(Stage.OPEN);
				assertThat(ex.path()).isEqualTo(ScstPath.of("missing"));
				assertThat(ex.written()).isEqualTo("add_device x");
			});
		assertThat(this.temp.resolve("missing")).doesNotExist();
	}

	@Test
	void writingToADirectoryFailsAtOpenWithEisdir() throws IOException {
		Files.createDirectory(this.temp.resolve("dir"));
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> sysfs(this.temp).write(ScstPath.of("dir"), "1"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EISDIR);
				assertThat(ex.stage()).isEqualTo(Stage.OPEN);
			});
	}

	@Test
	void readingADirectoryFailsAtReadWithEisdir() throws IOException {
		Files.createDirectory(this.temp.resolve("dir"));
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> sysfs(this.temp).read(ScstPath.of("dir")))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EISDIR);
				assertThat(ex.stage()).isEqualTo(Stage.READ);
				assertThat(ex.written()).isNull();
			});
	}

	@Test
	void readingAMissingFileFailsAtOpenWithEnoent() {
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> sysfs(this.temp).read(ScstPath.of("a/b")))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.ENOENT);
				assertThat(ex.stage()).isEqualTo(Stage.OPEN);
			});
	}

	@Test
	void readingBelowAFileFailsAtOpenWithEnotdir() throws IOException {
		Files.writeString(this.temp.resolve("file"), "x");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> sysfs(this.temp).read(ScstPath.of("file/child")))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.ENOTDIR);
				assertThat(ex.stage()).isEqualTo(Stage.OPEN);
			});
	}

	@Test
	void aWriteThatTheDeviceRefusesFailsAtWriteWithItsErrno() {
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> sysfs(Path.of("/dev")).write(ScstPath.of("full"), "data"))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.ENOSPC);
				assertThat(ex.stage()).isEqualTo(Stage.WRITE);
				assertThat(ex.written()).isEqualTo("data");
			});
	}

	@Test
	void aValueThatTheKernelRejectsFailsAtWriteWithEinvalAndAValidValueIsAccepted() {
		KernelScstSysfs proc = sysfs(Path.of("/proc/self"));
		ScstPath oomScoreAdj = ScstPath.of("oom_score_adj");
		String original = proc.read(oomScoreAdj).value();
		try {
			assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> proc.write(oomScoreAdj, "abc"))
				.satisfies((ex) -> {
					assertThat(ex.errno()).isEqualTo(Errno.EINVAL);
					assertThat(ex.stage()).isEqualTo(Stage.WRITE);
					assertThat(ex.written()).isEqualTo("abc");
					assertThat(ex).hasMessageContaining("EINVAL");
				});
			proc.write(oomScoreAdj, "0");
			assertThat(proc.read(oomScoreAdj).text()).isEqualTo("0\n");
		}
		finally {
			proc.write(oomScoreAdj, original);
		}
	}

	@Test
	void readsFilesLongerThanOnePageToTheirEnd() throws IOException {
		byte[] content = new byte[3 * 4096 + 123];
		for (int i = 0; i < content.length; i++) {
			content[i] = (byte) ('a' + i % 26);
		}
		Files.write(this.temp.resolve("long"), content);
		assertThat(sysfs(this.temp).read(ScstPath.of("long")).bytes()).isEqualTo(content);
	}

	@Test
	void readsFilesWhoseSizeIsNotTheirContentLength() {
		// proc and sysfs report sizes unrelated to the content (0 or 4096)
		Attribute status = sysfs(Path.of("/proc/self")).read(ScstPath.of("status"));
		assertThat(status.text()).startsWith("Name:").contains("\nPid:").endsWith("\n");
	}

	@Test
	void readsEmptyFilesAsZeroBytes() throws IOException {
		Files.createFile(this.temp.resolve("empty"));
		assertThat(sysfs(this.temp).read(ScstPath.of("empty")).isEmpty()).isTrue();
	}

	@Test
	void writesTheExactBytesInOneCall() throws IOException {
		byte[] transportId = new byte[24];
		transportId[0] = 0x06;
		for (int i = 4; i < 12; i++) {
			transportId[i] = (byte) (0xF0 + i);
		}
		Path file = Files.createFile(this.temp.resolve("transport_id"));
		sysfs(this.temp).writeBytes(ScstPath.of("transport_id"), transportId);
		assertThat(Files.readAllBytes(file)).isEqualTo(transportId);
	}

	@Test
	void writesTextNewlineTerminatedInUtf8() throws IOException {
		Path file = Files.createFile(this.temp.resolve("mgmt"));
		sysfs(this.temp).write(ScstPath.of("mgmt"), "add_device dïsk filename=/a b");
		assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("add_device dïsk filename=/a b\n");
	}

	@Test
	void listsEntriesSortedWithTheirTypesAndModes() throws IOException {
		Path readOnly = Files.writeString(this.temp.resolve("b_read_only"), "1\n");
		Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r--r--r--"));
		Path writeOnly = Files.createFile(this.temp.resolve("mgmt"));
		Files.setPosixFilePermissions(writeOnly, PosixFilePermissions.fromString("-w-------"));
		Files.writeString(this.temp.resolve("a_attr"), "x\n");
		Files.setPosixFilePermissions(this.temp.resolve("a_attr"), PosixFilePermissions.fromString("rw-r--r--"));
		Path dir = Files.createDirectory(this.temp.resolve("devices"));
		Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
		Files.createSymbolicLink(this.temp.resolve("handler"), Path.of("devices"));
		Files.createSymbolicLink(this.temp.resolve("dangling"), Path.of("../nowhere"));
		assertThat(sysfs(this.temp).list(ScstPath.ROOT)).containsExactly(new Entry("a_attr", Entry.Type.FILE, 0644),
				new Entry("b_read_only", Entry.Type.FILE, 0444), new Entry("dangling", Entry.Type.LINK, 0777),
				new Entry("devices", Entry.Type.DIRECTORY, 0755), new Entry("handler", Entry.Type.LINK, 0777),
				new Entry("mgmt", Entry.Type.FILE, 0200));
	}

	@Test
	void listsADirectoryReachedThroughALink() throws IOException {
		Files.createDirectories(this.temp.resolve("devices/disk1"));
		Files.writeString(this.temp.resolve("devices/disk1/size"), "1\n");
		Files.createSymbolicLink(this.temp.resolve("device"), Path.of("devices/disk1"));
		assertThat(sysfs(this.temp).list(ScstPath.of("device"))).extracting(Entry::name).containsExactly("size");
	}

	@Test
	void listingAMissingDirectoryFailsWithEnoentAndAFileWithEnotdir() throws IOException {
		Files.writeString(this.temp.resolve("file"), "x");
		KernelScstSysfs sysfs = sysfs(this.temp);
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> sysfs.list(ScstPath.of("missing")))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.ENOENT);
				assertThat(ex.stage()).isEqualTo(Stage.OPEN);
			});
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> sysfs.list(ScstPath.of("file")))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.ENOTDIR);
				assertThat(ex.stage()).isEqualTo(Stage.OPEN);
			});
	}

	@Test
	void statDoesNotFollowLinksAndIsEmptyForMissingEntries() throws IOException {
		Files.createDirectory(this.temp.resolve("devices"));
		Files.writeString(this.temp.resolve("file"), "x");
		Files.createSymbolicLink(this.temp.resolve("handler"), Path.of("devices"));
		KernelScstSysfs sysfs = sysfs(this.temp);
		assertThat(sysfs.stat(ScstPath.of("handler"))).contains(new Entry("handler", Entry.Type.LINK, 0777));
		assertThat(sysfs.stat(ScstPath.of("devices"))).map(Entry::type).contains(Entry.Type.DIRECTORY);
		assertThat(sysfs.stat(ScstPath.of("missing"))).isEmpty();
		assertThat(sysfs.stat(ScstPath.of("missing/child"))).isEmpty();
		assertThat(sysfs.stat(ScstPath.of("file/child"))).isEmpty();
		assertThat(sysfs.exists(ScstPath.of("file"))).isTrue();
		assertThat(sysfs.stat(ScstPath.ROOT)).map(Entry::type).contains(Entry.Type.DIRECTORY);
	}

	@Test
	void readsLinkTargetsAsStored() throws IOException {
		Files.createDirectories(this.temp.resolve("devices/disk1"));
		Files.createDirectories(this.temp.resolve("handlers/vdisk_fileio"));
		Files.createSymbolicLink(this.temp.resolve("devices/disk1/handler"), Path.of("../../handlers/vdisk_fileio"));
		Files.writeString(this.temp.resolve("file"), "x");
		KernelScstSysfs sysfs = sysfs(this.temp);
		assertThat(sysfs.readLink(ScstPath.of("devices/disk1/handler"))).isEqualTo("../../handlers/vdisk_fileio");
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> sysfs.readLink(ScstPath.of("missing")))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.ENOENT);
				assertThat(ex.stage()).isEqualTo(Stage.OPEN);
			});
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> sysfs.readLink(ScstPath.of("file")))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EINVAL);
				assertThat(ex.stage()).isEqualTo(Stage.READ);
			});
	}

	@Test
	void readsBackAMaterializedLiveCaptureExactly() {
		CaptureSnapshot snapshot = CaptureSnapshot.load("run1-default", "02-after-setup");
		snapshot.materialize(this.temp);
		KernelScstSysfs sysfs = sysfs(this.temp);
		Map<ScstPath, CaptureSnapshot.Node> nodes = snapshot.nodes();
		assertThat(sysfs.list(ScstPath.ROOT)).isEqualTo(expectedListing(nodes, ScstPath.ROOT));
		int files = 0;
		int directories = 0;
		int links = 0;
		for (Map.Entry<ScstPath, CaptureSnapshot.Node> entry : nodes.entrySet()) {
			ScstPath path = entry.getKey();
			CaptureSnapshot.Node node = entry.getValue();
			assertThat(sysfs.stat(path)).as(path.toString()).contains(new Entry(path.name(), node.type(), node.mode()));
			switch (node.type()) {
				case FILE -> {
					if (node.readable()) {
						assertThat(sysfs.read(path).bytes()).as(path.toString()).isEqualTo(node.content());
						files++;
					}
				}
				case DIRECTORY -> {
					assertThat(sysfs.list(path)).as(path.toString()).isEqualTo(expectedListing(nodes, path));
					directories++;
				}
				case LINK -> {
					assertThat(sysfs.readLink(path)).as(path.toString()).isEqualTo(node.linkTarget());
					links++;
				}
			}
		}
		assertThat(files).isEqualTo(111 + 350);
		assertThat(directories).isEqualTo(61);
		assertThat(links).isEqualTo(25);
	}

	private static List<Entry> expectedListing(Map<ScstPath, CaptureSnapshot.Node> nodes, ScstPath dir) {
		List<Entry> entries = new ArrayList<>();
		nodes.forEach((path, node) -> {
			if (!path.isRoot() && path.parent().equals(dir)) {
				entries.add(new Entry(path.name(), node.type(), node.mode()));
			}
		});
		entries.sort(Comparator.comparing(Entry::name));
		return entries;
	}

}
