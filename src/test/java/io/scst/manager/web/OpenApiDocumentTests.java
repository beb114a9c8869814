package io.scst.manager.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.scst.manager.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed OpenAPI document {@code docs/openapi.json} is what the code generates.
 * After changing the API, regenerate it with
 * {@code ./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.write=true} and commit it.
 */
@ApiTest
class OpenApiDocumentTests {

	private static final Path COMMITTED = Path.of("docs", "openapi.json");

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(SerializationFeature.INDENT_OUTPUT)
		.enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
		.build();

	@Autowired
	private MockMvcTester mvc;

	@Test
	void committedDocumentMatchesTheCode() throws IOException {
		JsonNode generated = generated();
		if (Boolean.getBoolean("openapi.write")) {
			Files.createDirectories(COMMITTED.getParent());
			Files.writeString(COMMITTED, MAPPER.writeValueAsString(generated) + "\n", StandardCharsets.UTF_8);
		}
		assertThat(COMMITTED)
			.as("docs/openapi.json (regenerate: ./mvnw test -Dtest=OpenApiDocumentTests " + "-Dopenapi.write=true)")
			.exists();
		JsonNode committed = MAPPER.readTree(Files.readString(COMMITTED, StandardCharsets.UTF_8));
		assertThat(MAPPER.writeValueAsString(generated))
			.as("docs/openapi.json has drifted from the code; regenerate it with "
					+ "./mvnw test -Dtest=OpenApiDocumentTests -Dopenapi.write=true")
			.isEqualTo(MAPPER.writeValueAsString(committed));
	}

	@Test
	void everyApiOperationDocumentsItsProblems() {
		JsonNode paths = generated().get("paths");
		assertThat(paths.propertyNames()).anyMatch((path) -> path.startsWith("/api/v1/"));
		for (String path : paths.propertyNames()) {
			if (!path.startsWith("/api/")) {
				continue;
			}
			for (String method : paths.get(path).propertyNames()) {
				JsonNode operation = paths.get(path).get(method);
				if (!operation.isObject() || !operation.has("responses")) {
					continue;
				}
				JsonNode responses = operation.get("responses");
				assertThat(responses.has("503")).as(method + " " + path + " documents 503").isTrue();
				assertThat(responses.has("401")).as(method + " " + path + " documents 401").isTrue();
				assertThat(operation.path("security").toString()).as(method + " " + path + " names its credentials")
					.contains("bearerAuth")
					.contains("basicAuth");
				assertThat(operation.path("summary").asString("")).as(method + " " + path + " has a summary")
					.isNotBlank();
				if (!method.equals("get")) {
					assertThat(responses.has("422")).as(method + " " + path + " documents 422").isTrue();
					assertThat(responses.get("422").path("content").has("application/problem+json")).isTrue();
				}
			}
		}
	}

	@Test
	void documentsTheCredentialsAndTheEventStream() {
		JsonNode document = generated();
		JsonNode schemes = document.path("components").path("securitySchemes");
		assertThat(schemes.path("bearerAuth").path("scheme").asString("")).isEqualTo("bearer");
		assertThat(schemes.path("basicAuth").path("scheme").asString("")).isEqualTo("basic");
		JsonNode events = document.path("paths").path("/api/v1/events").path("get");
		assertThat(events.path("responses").path("200").path("content").has("text/event-stream")).isTrue();
		assertThat(events.path("responses").has("401")).isTrue();
	}

	private JsonNode generated() {
		MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk();
		return MAPPER.readTree(result.getResponse().getContentAsByteArray());
	}

}
