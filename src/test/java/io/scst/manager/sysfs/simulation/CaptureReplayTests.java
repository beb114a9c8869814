package io.scst.manager.sysfs.simulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.scst.manager.sysfs.CaptureSnapshot;
import io.scst.manager.sysfs.Entry;
import io.scst.manager.sysfs.ScstPath;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives the simulator through the exact commands recorded on a live SCST 3.11 (see
 * {@code real-captures/README.md}) and compares every snapshot moment: tree listing,
 * entry types, modes, link targets and file contents. Values that depend on the machine
 * or on I/O the simulator cannot see are normalised the same way on both sides: build
 * date, build number and kernel version, thread PIDs (their count is kept), sgv cache
 * statistics, and the I/O counters of scst_local sessions and targets (moved by the Linux
 * SCSI scan and by the recorded dd/sg_inq traffic). The copy manager's counters are
 * compared exactly except in run2's teardown, which followed unrecorded commands.
 */
class CaptureReplayTests {

	/**
	 * The captures were taken with SCST's upstream scst_local, which leaves the Linux
	 * devices of removed LUNs in place.
	 */
	private static final SimulatorOptions UPSTREAM = SimulatorOptions.defaults().withRemoveStaleDevices(false);

	private static final String RECORDED_IMAGE = "/root/disk1.img";

	private static final Pattern COUNTER = Pattern
		.compile("(read|write|bidi|none|unknown)_(cmd_count|io_count_kb|unaligned_cmd_count)|commands|active_commands");

	@TempDir
	Path temp;

	private String image;

	private ScstSimulator simulator;

	@BeforeEach
	void backingFile() throws IOException {
		Path file = this.temp.resolve("disk1.img");
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
			raf.setLength(64L << 20);
		}
		this.image = file.toString();
	}

	@AfterEach
	void close() {
		if (this.simulator != null) {
			this.simulator.close();
		}
	}

	@Test
	void run1DefaultLoadMatchesTheLiveTree() {
		this.simulator = new ScstSimulator(UPSTREAM);
		assertMatches("run1-default", "01-after-load", true);
	}

	@Test
	void run1SetupMatchesTheLiveTree() {
		this.simulator = new ScstSimulator(UPSTREAM);
		run1Setup();
		assertMatches("run1-default", "02-after-setup", true);
	}

	@Test
	void run1TeardownMatchesTheLiveTree() {
		this.simulator = new ScstSimulator(UPSTREAM);
		run1Setup();
		String grp1 = "targets/scst_local/tgt2/ini_groups/grp1/";
		mgmt(grp1 + "luns/mgmt", "del 5");
		mgmt(grp1 + "luns/mgmt", "clear");
		mgmt(grp1 + "initiators/mgmt", "del sess2b");
		mgmt("targets/scst_local/tgt2/ini_groups/mgmt", "del grp1");
		mgmt("targets/scst_local/tgt2/luns/mgmt", "del 0");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "del 1");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "clear");
		mgmt("targets/scst_local/mgmt", "del_session tgt2 sess2b");
		mgmt("targets/scst_local/mgmt", "del_target tgt2");
		mgmt("handlers/vdisk_nullio/mgmt", "del_device null1");
		mgmt("handlers/vdisk_fileio/mgmt", "del_device disk1");
		assertMatches("run1-default", "03-after-teardown", true);
	}

	@Test
	void run2NoDefaultTargetLoadMatchesTheLiveTree() {
		this.simulator = new ScstSimulator(UPSTREAM.withAddDefaultTarget(false));
		assertMatches("run2-nodefault", "01-after-load", true);
	}

	@Test
	void run2SetupMatchesTheLiveTree() {
		this.simulator = new ScstSimulator(UPSTREAM.withAddDefaultTarget(false));
		run2Setup();
		assertMatches("run2-nodefault", "02-after-setup", true);
	}

	@Test
	void run2TeardownMatchesTheLiveTree() {
		this.simulator = new ScstSimulator(UPSTREAM.withAddDefaultTarget(false));
		run2Setup();
		mgmt("targets/scst_local/mgmt", "del_session local_tgt2 host2b");
		mgmt("targets/scst_local/mgmt", "del_session local_tgt2 host2a");
		mgmt("targets/scst_local/mgmt", "del_session local_tgt1 host1");
		String grp1 = "targets/scst_local/local_tgt2/ini_groups/grp1/";
		mgmt(grp1 + "initiators/mgmt", "clear");
		mgmt(grp1 + "luns/mgmt", "clear");
		mgmt("targets/scst_local/local_tgt2/ini_groups/mgmt", "del grp1");
		mgmt("targets/scst_local/local_tgt2/luns/mgmt", "clear");
		mgmt("targets/scst_local/local_tgt1/luns/mgmt", "clear");
		mgmt("targets/scst_local/mgmt", "del_target local_tgt1");
		mgmt("targets/scst_local/mgmt", "del_target local_tgt2");
		mgmt("handlers/vdisk_fileio/mgmt", "del_device disk1");
		mgmt("handlers/vdisk_nullio/mgmt", "del_device null1");
		assertMatches("run2-nodefault", "03-after-teardown", false);
	}

	private void run1Setup() {
		mgmt("handlers/vdisk_fileio/mgmt", "add_device disk1 filename=" + this.image + "; nv_cache=1");
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1 size_mb=128");
		mgmt("targets/scst_local/mgmt", "add_target tgt2 session_name=sess2a");
		mgmt("targets/scst_local/mgmt", "add_session tgt2 sess2b");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "add disk1 0");
		mgmt("targets/scst_local/scst_local_tgt/luns/mgmt", "add null1 1");
		mgmt("targets/scst_local/tgt2/luns/mgmt", "add null1 0");
		mgmt("targets/scst_local/tgt2/ini_groups/mgmt", "create grp1");
		mgmt("targets/scst_local/tgt2/ini_groups/grp1/initiators/mgmt", "add sess2b");
		mgmt("targets/scst_local/tgt2/ini_groups/grp1/luns/mgmt", "add disk1 0");
		mgmt("targets/scst_local/tgt2/ini_groups/grp1/luns/mgmt", "add null1 5 read_only=1");
		mgmt("targets/scst_local/tgt2/phys_transport_version", "0x0AE0");
		mgmt("targets/scst_local/tgt2/scsi_transport_version", "0x0C00");
	}

	private void run2Setup() {
		mgmt("handlers/vdisk_fileio/mgmt", "add_device disk1 filename=" + this.image + "; nv_cache=1");
		mgmt("handlers/vdisk_nullio/mgmt", "add_device null1 size_mb=128");
		mgmt("targets/scst_local/mgmt", "add_target local_tgt1 session_name=host1");
		mgmt("targets/scst_local/mgmt", "add_target local_tgt2 session_name=host2a");
		mgmt("targets/scst_local/local_tgt1/luns/mgmt", "add disk1 0");
		mgmt("targets/scst_local/local_tgt1/luns/mgmt", "add null1 1");
		mgmt("targets/scst_local/local_tgt2/luns/mgmt", "add null1 0");
		mgmt("targets/scst_local/local_tgt2/ini_groups/mgmt", "create grp1");
		mgmt("targets/scst_local/local_tgt2/ini_groups/grp1/initiators/mgmt", "add host2b");
		mgmt("targets/scst_local/local_tgt2/ini_groups/grp1/luns/mgmt", "add disk1 0");
		mgmt("targets/scst_local/local_tgt2/ini_groups/grp1/luns/mgmt", "add null1 1 read_only=1");
		mgmt("targets/scst_local/mgmt", "add_session local_tgt2 host2b");
		mgmt("targets/scst_local/local_tgt2/phys_transport_version", "0x0AE0");
		mgmt("targets/scst_local/local_tgt2/scsi_transport_version", "0x0C00");
	}

	private void mgmt(String path, String command) {
		this.simulator.write(ScstPath.of(path), (command + "\n").getBytes(StandardCharsets.UTF_8));
	}

	private void assertMatches(String run, String moment, boolean copyManagerCountersExact) {
		CaptureSnapshot snapshot = CaptureSnapshot.load(run, moment);
		Map<String, String> expected = new TreeMap<>();
		snapshot.nodes()
			.forEach((path, node) -> expected.put(path.toString(), describe(path, node.type(), node.mode(),
					node.linkTarget(), node.readable() ? node.content() : null, copyManagerCountersExact)));
		Map<String, String> actual = new TreeMap<>();
		walk(ScstPath.ROOT, actual, copyManagerCountersExact);
		assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
		assertThat(actual).containsExactlyEntriesOf(expected);
		assertThat(lsscsi()).isEqualTo(recordedLsscsi(run, moment));
	}

	private void walk(ScstPath dir, Map<String, String> out, boolean copyManagerCountersExact) {
		for (Entry entry : this.simulator.list(dir)) {
			ScstPath path = dir.resolve(entry.name());
			String link = entry.isLink() ? this.simulator.readLink(path) : null;
			byte[] content = (entry.isFile() && entry.readable()) ? this.simulator.read(path) : null;
			out.put(path.toString(),
					describe(path, entry.type(), entry.mode(), link, content, copyManagerCountersExact));
			if (entry.isDirectory()) {
				walk(path, out, copyManagerCountersExact);
			}
		}
	}

	private String describe(ScstPath path, Entry.Type type, int mode, String link, byte[] content,
			boolean copyManagerCountersExact) {
		StringBuilder out = new StringBuilder().append(type).append(' ').append(Integer.toOctalString(mode));
		if (link != null) {
			out.append(" -> ").append(link);
		}
		if (type == Entry.Type.FILE) {
			out.append(" = ");
			out.append((content != null)
					? normalise(path, new String(content, StandardCharsets.ISO_8859_1), copyManagerCountersExact)
					: "<unreadable>");
		}
		return out.toString();
	}

	private String normalise(ScstPath path, String content, boolean copyManagerCountersExact) {
		String p = path.toString();
		String name = path.name();
		if (p.startsWith("sgv/")) {
			return "<sgv statistics>";
		}
		if (name.equals("thread_pid")) {
			return "<" + content.strip().split(" ").length + " pids>";
		}
		if (p.equals("version")) {
			return content.replaceAll("(?m)^(SCST build date|SCST build number|SCST kver): .*$", "$1: <build>");
		}
		if (COUNTER.matcher(name).matches() && (p.startsWith("targets/scst_local/") || !copyManagerCountersExact)) {
			return "<counter>";
		}
		return content.replace(this.image, RECORDED_IMAGE);
	}

	private List<String> lsscsi() {
		List<String> lines = new ArrayList<>();
		Map<String, SimulatedScsiDevice> byAddress = new LinkedHashMap<>();
		for (SimulatedScsiDevice device : this.simulator.scsiDevices()) {
			byAddress.put(device.address(), device);
		}
		byAddress.values()
			.stream()
			.sorted((a, b) -> (a.host() != b.host()) ? Integer.compare(a.host(), b.host())
					: Integer.compare(a.lun(), b.lun()))
			.forEach((d) -> lines.add(String.join(" ", "[" + d.address() + "]", d.type(), d.vendor(), d.model(),
					d.revision(), d.blockDevice(), d.genericDevice())));
		return lines;
	}

	private static List<String> recordedLsscsi(String run, String moment) {
		String resource = "/real-captures/" + run + "/" + moment + "-scsi.txt";
		try (InputStream in = CaptureReplayTests.class.getResourceAsStream(resource)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			List<String> lines = new ArrayList<>();
			boolean inSection = false;
			for (String line : text.split("\n")) {
				if (line.startsWith("### ")) {
					inSection = line.equals("### lsscsi -g");
					continue;
				}
				if (inSection && line.startsWith("[")) {
					lines.add(String.join(" ", line.strip().split("\\s+")));
				}
			}
			return lines;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
