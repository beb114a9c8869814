package io.scst.manager.sysfs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The parser of the live captures agrees with the formats described in
 * {@code real-captures/README.md}.
 */
class CaptureSnapshotTests {

	@TempDir
	Path temp;

	@Test
	void holdsEveryTreeLineButTheRoot() {
		Map<ScstPath, CaptureSnapshot.Node> nodes = CaptureSnapshot.load("run1-default", "01-after-load").nodes();
		assertThat(nodes).hasSize(250).doesNotContainKey(ScstPath.ROOT);
		assertThat(CaptureSnapshot.load("run1-default", "02-after-setup").nodes()).hasSize(554);
	}

	@Test
	void keepsNodesSortedByPath() {
		List<String> paths = new ArrayList<>();
		CaptureSnapshot.load("run2-nodefault", "02-after-setup")
			.nodes()
			.keySet()
			.forEach((p) -> paths.add(p.toString()));
		assertThat(paths).isSorted();
	}

	@Test
	void readsTextContentWithItsFinalNewline() {
		Map<ScstPath, CaptureSnapshot.Node> nodes = CaptureSnapshot.load("run1-default", "01-after-load").nodes();
		CaptureSnapshot.Node result = nodes.get(ScstPath.of("last_sysfs_mgmt_res"));
		assertThat(result.type()).isEqualTo(Entry.Type.FILE);
		assertThat(result.mode()).isEqualTo(0444);
		assertThat(result.readable()).isTrue();
		assertThat(text(result)).isEqualTo("0\n");
		assertThat(text(nodes.get(ScstPath.of("targets/scst_local/version"))))
			.isEqualTo("3.11.0-pre/20110901\nTRACING\n");
	}

	@Test
	void keepsEmptyLinesOfMultiLineContent() {
		CaptureSnapshot.Node filename = CaptureSnapshot.load("run1-default", "02-after-setup")
			.nodes()
			.get(ScstPath.of("devices/disk1/filename"));
		assertThat(text(filename)).isEqualTo("/root/disk1.img\n[key]\n\n");
	}

	@Test
	void readsAnEmptyFileAsZeroBytes() {
		CaptureSnapshot.Node clusterName = CaptureSnapshot.load("run1-default", "01-after-load")
			.nodes()
			.get(ScstPath.of("cluster_name"));
		assertThat(clusterName.readable()).isTrue();
		assertThat(clusterName.content()).isEmpty();
	}

	@Test
	void decodesBinaryContentFromHex() {
		CaptureSnapshot.Node transportId = CaptureSnapshot.load("run1-default", "02-after-setup")
			.nodes()
			.get(ScstPath.of("targets/scst_local/tgt2/sessions/sess2a/transport_id"));
		assertThat(transportId.content()).hasSize(24)
			.startsWith((byte) 0x06, (byte) 0x00, (byte) 0x00, (byte) 0x00, (byte) 0x5f, (byte) 0xee);
	}

	@Test
	void marksWriteOnlyFilesUnreadable() {
		CaptureSnapshot.Node dumpPrs = CaptureSnapshot.load("run1-default", "02-after-setup")
			.nodes()
			.get(ScstPath.of("devices/disk1/dump_prs"));
		assertThat(dumpPrs.type()).isEqualTo(Entry.Type.FILE);
		assertThat(dumpPrs.mode()).isEqualTo(0200);
		assertThat(dumpPrs.readable()).isFalse();
		assertThat(dumpPrs.content()).isNull();
	}

	@Test
	void keepsLinkTargetsAndOnlyForLinks() {
		Map<ScstPath, CaptureSnapshot.Node> nodes = CaptureSnapshot.load("run1-default", "02-after-setup").nodes();
		CaptureSnapshot.Node handler = nodes.get(ScstPath.of("devices/disk1/handler"));
		assertThat(handler.type()).isEqualTo(Entry.Type.LINK);
		assertThat(handler.mode()).isEqualTo(0777);
		assertThat(handler.linkTarget()).isEqualTo("../../handlers/vdisk_fileio");
		nodes.forEach((path, node) -> {
			assertThat(node.linkTarget() != null).as(path.toString()).isEqualTo(node.type() == Entry.Type.LINK);
			assertThat(node.content() != null).as(path.toString()).isEqualTo(node.readable());
			if (node.readable()) {
				assertThat(node.type()).as(path.toString()).isEqualTo(Entry.Type.FILE);
			}
		});
	}

	@Test
	void materializesDirectoriesFilesAndLinksWithTheirModes() throws IOException {
		CaptureSnapshot.load("run1-default", "02-after-setup").materialize(this.temp);
		assertThat(Files.readString(this.temp.resolve("last_sysfs_mgmt_res"))).isEqualTo("0\n");
		assertThat(mode(this.temp.resolve("last_sysfs_mgmt_res"))).isEqualTo("r--r--r--");
		assertThat(mode(this.temp.resolve("devices/disk1/dump_prs"))).isEqualTo("-w-------");
		assertThat(Files.size(this.temp.resolve("devices/disk1/dump_prs"))).isZero();
		assertThat(mode(this.temp.resolve("devices"))).isEqualTo("rwxr-xr-x");
		assertThat(Files.readSymbolicLink(this.temp.resolve("devices/disk1/handler")))
			.isEqualTo(Path.of("../../handlers/vdisk_fileio"));
		assertThat(this.temp.resolve("devices/disk1/handler/mgmt")).exists();
	}

	@Test
	void refusesUnknownCaptures() {
		assertThatIllegalArgumentException().isThrownBy(() -> CaptureSnapshot.load("run9", "01-after-load"));
	}

	private static String text(CaptureSnapshot.Node node) {
		assertThat(node.content()).isNotNull();
		return new String(node.content(), StandardCharsets.UTF_8);
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
	}

}
