package io.scst.manager.device;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.scst.manager.ApiTest;
import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.ScstTreeFixtures;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;

import static io.scst.manager.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/v1/devices} over the real service on the demo simulator. Devices created
 * here are named {@code dct_*} and removed after each test.
 */
@ApiTest
class DeviceControllerTests {

	private static final long MIB = 1024 * 1024;

	private static final ScstPath LOCAL_LUNS_MGMT = ScstPath.of("targets", "scst_local", "scst_local_tgt", "luns",
			"mgmt");

	@TempDir
	static Path dataDir;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@AfterEach
	void removeOwnDevices() {
		simulator().faults().clear();
		for (String handler : new String[] { "vdisk_fileio", "vdisk_nullio" }) {
			for (var entry : this.sysfs.list(ScstPath.of("handlers", handler))) {
				if (entry.isLink() && entry.name().startsWith("dct_")) {
					this.sysfs.mgmt(ScstPath.of("handlers", handler, "mgmt"), "del_device " + entry.name());
				}
			}
		}
	}

	@Test
	void listsDevices() {
		createNullio("dct_null1");
		MvcTestResultAssert result = assertThat(this.mvc.get().uri("/api/v1/devices"));
		result.hasStatusOk().headers().containsHeader(HttpHeaders.ETAG);
		AbstractJsonContentAssert<?> json = result.bodyJson();
		json.extractingPath("$[?(@.name == 'vm_disk1')].handler").asArray().containsExactly("vdisk_fileio");
		json.extractingPath("$[?(@.name == 'vm_disk1')].size")
			.asArray()
			.containsExactly((int) ScstTreeFixtures.DEMO_DISK_SIZE);
		json.extractingPath("$[?(@.name == 'vm_disk1')].exported").asArray().containsExactly(true);
		json.extractingPath("$[?(@.name == 'dct_null1')].exported").asArray().containsExactly(false);
		json.extractingPath("$[?(@.name == 'dct_null1')].size").asArray().containsExactly((int) MIB);
	}

	@Test
	void listsTheDevicesOfOneHandler() {
		createNullio("dct_null1");
		AbstractJsonContentAssert<?> json = assertThat(this.mvc.get().uri("/api/v1/devices?handler=vdisk_nullio"))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$[*].name").asArray().contains("dct_null1").doesNotContain("vm_disk1");
		json.extractingPath("$[*].handler").asArray().containsOnly("vdisk_nullio");
	}

	@Test
	void listingTheDevicesOfAnUnknownHandlerIsNotFound() {
		problem(this.mvc.get().uri("/api/v1/devices?handler=vdisk_nosuch"), 404, "not-found").extractingPath("$.object")
			.isEqualTo("handler");
	}

	@Test
	void createsAFileioDevice() {
		Path image = ScstTreeFixtures.sparseFile(dataDir.resolve("dct_disk1.img"), 8 * MIB);
		MvcTestResultAssert result = assertThat(post("/api/v1/devices", """
				{"name": "dct_disk1", "handler": "vdisk_fileio", "filename": "%s", "parameters": {"nv_cache": "1"}}
				""".formatted(image)));
		result.hasStatus(201).hasHeader(HttpHeaders.LOCATION, "http://localhost/api/v1/devices/dct_disk1");
		AbstractJsonContentAssert<?> json = result.bodyJson();
		json.extractingPath("$.name").isEqualTo("dct_disk1");
		json.extractingPath("$.handler").isEqualTo("vdisk_fileio");
		json.extractingPath("$.size").isEqualTo((int) (8 * MIB));
		json.extractingPath("$.attributes.filename.value").isEqualTo(image.toString());
		json.extractingPath("$.attributes.nv_cache.value").isEqualTo("1");
		json.extractingPath("$.attributes.nv_cache.nonDefault").isEqualTo(true);
		json.extractingPath("$.attributes.nv_cache.writable").isEqualTo(false);
		json.extractingPath("$.exports").asArray().isEmpty();
		assertThat(this.sysfs.exists(ScstPath.of("devices", "dct_disk1"))).isTrue();
	}

	@Test
	void createsANullioDeviceOfAGivenSize() {
		AbstractJsonContentAssert<?> json = assertThat(post("/api/v1/devices", """
				{"name": "dct_null2", "handler": "vdisk_nullio", "size": 4194304}
				""")).hasStatus(201).bodyJson();
		json.extractingPath("$.size").isEqualTo(4194304);
		json.extractingPath("$.attributes.size.value").isEqualTo("4194304");
		json.extractingPath("$.attributes.size.nonDefault").isEqualTo(true);
	}

	@ParameterizedTest
	@ValueSource(strings = { "dct a", "dct\\nb", "dct;b", "dct/b", "..", "mgmt", "",
			"dct_12345678901234567890123456789012345678901234567890123456789012" })
	void invalidDeviceNamesAreBadRequestsWithoutWrites(String name) {
		long writes = simulator().writeCount();
		AbstractJsonContentAssert<?> json = problem(post("/api/v1/devices", """
				{"name": "%s", "handler": "vdisk_nullio", "size": 1048576}
				""".formatted(name)), 400, "invalid-request");
		json.extractingPath("$.errors[0].field").isEqualTo("name");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void parametersTheHandlerDoesNotAcceptAreBadRequestsWithoutWrites() {
		long writes = simulator().writeCount();
		problem(post("/api/v1/devices", """
				{"name": "dct_null3", "handler": "vdisk_nullio", "parameters": {"bogus": "1"}}
				"""), 400, "invalid-request").extractingPath("$.errors[0].field").isEqualTo("parameters.bogus");
		problem(post("/api/v1/devices", """
				{"name": "dct_disk3", "handler": "vdisk_fileio", "filename": "/tmp/x", "size": 1048576}
				"""), 400, "invalid-request").extractingPath("$.errors[0].field").isEqualTo("size");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1;tst=0", "1=1", "1 1", " ", "" })
	void parameterValuesThatWouldChangeTheCommandAreBadRequestsWithoutWrites(String value) {
		long writes = simulator().writeCount();
		AbstractJsonContentAssert<?> json = problem(post("/api/v1/devices", """
				{"name": "dct_null4", "handler": "vdisk_nullio", "parameters": {"dummy": "%s"}}
				""".formatted(value)), 400, "invalid-request");
		json.extractingPath("$.errors[0].field").isEqualTo("parameters.dummy");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void creatingAnExistingDeviceIsAConflictWithoutWrites() {
		long writes = simulator().writeCount();
		AbstractJsonContentAssert<?> json = problem(post("/api/v1/devices", """
				{"name": "vm_disk1", "handler": "vdisk_nullio", "size": 1048576}
				"""), 409, "conflict");
		json.extractingPath("$.object").isEqualTo("device");
		json.extractingPath("$.detail").asString().contains("vm_disk1");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void creatingWithAnUnknownHandlerIsNotFound() {
		problem(post("/api/v1/devices", """
				{"name": "dct_x", "handler": "vdisk_nosuch", "size": 1048576}
				"""), 404, "not-found").extractingPath("$.object").isEqualTo("handler");
	}

	@Test
	void relativeBackingFileIsRejectedByTheKernel() {
		AbstractJsonContentAssert<?> json = problem(post("/api/v1/devices", """
				{"name": "dct_rel", "handler": "vdisk_fileio", "filename": "dct_rel.img"}
				"""), 422, "kernel-rejected");
		json.extractingPath("$.errno").isEqualTo("EINVAL");
		json.extractingPath("$.path").isEqualTo("handlers/vdisk_fileio/mgmt");
		json.extractingPath("$.command").isEqualTo("add_device dct_rel filename=dct_rel.img");
		json.extractingPath("$.lastSysfsMgmtRes").isEqualTo(-22);
	}

	@Test
	void missingBackingFileIsRejectedByTheKernel() {
		String missing = dataDir.resolve("dct_missing.img").toString();
		AbstractJsonContentAssert<?> json = problem(post("/api/v1/devices", """
				{"name": "dct_missing", "handler": "vdisk_fileio", "filename": "%s"}
				""".formatted(missing)), 422, "kernel-rejected");
		json.extractingPath("$.errno").isEqualTo("ENOENT");
		json.extractingPath("$.command").isEqualTo("add_device dct_missing filename=" + missing);
		assertThat(this.mvc.get().uri("/api/v1/devices/dct_missing")).hasStatus(404);
	}

	@Test
	void describesADeviceWithItsExports() {
		MvcTestResultAssert result = assertThat(this.mvc.get().uri("/api/v1/devices/vm_disk1"));
		result.hasStatusOk().headers().containsHeader(HttpHeaders.ETAG);
		AbstractJsonContentAssert<?> json = result.bodyJson();
		json.extractingPath("$.name").isEqualTo("vm_disk1");
		json.extractingPath("$.handler").isEqualTo("vdisk_fileio");
		json.extractingPath("$.size").isEqualTo((int) ScstTreeFixtures.DEMO_DISK_SIZE);
		json.extractingPath("$.attributes.max_tgt_dev_commands.value").isEqualTo("64");
		json.extractingPath("$.attributes.max_tgt_dev_commands.writable").isEqualTo(true);
		json.extractingPath("$.attributes.blocksize.writable").isEqualTo(false);
		json.extractingPath("$.attributes.filename.nonDefault").isEqualTo(true);
		json.extractingPath("$.attributes").asMap().doesNotContainKeys("resync_size", "handler", "exported");
		json.extractingPath("$.exports[0].driver").isEqualTo("scst_local");
		json.extractingPath("$.exports[0].target").isEqualTo("scst_local_tgt");
		json.extractingPath("$.exports[0].group").isNull();
		json.extractingPath("$.exports[0].lun").isEqualTo(0);
	}

	@Test
	void unknownDeviceIsNotFound() {
		problem(this.mvc.get().uri("/api/v1/devices/dct_nosuch"), 404, "not-found").extractingPath("$.object")
			.isEqualTo("device");
		problem(this.mvc.delete().uri("/api/v1/devices/dct_nosuch"), 404, "not-found");
		problem(patch("/api/v1/devices/dct_nosuch", """
				{"attributes": {"numa_node_id": "0"}}
				"""), 404, "not-found");
		problem(this.mvc.post().uri("/api/v1/devices/dct_nosuch/resync-size"), 404, "not-found");
	}

	@Test
	void changesWritableAttributes() {
		createNullio("dct_null5");
		AbstractJsonContentAssert<?> json = assertThat(patch("/api/v1/devices/dct_null5", """
				{"attributes": {"max_tgt_dev_commands": "32", "prod_id": "DCT"}}
				""")).hasStatusOk().bodyJson();
		json.extractingPath("$.attributes.max_tgt_dev_commands.value").isEqualTo("32");
		json.extractingPath("$.attributes.max_tgt_dev_commands.nonDefault").isEqualTo(true);
		json.extractingPath("$.attributes.prod_id.value").isEqualTo("DCT");
	}

	@Test
	void changingReadOnlyOrUnknownAttributesIsABadRequestWithoutWrites() {
		createNullio("dct_null6");
		long writes = simulator().writeCount();
		problem(patch("/api/v1/devices/dct_null6", """
				{"attributes": {"max_tgt_dev_commands": "32", "blocksize": "4096"}}
				"""), 400, "invalid-request").extractingPath("$.errors[0].field").isEqualTo("attributes.blocksize");
		problem(patch("/api/v1/devices/dct_null6", """
				{"attributes": {"bogus": "1"}}
				"""), 400, "invalid-request").extractingPath("$.errors[0].field").isEqualTo("attributes.bogus");
		problem(patch("/api/v1/devices/dct_null6", """
				{"attributes": {"prod_id": "a\\nb"}}
				"""), 400, "invalid-request").extractingPath("$.errors[0].field").isEqualTo("attributes.prod_id");
		problem(patch("/api/v1/devices/dct_null6", """
				{"attributes": {}}
				"""), 400, "invalid-request").extractingPath("$.errors[0].field").isEqualTo("attributes");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void failedChangeRestoresTheAttributesAlreadyWritten() {
		createNullio("dct_null7");
		simulator().faults().failWrites(ScstPath.of("devices", "dct_null7", "prod_id"), Errno.EINVAL, 1);
		AbstractJsonContentAssert<?> json = problem(patch("/api/v1/devices/dct_null7", """
				{"attributes": {"max_tgt_dev_commands": "32", "prod_id": "DCT"}}
				"""), 422, "kernel-rejected");
		json.extractingPath("$.errno").isEqualTo("EINVAL");
		json.extractingPath("$.path").isEqualTo("devices/dct_null7/prod_id");
		AbstractJsonContentAssert<?> device = assertThat(this.mvc.get().uri("/api/v1/devices/dct_null7")).hasStatusOk()
			.bodyJson();
		device.extractingPath("$.attributes.max_tgt_dev_commands.value").isEqualTo("64");
		device.extractingPath("$.attributes.max_tgt_dev_commands.nonDefault").isEqualTo(false);
		device.extractingPath("$.attributes.prod_id.value").isEqualTo("dct_null7");
	}

	@Test
	void staleEntityTagPreventsChangeAndDelete() {
		createNullio("dct_null8");
		String etag = etag("/api/v1/devices/dct_null8");
		this.sysfs.write(ScstPath.of("devices", "dct_null8", "numa_node_id"), "0");
		long writes = simulator().writeCount();
		problem(patch("/api/v1/devices/dct_null8", """
				{"attributes": {"max_tgt_dev_commands": "32"}}
				""").header(HttpHeaders.IF_MATCH, etag), 412, "precondition-failed");
		problem(this.mvc.delete().uri("/api/v1/devices/dct_null8").header(HttpHeaders.IF_MATCH, etag), 412,
				"precondition-failed");
		assertThat(simulator().writeCount()).isEqualTo(writes);
		String current = etag("/api/v1/devices/dct_null8");
		assertThat(current).isNotEqualTo(etag);
		assertThat(patch("/api/v1/devices/dct_null8", """
				{"attributes": {"max_tgt_dev_commands": "32"}}
				""").header(HttpHeaders.IF_MATCH, current)).hasStatusOk();
	}

	@Test
	void deletesADevice() {
		createNullio("dct_null9");
		String etag = etag("/api/v1/devices/dct_null9");
		assertThat(this.mvc.delete().uri("/api/v1/devices/dct_null9").header(HttpHeaders.IF_MATCH, etag))
			.hasStatus(204);
		assertThat(this.sysfs.exists(ScstPath.of("devices", "dct_null9"))).isFalse();
		assertThat(this.mvc.get().uri("/api/v1/devices/dct_null9")).hasStatus(404);
	}

	@Test
	void deletingAnExportedDeviceIsAConflictWithoutWrites() {
		createNullio("dct_null10");
		this.sysfs.mgmt(LOCAL_LUNS_MGMT, "add dct_null10 77");
		long writes = simulator().writeCount();
		AbstractJsonContentAssert<?> json = problem(this.mvc.delete().uri("/api/v1/devices/dct_null10"), 409,
				"conflict");
		json.extractingPath("$.object").isEqualTo("device");
		json.extractingPath("$.detail").asString().contains("LUN 77 of scst_local/scst_local_tgt");
		assertThat(simulator().writeCount()).isEqualTo(writes);
		assertThat(this.sysfs.exists(ScstPath.of("devices", "dct_null10"))).isTrue();
	}

	@Test
	void forcedDeleteRemovesTheLunsAndTheDevice() {
		createNullio("dct_null11");
		this.sysfs.mgmt(LOCAL_LUNS_MGMT, "add dct_null11 78");
		assertThat(this.mvc.delete().uri("/api/v1/devices/dct_null11?force=true")).hasStatus(204);
		assertThat(this.sysfs.exists(LOCAL_LUNS_MGMT.parent().resolve("78"))).isFalse();
		assertThat(this.sysfs.exists(ScstPath.of("devices", "dct_null11"))).isFalse();
		assertThat(this.sysfs.exists(LOCAL_LUNS_MGMT.parent().resolve("0"))).isTrue();
	}

	@Test
	void resyncSizeReportsTheGrownBackingFile() throws IOException {
		Path image = ScstTreeFixtures.sparseFile(dataDir.resolve("dct_grow.img"), 8 * MIB);
		assertThat(post("/api/v1/devices", """
				{"name": "dct_grow", "handler": "vdisk_fileio", "filename": "%s"}
				""".formatted(image))).hasStatus(201);
		try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
			file.setLength(24 * MIB);
		}
		AbstractJsonContentAssert<?> json = assertThat(this.mvc.post().uri("/api/v1/devices/dct_grow/resync-size"))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$.size").isEqualTo((int) (24 * MIB));
		json.extractingPath("$.attributes.size.value").isEqualTo(Long.toString(24 * MIB));
	}

	@Test
	void resyncSizeOfANullioDeviceIsAConflictWithoutWrites() {
		createNullio("dct_null12");
		long writes = simulator().writeCount();
		AbstractJsonContentAssert<?> json = problem(this.mvc.post().uri("/api/v1/devices/dct_null12/resync-size"), 409,
				"conflict");
		json.extractingPath("$.detail").asString().contains("resync_size");
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void pagesDevicesInNameOrderWithALinkToTheNextPage() {
		createNullio("dct_p1");
		createNullio("dct_p2");
		createNullio("dct_p3");
		createNullio("dct_p4");
		MvcTestResult result = this.mvc.get().uri("/api/v1/devices?limit=2&after=dct_p1").exchange();
		assertThat(result).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.containsExactly("dct_p2", "dct_p3");
		assertThat(result.getResponse().getHeader(HttpHeaders.LINK))
			.isEqualTo("<http://localhost/api/v1/devices?limit=2&after=dct_p3>; rel=\"next\"");
	}

	@Test
	void followingTheNextLinksGivesEveryDeviceOnce() {
		createNullio("dct_p1");
		createNullio("dct_p2");
		createNullio("dct_p3");
		MvcTestResult all = this.mvc.get().uri("/api/v1/devices").exchange();
		assertThat(all).hasStatusOk();
		assertThat(all.getResponse().getHeader(HttpHeaders.LINK)).isNull();
		List<String> expected = names(all);
		assertThat(expected).contains("dct_p1", "dct_p2", "dct_p3", "vm_disk1").isSorted();
		List<String> paged = new ArrayList<>();
		String next = "/api/v1/devices?limit=2";
		int pages = 0;
		while (next != null) {
			MvcTestResult page = this.mvc.get().uri(next).exchange();
			assertThat(page).hasStatusOk();
			assertThat(names(page)).hasSizeBetween(1, 2);
			paged.addAll(names(page));
			pages++;
			String link = page.getResponse().getHeader(HttpHeaders.LINK);
			next = (link != null) ? link.substring("<http://localhost".length(), link.indexOf('>')) : null;
		}
		assertThat(paged).isEqualTo(expected);
		assertThat(pages).isEqualTo((expected.size() + 1) / 2);
	}

	@Test
	void theLastPageHasNoLink() {
		createNullio("dct_p1");
		List<String> all = names(this.mvc.get().uri("/api/v1/devices").exchange());
		MvcTestResult exact = this.mvc.get().uri("/api/v1/devices?limit=" + all.size()).exchange();
		assertThat(names(exact)).isEqualTo(all);
		assertThat(exact.getResponse().getHeader(HttpHeaders.LINK)).isNull();
		MvcTestResult oneShort = this.mvc.get().uri("/api/v1/devices?limit=" + (all.size() - 1)).exchange();
		assertThat(oneShort.getResponse().getHeader(HttpHeaders.LINK)).contains("after=" + all.get(all.size() - 2));
		MvcTestResult past = this.mvc.get().uri("/api/v1/devices?limit=5&after=" + all.get(all.size() - 1)).exchange();
		assertThat(past).hasStatusOk().bodyJson().isEqualTo("[]");
		assertThat(past.getResponse().getHeader(HttpHeaders.LINK)).isNull();
	}

	@Test
	void afterADeviceThatIsGoneThePageStartsAtTheNextName() {
		createNullio("dct_p1");
		createNullio("dct_p2");
		createNullio("dct_p3");
		this.sysfs.mgmt(ScstPath.of("handlers", "vdisk_nullio", "mgmt"), "del_device dct_p2");
		assertThat(this.mvc.get().uri("/api/v1/devices?limit=1&after=dct_p2")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].name")
			.asArray()
			.containsExactly("dct_p3");
	}

	@Test
	void pagesTheDevicesOfOneHandlerKeepingTheFilterInTheLink() {
		createNullio("dct_p1");
		createNullio("dct_p2");
		createNullio("dct_p3");
		MvcTestResult result = this.mvc.get()
			.uri("/api/v1/devices?handler=vdisk_nullio&limit=1&after=dct_p1")
			.exchange();
		assertThat(result).hasStatusOk().bodyJson().extractingPath("$[*].name").asArray().containsExactly("dct_p2");
		assertThat(result.getResponse().getHeader(HttpHeaders.LINK))
			.isEqualTo("<http://localhost/api/v1/devices?handler=vdisk_nullio&limit=1&after=dct_p2>; rel=\"next\"");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "1001", "many" })
	void aLimitOutsideOneToOneThousandIsAProblem(String limit) {
		problem(this.mvc.get().uri("/api/v1/devices?limit=" + limit), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo("limit");
	}

	@ParameterizedTest
	@ValueSource(strings = { "bad*name", "a=b", "" })
	void anAfterThatIsNoDeviceNameIsAProblem(String after) {
		problem(this.mvc.get().uri("/api/v1/devices?limit=2&after=" + after), 400, "invalid-request")
			.extractingPath("$.errors[0].field")
			.isEqualTo("after");
	}

	private void createNullio(String name) {
		this.sysfs.mgmt(ScstPath.of("handlers", "vdisk_nullio", "mgmt"), "add_device " + name + " size_mb=1");
	}

	private static List<String> names(MvcTestResult result) {
		try {
			return JsonPath.read(result.getResponse().getContentAsString(), "$[*].name");
		}
		catch (java.io.UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

	private String etag(String uri) {
		MvcTestResult result = this.mvc.get().uri(uri).exchange();
		assertThat(result).hasStatusOk();
		String etag = result.getResponse().getHeader(HttpHeaders.ETAG);
		assertThat(etag).isNotBlank();
		return etag;
	}

	private MockMvcRequestBuilder post(String uri, String json) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	private MockMvcRequestBuilder patch(String uri, String json) {
		return this.mvc.patch().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json);
	}

}
