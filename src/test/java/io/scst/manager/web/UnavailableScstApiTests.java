package io.scst.manager.web;

import io.scst.manager.UnavailableScstTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kernel mode without SCST loaded: every resource answers 503 {@code scst-unavailable},
 * never 404 or 422 for an object that merely cannot be looked for.
 */
@UnavailableScstTest
class UnavailableScstApiTests {

	@Autowired
	private MockMvcTester mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/scst", "/api/v1/handlers", "/api/v1/devices", "/api/v1/devices/disk1",
			"/api/v1/target-drivers", "/api/v1/target-drivers/scst_local/targets",
			"/api/v1/target-drivers/scst_local/targets/scst_local_tgt/luns",
			"/api/v1/target-drivers/scst_local/targets/scst_local_tgt/sessions/scst_local_host" })
	void readsAnswer503(String uri) {
		assertThat(this.mvc.get().uri(uri)).hasStatus(503)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(ProblemTypes.PREFIX + "scst-unavailable");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\":\"disk1\",\"handler\":\"vdisk_nullio\"}" })
	void changesAnswer503(String body) {
		assertThat(this.mvc.post().uri("/api/v1/devices").contentType(MediaType.APPLICATION_JSON).content(body))
			.hasStatus(503)
			.bodyJson()
			.extractingPath("$.type")
			.isEqualTo(ProblemTypes.PREFIX + "scst-unavailable");
	}

}
