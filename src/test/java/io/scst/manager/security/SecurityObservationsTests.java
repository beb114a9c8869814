package io.scst.manager.security;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.scst.manager.SimulatorTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security's per-filter observations are off (their meters are not exported and
 * they cost a third of a small request's CPU time); the request itself is still observed
 * as {@code http.server.requests}.
 */
@SimulatorTest(properties = "scst.simulator.state=demo")
@Import(SecurityObservationsTests.Recorder.class)
class SecurityObservationsTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private Recorder recorder;

	@Test
	void aRequestIsObservedOnceNotPerSecurityFilter() {
		this.recorder.names.clear();
		assertThat(this.mvc.get().uri("/api/v1/handlers").accept(MediaType.APPLICATION_JSON)).hasStatusOk();
		assertThat(this.recorder.names).contains("http.server.requests");
		assertThat(this.recorder.names).noneMatch((name) -> name.startsWith("spring.security"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recorder {

		final List<String> names = new CopyOnWriteArrayList<>();

		@Bean
		ObservationHandler<Observation.Context> recordingHandler() {
			return new ObservationHandler<>() {

				@Override
				public void onStart(Observation.Context context) {
					Recorder.this.names.add(context.getName());
				}

				@Override
				public boolean supportsContext(Observation.Context context) {
					return true;
				}

			};
		}

	}

}
