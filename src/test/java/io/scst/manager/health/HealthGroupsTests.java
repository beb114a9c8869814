package io.scst.manager.health;

import io.scst.manager.UnavailableScstTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The probe groups in kernel mode without SCST loaded: the process is alive (a restart
 * would not load SCST) but not ready.
 */
@UnavailableScstTest
class HealthGroupsTests {

	@Autowired
	private MockMvcTester mvc;

	@Test
	void livenessIsUpWithoutScst() {
		assertThat(this.mvc.get().uri("/actuator/health/liveness")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("UP");
	}

	@Test
	void readinessIsDownWithoutScstAndSaysWhy() {
		assertThat(this.mvc.get().uri("/actuator/health/readiness").with(user("ops").roles("VIEWER"))).hasStatus(503)
			.bodyJson()
			.satisfies((body) -> {
				assertThat(body).extractingPath("$.status").isEqualTo("DOWN");
				assertThat(body).extractingPath("$.components.scst.status").isEqualTo("DOWN");
				assertThat(body).extractingPath("$.components.readinessState.status").isEqualTo("UP");
			});
	}

}
