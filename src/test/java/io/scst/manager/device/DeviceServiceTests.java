package io.scst.manager.device;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.scst.manager.FreshSimulator;
import io.scst.manager.sysfs.AttributeValue;
import io.scst.manager.sysfs.CountingSysfs;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.simulation.ScstTreeFixtures;
import io.scst.manager.sysfs.simulation.WriteRecord;
import io.scst.manager.web.Page;
import io.scst.manager.web.Slice;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/** {@link DeviceService} on a fresh simulator. */
class DeviceServiceTests extends FreshSimulator {

	private static final long MIB = 1024 * 1024;

	private static final ScstPath NULLIO_MGMT = ScstPath.of("handlers", "vdisk_nullio", "mgmt");

	private static final ScstPath LOCAL_LUNS_MGMT = ScstPath.of("targets", "scst_local", "scst_local_tgt", "luns",
			"mgmt");

	private static final ScstPath LOCAL_GROUPS_MGMT = ScstPath.of("targets", "scst_local", "scst_local_tgt",
			"ini_groups", "mgmt");

	@TempDir
	Path dataDir;

	private final DeviceService service = new DeviceService(this.sysfs, new HandlerService(this.sysfs));

	@Test
	void createsAFileioDeviceOnItsBackingFile() {
		Path image = ScstTreeFixtures.sparseFile(this.dataDir.resolve("disk1.img"), 8 * MIB);
		Device device = this.service.create(request("disk1", "vdisk_fileio", image.toString(), null, null));
		assertThat(device.name()).isEqualTo("disk1");
		assertThat(device.handler()).isEqualTo("vdisk_fileio");
		assertThat(device.size()).isEqualTo(8 * MIB);
		assertThat(device.exports()).isEmpty();
		assertThat(device.attributes().get("filename")).isEqualTo(new AttributeValue(image.toString(), true, true));
		assertThat(lastWrite().data()).isEqualTo("add_device disk1 filename=" + image + "\n");
		assertThat(this.service.list(null)).containsExactly(new DeviceSummary("disk1", "vdisk_fileio", 8 * MIB, false));
	}

	@Test
	void createsANullioDeviceWithTheSizeShortcutAndParameters() {
		Device device = this.service
			.create(request("null1", "vdisk_nullio", null, 4 * MIB, Map.of("read_only", "1", "blocksize", "4096")));
		assertThat(device.size()).isEqualTo(4 * MIB);
		assertThat(device.attributes().get("read_only")).isEqualTo(new AttributeValue("1", true, false));
		assertThat(device.attributes().get("blocksize")).isEqualTo(new AttributeValue("4096", true, false));
		assertThat(lastWrite().data()).isEqualTo("add_device null1 size=4194304;blocksize=4096;read_only=1\n");
	}

	@Test
	void readsEveryReadableAttributeInNameOrder() {
		createNullio("null1");
		Device device = this.service.get("null1");
		assertThat(List.copyOf(device.attributes().keySet())).isSorted()
			.contains("type", "size", "size_mb", "blocksize", "t10_dev_id", "usn", "max_tgt_dev_commands")
			.doesNotContain("handler", "exported", "dump_prs");
		assertThat(device.attributes().get("max_tgt_dev_commands")).isEqualTo(new AttributeValue("64", false, true));
		assertThat(device.attributes().get("type"))
			.isEqualTo(new AttributeValue("0 - Direct-access device (e.g., magnetic disk)", false, false));
		assertThat(device.attributes().get("t10_dev_id").value()).isEqualTo("dba7df64-null1");
		assertThat(device.attributes().get("naa_id")).isEqualTo(new AttributeValue("", false, true));
	}

	@Test
	void writeOnlyTriggersAreNotAttributes() {
		Path image = ScstTreeFixtures.sparseFile(this.dataDir.resolve("disk1.img"), MIB);
		this.service.create(request("disk1", "vdisk_fileio", image.toString(), null, null));
		assertThat(this.service.get("disk1").attributes()).doesNotContainKeys("resync_size", "sync", "dump_prs")
			.containsKeys("filename", "active", "o_direct");
	}

	@Test
	void exportsAreTheLunsOfTargetsAndGroupsWithoutTheCopyManager() {
		createNullio("null1");
		this.sysfs.mgmt(LOCAL_LUNS_MGMT, "add null1 3");
		this.sysfs.mgmt(LOCAL_GROUPS_MGMT, "create grp1");
		this.sysfs.mgmt(LOCAL_GROUPS_MGMT.parent().resolve("grp1", "luns", "mgmt"), "add null1 5");
		assertThat(this.service.get("null1").exports()).containsExactly(
				new Export("scst_local", "scst_local_tgt", null, 3),
				new Export("scst_local", "scst_local_tgt", "grp1", 5));
		assertThat(this.service.list("vdisk_nullio")).singleElement()
			.extracting(DeviceSummary::exported)
			.isEqualTo(true);
	}

	@Test
	void exportLinksAreParsedByShape() {
		assertThat(DeviceService.parseExport("../../../targets/scst_local/tgt2/luns/0"))
			.isEqualTo(new Export("scst_local", "tgt2", null, 0));
		assertThat(DeviceService.parseExport("../../../targets/scst_local/tgt2/ini_groups/grp1/luns/5"))
			.isEqualTo(new Export("scst_local", "tgt2", "grp1", 5));
		assertThat(DeviceService.parseExport("../../../targets/scst_local/tgt2/luns/x")).isNull();
		assertThat(DeviceService.parseExport("../../../targets/scst_local/tgt2/sessions/0")).isNull();
		assertThat(DeviceService.parseExport("../../handlers/vdisk_fileio")).isNull();
	}

	@Test
	void listsDevicesOfOneHandler() {
		createNullio("null1");
		Path image = ScstTreeFixtures.sparseFile(this.dataDir.resolve("disk1.img"), MIB);
		this.service.create(request("disk1", "vdisk_fileio", image.toString(), null, null));
		assertThat(this.service.list(null)).extracting(DeviceSummary::name).containsExactly("disk1", "null1");
		assertThat(this.service.list("vdisk_nullio")).extracting(DeviceSummary::name).containsExactly("null1");
		assertThat(this.service.list("vcdrom")).isEmpty();
		assertThatExceptionOfType(HandlerNotFoundException.class).isThrownBy(() -> this.service.list("nosuch"));
	}

	@Test
	void missingDeviceIsNotFound() {
		assertThatExceptionOfType(DeviceNotFoundException.class).isThrownBy(() -> this.service.get("nosuch"))
			.satisfies((ex) -> assertThat(ex.object()).isEqualTo("device"));
		assertThatExceptionOfType(DeviceNotFoundException.class)
			.isThrownBy(() -> this.service.change("nosuch", Map.of("numa_node_id", "0")));
		assertThatExceptionOfType(DeviceNotFoundException.class).isThrownBy(() -> this.service.delete("nosuch", true));
		assertThatExceptionOfType(DeviceNotFoundException.class).isThrownBy(() -> this.service.resyncSize("nosuch"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a b", "a\nb", "a;b", "a/b", "..", "mgmt", "a.b", "",
			"x12345678901234567890123456789012345678901234567890123456789012345" })
	void invalidDeviceNamesAreRejectedBeforeWriting(String name) {
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create(request(name, "vdisk_nullio", null, MIB, null)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
	}

	@Test
	void unknownHandlerIsNotFoundOnCreate() {
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(HandlerNotFoundException.class)
			.isThrownBy(() -> this.service.create(request("null1", "vdisk_nosuch", null, MIB, null)));
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
	}

	@Test
	void parametersTheHandlerDoesNotListAreRejectedBeforeWriting() {
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create(request("disk1", "vdisk_fileio", "/tmp/x", MIB, null)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("size"))
			.withMessageContaining("vdisk_fileio does not accept");
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(
					() -> this.service.create(request("null1", "vdisk_nullio", null, null, Map.of("filename", "/x"))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("parameters.filename"));
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create(request("null1", "vdisk_nullio", null, null, Map.of("bogus", "1"))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("parameters.bogus"));
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create(request("null1", "vdisk_nullio", null, MIB, Map.of("size", "1"))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("parameters.size"));
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create(request("null1", "vdisk_nullio", null, null, Map.of("a b", "1"))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("parameters"));
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1;tst=0", "1=1", "1 1", "", "a\nb" })
	void parameterValuesThatWouldChangeTheCommandAreRejected(String value) {
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create(request("null1", "vdisk_nullio", null, null, Map.of("dummy", value))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("parameters.dummy"));
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1000", "256", "0", "abc" })
	void blockSizesScstWouldRoundAreRejected(String blockSize) {
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(
				() -> this.service.create(request("null1", "vdisk_nullio", null, null, Map.of("blocksize", blockSize))))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("parameters.blocksize"));
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
	}

	@Test
	void negativeSizeIsRejected() {
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> this.service.create(request("null1", "vdisk_nullio", null, -512L, null)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("size"));
	}

	@Test
	void existingNameIsAConflictBeforeWriting() {
		createNullio("null1");
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(DeviceAlreadyExistsException.class)
			.isThrownBy(() -> this.service.create(request("null1", "vdisk_nullio", null, MIB, null)))
			.withMessageContaining("null1");
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
	}

	@Test
	void relativeBackingFileIsRejectedByTheKernel() {
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.service.create(request("disk1", "vdisk_fileio", "disk1.img", null, null)))
			.satisfies((ex) -> {
				assertThat(ex.errno()).isEqualTo(Errno.EINVAL);
				assertThat(ex.path()).isEqualTo(ScstPath.of("handlers", "vdisk_fileio", "mgmt"));
				assertThat(ex.written()).isEqualTo("add_device disk1 filename=disk1.img");
			});
		assertThat(this.sysfs.exists(ScstPath.of("devices", "disk1"))).isFalse();
	}

	@Test
	void missingBackingFileIsRejectedByTheKernel() {
		String missing = this.dataDir.resolve("missing.img").toString();
		assertThatExceptionOfType(KernelRejectedException.class)
			.isThrownBy(() -> this.service.create(request("disk1", "vdisk_fileio", missing, null, null)))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.ENOENT));
		assertThat(this.service.list(null)).isEmpty();
	}

	@Test
	void changesWritableAttributes() {
		createNullio("null1");
		Map<String, String> changes = new LinkedHashMap<>();
		changes.put("max_tgt_dev_commands", "32");
		changes.put("prod_id", "DISK");
		Device device = this.service.change("null1", changes);
		assertThat(device.attributes().get("max_tgt_dev_commands")).isEqualTo(new AttributeValue("32", true, true));
		assertThat(device.attributes().get("prod_id")).isEqualTo(new AttributeValue("DISK", true, true));
	}

	@Test
	void attributeValuesMayHoldBlanks() {
		Path image = ScstTreeFixtures.sparseFile(this.dataDir.resolve("blank.img"), 1 << 20);
		this.service.create(request("disk1", "vdisk_fileio", image.toString(), null, null));
		Device device = this.service.change("disk1", Map.of("prod_id", "MY DISK"));
		assertThat(device.attributes().get("prod_id").value()).isEqualTo("MY DISK");
	}

	@Test
	void readOnlyUnknownAndWriteOnlyAttributesAreRejectedBeforeWriting() {
		Path image = ScstTreeFixtures.sparseFile(this.dataDir.resolve("disk1.img"), MIB);
		this.service.create(request("disk1", "vdisk_fileio", image.toString(), null, null));
		long writes = this.simulator.writeCount();
		assertChangeRejected(Map.of("max_tgt_dev_commands", "32", "blocksize", "4096"), "attributes.blocksize",
				"read-only");
		assertChangeRejected(Map.of("bogus", "1"), "attributes.bogus", "no attribute");
		assertChangeRejected(Map.of("resync_size", "1"), "attributes.resync_size", "write-only");
		assertChangeRejected(Map.of("exported", "1"), "attributes.exported", "no attribute");
		assertChangeRejected(Map.of("../type", "1"), "attributes", "not a parameter name");
		assertChangeRejected(Map.of("prod_id", "a\nb"), "attributes.prod_id", "line ends");
		assertChangeRejected(Map.of("prod_id", "a\u0000b"), "attributes.prod_id", "control characters");
		assertChangeRejected(Map.of("prod_id", "x".repeat(1025)), "attributes.prod_id", "longer than");
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
		assertThat(this.service.get("disk1").attributes().get("max_tgt_dev_commands").value()).isEqualTo("64");
	}

	@Test
	void failedChangeRestoresTheAttributesAlreadyWritten() {
		createNullio("null1");
		ScstPath second = ScstPath.of("devices", "null1", "prod_id");
		this.simulator.faults().failWrites(second, Errno.EINVAL, 1);
		Map<String, String> changes = new LinkedHashMap<>();
		changes.put("max_tgt_dev_commands", "32");
		changes.put("prod_id", "DISK");
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> this.service.change("null1", changes))
			.satisfies((ex) -> assertThat(ex.path()).isEqualTo(second));
		Device device = this.service.get("null1");
		assertThat(device.attributes().get("max_tgt_dev_commands")).isEqualTo(new AttributeValue("64", false, true));
		assertThat(device.attributes().get("prod_id").value()).isEqualTo("null1");
		assertThat(lastWrite().path()).isEqualTo(ScstPath.of("devices", "null1", "max_tgt_dev_commands"));
		assertThat(lastWrite().data()).isEqualTo("64\n");
	}

	@Test
	void deletesADevice() {
		createNullio("null1");
		this.service.delete("null1", false);
		assertThat(this.sysfs.exists(ScstPath.of("devices", "null1"))).isFalse();
		assertThat(lastWrite().data()).isEqualTo("del_device null1\n");
		assertThat(lastWrite().path()).isEqualTo(NULLIO_MGMT);
	}

	@Test
	void deletingAnExportedDeviceIsAConflict() {
		createNullio("null1");
		this.sysfs.mgmt(LOCAL_LUNS_MGMT, "add null1 3");
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(DeviceExportedException.class).isThrownBy(() -> this.service.delete("null1", false))
			.withMessageContaining("LUN 3 of scst_local/scst_local_tgt");
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
		assertThat(this.sysfs.exists(ScstPath.of("devices", "null1"))).isTrue();
	}

	@Test
	void forcedDeleteRemovesTheLunsFirst() {
		createNullio("null1");
		this.sysfs.mgmt(LOCAL_LUNS_MGMT, "add null1 3");
		this.sysfs.mgmt(LOCAL_GROUPS_MGMT, "create grp1");
		ScstPath groupLunsMgmt = LOCAL_GROUPS_MGMT.parent().resolve("grp1", "luns", "mgmt");
		this.sysfs.mgmt(groupLunsMgmt, "add null1 5");
		long writes = this.simulator.writeCount();
		this.service.delete("null1", true);
		List<WriteRecord> log = this.simulator.writeLog();
		assertThat(log.subList((int) (log.size() - (this.simulator.writeCount() - writes)), log.size()))
			.extracting(WriteRecord::path, WriteRecord::data)
			.containsExactly(tuple(LOCAL_LUNS_MGMT, "del 3\n"), tuple(groupLunsMgmt, "del 5\n"),
					tuple(NULLIO_MGMT, "del_device null1\n"));
		assertThat(this.sysfs.exists(LOCAL_LUNS_MGMT.parent().resolve("3"))).isFalse();
		assertThat(this.sysfs.exists(groupLunsMgmt.parent().resolve("5"))).isFalse();
		assertThat(this.sysfs.exists(ScstPath.of("devices", "null1"))).isFalse();
	}

	@Test
	void failedForcedDeleteAddsTheDeletedLunsAgain() {
		createNullio("null1");
		this.sysfs.mgmt(LOCAL_LUNS_MGMT, "add null1 3 read_only=1");
		this.simulator.faults().failWrites(NULLIO_MGMT, Errno.EBUSY, 1);
		assertThatExceptionOfType(KernelRejectedException.class).isThrownBy(() -> this.service.delete("null1", true))
			.satisfies((ex) -> assertThat(ex.errno()).isEqualTo(Errno.EBUSY));
		assertThat(this.service.get("null1").exports())
			.containsExactly(new Export("scst_local", "scst_local_tgt", null, 3));
		assertThat(lastWrite().data()).isEqualTo("add null1 3 read_only=1\n");
		assertThat(this.sysfs.read(LOCAL_LUNS_MGMT.parent().resolve("3", "read_only")).value()).isEqualTo("1");
	}

	@Test
	void resyncPicksUpAGrownBackingFile() throws IOException {
		Path image = ScstTreeFixtures.sparseFile(this.dataDir.resolve("disk1.img"), 8 * MIB);
		this.service.create(request("disk1", "vdisk_fileio", image.toString(), null, null));
		try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
			file.setLength(16 * MIB);
		}
		assertThat(this.service.get("disk1").size()).isEqualTo(8 * MIB);
		Device device = this.service.resyncSize("disk1");
		assertThat(device.size()).isEqualTo(16 * MIB);
		assertThat(device.attributes().get("size").value()).isEqualTo(Long.toString(16 * MIB));
		assertThat(lastWrite().path()).isEqualTo(ScstPath.of("devices", "disk1", "resync_size"));
	}

	@Test
	void resyncOfADeviceWithoutBackingFileIsAConflict() {
		createNullio("null1");
		long writes = this.simulator.writeCount();
		assertThatExceptionOfType(ResyncNotSupportedException.class).isThrownBy(() -> this.service.resyncSize("null1"))
			.withMessageContaining("vdisk_nullio");
		assertThat(this.simulator.writeCount()).isEqualTo(writes);
	}

	@Test
	void aPageReadsOnlyTheDevicesOnIt() {
		for (int i = 0; i < 6; i++) {
			createNullio("pg" + i);
		}
		CountingSysfs counting = new CountingSysfs(this.sysfs);
		DeviceService counted = new DeviceService(counting.sysfs, new HandlerService(counting.sysfs));
		Slice<DeviceSummary> page = counted.list(null, new Page(2, "pg1"));
		assertThat(page.items()).extracting(DeviceSummary::name).containsExactly("pg2", "pg3");
		assertThat(page.next()).isEqualTo("pg3");
		List<String> calls = counting.take();
		// one listing of devices/, then only files below the two devices of the page
		assertThat(calls).filteredOn((call) -> call.endsWith(" devices")).hasSize(1);
		assertThat(calls).filteredOn((call) -> !call.endsWith(" devices"))
			.isNotEmpty()
			.allMatch((call) -> call.contains(" devices/pg2/") || call.contains(" devices/pg3/"));
	}

	private void assertChangeRejected(Map<String, String> changes, String field, String reason) {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> this.service.change("disk1", changes))
			.satisfies((ex) -> {
				assertThat(ex.field()).isEqualTo(field);
				assertThat(ex.reason()).contains(reason);
			});
	}

	private void createNullio(String name) {
		this.sysfs.mgmt(NULLIO_MGMT, "add_device " + name + " size_mb=1");
	}

	private WriteRecord lastWrite() {
		List<WriteRecord> log = this.simulator.writeLog();
		return log.get(log.size() - 1);
	}

	private static CreateDeviceRequest request(String name, String handler, String filename, Long size,
			Map<String, String> parameters) {
		return new CreateDeviceRequest(name, handler, filename, size, parameters);
	}

}
