package io.scst.manager.scst;

import io.scst.manager.SimulatorTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/v1/scst} over the real service on a demo simulator. */
@SimulatorTest
class ScstControllerTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void describesTheScstCore() {
		assertThat(this.mvc.get().uri("/api/v1/scst")).hasStatusOk()
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_JSON)
			.bodyJson()
			.satisfies((json) -> {
				assertThat(json).extractingPath("$.version").isEqualTo("3.11.0-pre");
				assertThat(json).extractingPath("$.build['SCST version']").isEqualTo("3.11.0-pre");
				assertThat(json).extractingPath("$.mode").isEqualTo("simulator");
				assertThat(json).extractingPath("$.location").isEqualTo("simulator");
				assertThat(json).extractingPath("$.setupId").isEqualTo("0x0");
				assertThat(json).extractingPath("$.threads").asNumber().isNotEqualTo(0);
				assertThat(json).extractingPath("$.suspendCount").isEqualTo(0);
				assertThat(json).extractingPath("$.lastManagementResult").isEqualTo(0);
				assertThat(json).extractingPath("$.targetDrivers").asArray().contains("copy_manager", "scst_local");
				assertThat(json).extractingPath("$.handlers")
					.asArray()
					.contains("vdisk_fileio", "vdisk_blockio", "vdisk_nullio", "vcdrom");
			});
	}

	@Test
	void otherMethodsAreNotAllowed() {
		assertThat(this.mvc.delete().uri("/api/v1/scst")).hasStatus(405)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

}
