package io.scst.manager;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole server on a random port with the demo simulator, over real HTTP. */
@ServerTest
@Tag("integration")
@AutoConfigureRestTestClient
@AutoConfigureMetrics
class ScstManagerApplicationIntegrationTests {

	@Autowired
	private RestTestClient client;

	@Test
	void describesScst() {
		this.client.get()
			.uri("/api/v1/scst")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.version")
			.isEqualTo("3.11.0-pre")
			.jsonPath("$.mode")
			.isEqualTo("simulator");
	}

	@Test
	void healthShowsAnonymousCallersTheStatusOnly() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components")
			.doesNotExist();
	}

	@Test
	void openApiDocumentDescribesTheApi() {
		this.client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/api/v1/scst'].get")
			.exists();
	}

	@Test
	void swaggerUiIsServed() {
		this.client.get().uri("/swagger-ui/index.html").exchange().expectStatus().isOk();
	}

	@Test
	void prometheusMetricsAreExposed() {
		this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("jvm_memory_used_bytes"));
	}

	@Test
	void errorsAreProblemDetails() {
		this.client.get()
			.uri("/api/v1/nowhere")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:scst-mgmt:problem:not-found");
	}

}
