package io.scst.manager.target;

import io.scst.manager.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /api/v1/target-drivers} over the real service on the demo simulator. */
@ApiTest
class TargetDriverControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void listsTheDrivers() {
		assertThat(this.mvc.get().uri("/api/v1/target-drivers")).hasStatusOk()
			.hasHeader("ETag", etag("/api/v1/target-drivers"))
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$[*].name").asArray().containsExactly("copy_manager", "scst_local");
				assertThat(json).extractingPath("$[0].version").isNull();
				assertThat(json).extractingPath("$[0].targetCount").isEqualTo(1);
				assertThat(json).extractingPath("$[1].version").isEqualTo("3.11.0-pre/20110901");
				assertThat(json).extractingPath("$[1].targetCount").asNumber().isNotEqualTo(0);
			});
	}

	@Test
	void describesScstLocal() {
		assertThat(this.mvc.get().uri("/api/v1/target-drivers/scst_local")).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.name").isEqualTo("scst_local");
				assertThat(json).extractingPath("$.version").isEqualTo("3.11.0-pre/20110901");
				assertThat(json).extractingPath("$.targets").asArray().contains("scst_local_tgt");
				assertThat(json).extractingPath("$.attributes").asMap().doesNotContainKey("mgmt");
				assertThat(json).extractingPath("$.attributes.stats.writable").isEqualTo(false);
				assertThat(json).extractingPath("$.stats.counts.Aborts").isEqualTo(0);
				assertThat(json).extractingPath("$.stats.counts['Target Resets']").isEqualTo(0);
				assertThat(json).extractingPath("$.stats.raw")
					.isEqualTo("Aborts: 0, Device Resets: 0, Target Resets: 0");
				assertThat(json).extractingPath("$.moduleParameters.add_default_tgt").isEqualTo("Y");
				assertThat(json).extractingPath("$.capabilities.addTarget").isEqualTo(true);
				assertThat(json).extractingPath("$.capabilities.addSession").isEqualTo(true);
				assertThat(json).extractingPath("$.capabilities.targetParameters")
					.asArray()
					.containsExactly("session_name");
			});
	}

	@Test
	void describesTheCopyManager() {
		assertThat(this.mvc.get().uri("/api/v1/target-drivers/copy_manager")).hasStatusOk()
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.targets").asArray().containsExactly("copy_manager_tgt");
				assertThat(json).extractingPath("$.attributes.allow_not_connected_copy.value").isEqualTo("0");
				assertThat(json).extractingPath("$.attributes.allow_not_connected_copy.nonDefault").isEqualTo(false);
				assertThat(json).extractingPath("$.attributes.allow_not_connected_copy.writable").isEqualTo(true);
				assertThat(json).extractingPath("$.capabilities.addTarget").isEqualTo(false);
				assertThat(json).extractingPath("$.stats").isNull();
				assertThat(json).extractingPath("$.moduleParameters").isNull();
			});
	}

	@Test
	void unknownDriverIsNotFound() {
		assertThat(this.mvc.get().uri("/api/v1/target-drivers/iscsi")).hasStatus(404)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.type").isEqualTo("urn:scst-mgmt:problem:not-found");
				assertThat(json).extractingPath("$.object").isEqualTo("target-driver");
				assertThat(json).extractingPath("$.detail").asString().contains("iscsi");
			});
	}

	@Test
	void invalidDriverNameIsABadRequest() {
		assertThat(this.mvc.get().uri("/api/v1/target-drivers/{driver}", "bad name")).hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("driver");
	}

	private String etag(String uri) {
		String etag = this.mvc.get().uri(uri).exchange().getResponse().getHeader("ETag");
		assertThat(etag).isNotBlank();
		return etag;
	}

}
