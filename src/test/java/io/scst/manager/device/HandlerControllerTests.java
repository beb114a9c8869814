package io.scst.manager.device;

import io.scst.manager.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;

import static io.scst.manager.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/handlers} over the real service on the demo simulator. */
@ApiTest
class HandlerControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void listsTheHandlersWithTypesAndDevices() {
		MvcTestResultAssert result = assertThat(this.mvc.get().uri("/api/v1/handlers"));
		result.hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.headers()
			.containsHeader(HttpHeaders.ETAG);
		AbstractJsonContentAssert<?> json = result.bodyJson();
		json.extractingPath("$[*].name").asArray().contains("vcdrom", "vdisk_blockio", "vdisk_fileio", "vdisk_nullio");
		json.extractingPath("$[?(@.name == 'vdisk_fileio')].type.code").asArray().containsExactly(0);
		json.extractingPath("$[?(@.name == 'vdisk_fileio')].type.description")
			.asArray()
			.containsExactly("Direct-access device (e.g., magnetic disk)");
		json.extractingPath("$[?(@.name == 'vcdrom')].type.code").asArray().containsExactly(5);
		json.extractingPath("$[?(@.name == 'vdisk_fileio')].devices[*]").asArray().contains("vm_disk1");
	}

	@Test
	void describesAHandlerWithTheParametersOfItsHelpText() {
		MvcTestResultAssert result = assertThat(this.mvc.get().uri("/api/v1/handlers/vdisk_nullio"));
		result.hasStatusOk().headers().containsHeader(HttpHeaders.ETAG);
		AbstractJsonContentAssert<?> json = result.bodyJson();
		json.extractingPath("$.name").isEqualTo("vdisk_nullio");
		json.extractingPath("$.type.code").isEqualTo(0);
		json.extractingPath("$.parameters")
			.asArray()
			.containsExactly("blocksize", "cluster_mode", "dif_mode", "dif_static_app_tag", "dif_type", "dummy",
					"numa_node_id", "read_only", "removable", "rotational", "size", "size_mb", "tst", "t10_dev_id");
	}

	@Test
	void describesTheDevicesOfAHandler() {
		AbstractJsonContentAssert<?> json = assertThat(this.mvc.get().uri("/api/v1/handlers/vdisk_fileio"))
			.hasStatusOk()
			.bodyJson();
		json.extractingPath("$.devices").asArray().contains("vm_disk1");
		json.extractingPath("$.parameters").asArray().contains("filename", "nv_cache").doesNotContain("size");
	}

	@Test
	void unknownHandlerIsNotFound() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/api/v1/handlers/vdisk_nosuch"), 404,
				"not-found");
		json.extractingPath("$.object").isEqualTo("handler");
		json.extractingPath("$.detail").asString().contains("vdisk_nosuch");
	}

	@Test
	void invalidHandlerNameIsABadRequest() {
		AbstractJsonContentAssert<?> json = problem(this.mvc.get().uri("/api/v1/handlers/{handler}", "a b"), 400,
				"invalid-request");
		json.extractingPath("$.errors[0].field").isEqualTo("handler");
	}

	@Test
	void handlersCannotBeChanged() {
		assertThat(this.mvc.delete().uri("/api/v1/handlers/vdisk_nullio")).hasStatus(405)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
