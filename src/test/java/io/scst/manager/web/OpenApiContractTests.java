package io.scst.manager.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.scst.manager.ApiTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document served at {@code /v3/api-docs} is a valid contract: swagger-parser
 * reads it, every reference resolved, without a single message; every API operation lists
 * its problem responses ({@code application/problem+json} with the {@code Problem}
 * schema); the main request bodies have examples, and the scst.conf example is one the
 * server accepts.
 */
@ApiTest
class OpenApiContractTests {

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String PROBLEM_REF = "#/components/schemas/" + OpenApiConfiguration.PROBLEM_SCHEMA;

	@Autowired
	private MockMvcTester mvc;

	@Test
	void liveDocumentParsesFullyResolvedWithoutMessages() {
		SwaggerParseResult result = parse(liveDocument(), true);
		assertThat(result.getMessages()).isEmpty();
		assertThat(result.getOpenAPI().getPaths()).isNotEmpty();
	}

	@Test
	void committedDocumentParsesFullyResolvedWithoutMessages() throws IOException {
		SwaggerParseResult result = parse(Files.readString(Path.of("docs", "openapi.json"), StandardCharsets.UTF_8),
				true);
		assertThat(result.getMessages()).isEmpty();
	}

	@Test
	void problemSchemaHasTheRfc9457MembersAndTheExtensions() {
		OpenAPI document = parse(liveDocument(), false).getOpenAPI();
		Schema<?> problem = document.getComponents().getSchemas().get(OpenApiConfiguration.PROBLEM_SCHEMA);
		assertThat(problem).isNotNull();
		assertThat(problem.getProperties()).containsKeys("type", "title", "status", "detail", "instance", "object",
				"errors", "errno", "errnoCode", "path", "command", "lastSysfsMgmtRes", "currentEtag", "failedStep",
				"rolledBack", "rollbackFailures");
		assertThat(problem.getRequired()).containsExactlyInAnyOrder("type", "title", "status");
	}

	@Test
	void everyOperationListsItsProblemResponsesWithTheProblemSchema() {
		OpenAPI document = parse(liveDocument(), false).getOpenAPI();
		OpenAPI resolved = parse(liveDocument(), true).getOpenAPI();
		Schema<?> problem = resolved.getComponents().getSchemas().get(OpenApiConfiguration.PROBLEM_SCHEMA);
		int operations = 0;
		for (Map.Entry<String, PathItem> path : document.getPaths().entrySet()) {
			for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().readOperationsMap().entrySet()) {
				String name = entry.getKey() + " " + path.getKey();
				Operation operation = entry.getValue();
				assertThat(operation.getOperationId()).as(name + " has an operationId").matches("[a-z][A-Za-z]+");
				long problems = 0;
				for (Map.Entry<String, ApiResponse> response : operation.getResponses().entrySet()) {
					if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
						MediaType media = (response.getValue().getContent() != null)
								? response.getValue().getContent().get(PROBLEM_JSON) : null;
						assertThat(media).as(name + " " + response.getKey() + " is " + PROBLEM_JSON).isNotNull();
						assertThat(media.getSchema().get$ref()).as(name + " " + response.getKey())
							.isEqualTo(PROBLEM_REF);
						problems++;
					}
				}
				assertThat(problems).as(name + " lists problem responses").isPositive();
				Operation resolvedOperation = resolved.getPaths()
					.get(path.getKey())
					.readOperationsMap()
					.get(entry.getKey());
				assertThat(resolvedOperation.getResponses().get("500").getContent().get(PROBLEM_JSON).getSchema())
					.as(name + " 500 resolves to the Problem schema")
					.isEqualTo(problem);
				operations++;
			}
		}
		assertThat(operations).isGreaterThan(50);
	}

	@Test
	void mainRequestBodiesHaveExamples() {
		OpenAPI document = parse(liveDocument(), false).getOpenAPI();
		for (RequestExamples example : RequestExamples.ALL) {
			Operation operation = document.getPaths()
				.values()
				.stream()
				.flatMap((item) -> item.readOperations().stream())
				.filter((candidate) -> example.operationId().equals(candidate.getOperationId()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no operation " + example.operationId()));
			assertThat(operation.getRequestBody().getContent().get(example.mediaType()).getExamples())
				.as(example.operationId() + " " + example.mediaType())
				.containsKey(example.name());
		}
	}

	@Test
	void scstConfExampleIsOneTheServerPlans() {
		assertThat(this.mvc.post()
			.uri("/api/v1/config/plan")
			.contentType(org.springframework.http.MediaType.TEXT_PLAIN)
			.content(RequestExamples.SCST_CONF)).hasStatusOk()
			.bodyJson()
			.extractingPath("$.steps[*].object")
			.asArray()
			.contains("devices/vm_disk1");
	}

	private String liveDocument() {
		MvcTestResult result = this.mvc.get().uri("/v3/api-docs").exchange();
		assertThat(result).hasStatusOk();
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

	private static SwaggerParseResult parse(String document, boolean resolveFully) {
		ParseOptions options = new ParseOptions();
		options.setResolve(true);
		options.setResolveFully(resolveFully);
		return new OpenAPIParser().readContents(document, null, options);
	}

}
