package io.scst.manager.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's frame: title, license, a fixed server URL (so the document does
 * not depend on the host that asked for it), the problem schema, and on every API
 * operation the error responses that {@link ApiExceptionHandler} can give it, the
 * {@code ETag} and {@code If-None-Match} of reads and the {@code If-Match} of changes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	static final String PROBLEM_SCHEMA = "Problem";

	static final String INVALID_FIELD_SCHEMA = "InvalidField";

	private static final String PROBLEM_JSON = "application/problem+json";

	private static final String BEARER = "bearerAuth";

	private static final String BASIC = "basicAuth";

	@Bean
	OpenAPI scstManagerOpenApi() {
		return new OpenAPI().info(new Info().title("scst-manager API")
			.version("v1")
			.description("Manage the SCST SCSI target subsystem: handlers, devices, target drivers, targets, "
					+ "sessions, LUNs and initiator groups, read live from /sys/kernel/scst_tgt. Names are SCST's "
					+ "own. Errors are RFC 9457 problem details. Every GET answers an ETag and accepts If-None-Match; "
					+ "PUT, PATCH and DELETE accept If-Match.")
			.license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.servers(List.of(new Server().url("/").description("this server")))
			.components(new Components()
				.addSecuritySchemes(BEARER,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("bearer")
							.description("An API token from scst.security.token-file (create one with the create-token "
									+ "command)"))
				.addSecuritySchemes(BASIC,
						new SecurityScheme().type(SecurityScheme.Type.HTTP)
							.scheme("basic")
							.description("A user from scst.security.users (bcrypt password hash)")));
	}

	/**
	 * Adds the problem responses to every API operation and the schemas they refer to.
	 * The schemas are added here, not with the {@link OpenAPI} bean: springdoc drops
	 * every schema that no operation refers to before it runs the customizers, and no
	 * operation refers to the problem schema before this customizer.
	 * @return the customizer
	 */
	@Bean
	OpenApiCustomizer problemResponses() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			if (openApi.getComponents() == null) {
				openApi.setComponents(new Components());
			}
			openApi.getComponents()
				.addSchemas(INVALID_FIELD_SCHEMA, invalidFieldSchema())
				.addSchemas(PROBLEM_SCHEMA, problemSchema());
			openApi.getPaths().forEach((path, item) -> {
				if (path.startsWith("/api/")) {
					item.readOperationsMap().forEach((method, operation) -> document(path, method, operation));
				}
			});
		};
	}

	/**
	 * Examples for the main request bodies, the walk-through of docs/api.md: the
	 * operationId, the media type and the example body.
	 * @return the customizer
	 */
	@Bean
	OpenApiCustomizer requestBodyExamples() {
		return (openApi) -> {
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths()
				.values()
				.stream()
				.flatMap((item) -> item.readOperations().stream())
				.filter((operation) -> operation.getRequestBody() != null
						&& operation.getRequestBody().getContent() != null)
				.forEach((operation) -> RequestExamples.ALL.stream()
					.filter((example) -> example.operationId().equals(operation.getOperationId()))
					.forEach((example) -> {
						MediaType media = operation.getRequestBody().getContent().get(example.mediaType());
						if (media != null) {
							media.addExamples(example.name(),
									new Example().summary(example.summary()).value(example.value()));
						}
					}));
		};
	}

	private static void document(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		operation.setResponses(responses);
		boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
		boolean hasVariables = path.contains("{");
		boolean conditional = method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
				|| method == PathItem.HttpMethod.DELETE;
		if (change || hasVariables || (operation.getParameters() != null && !operation.getParameters().isEmpty())) {
			add(responses, "400", "Invalid request: a name or value SCST would split or rename, a malformed body",
					"invalid-request", "Invalid request");
		}
		if (hasVariables || change) {
			add(responses, "404", "A named object does not exist", "not-found", "Object not found");
		}
		if (change) {
			add(responses, "409", "Conflict with the current state: already exists, in use", "conflict",
					"Conflict with the current state");
			add(responses, "422", "SCST refused the command (errno, sysfs path, command written, last_sysfs_mgmt_res)",
					"kernel-rejected", "The kernel rejected the operation");
		}
		if (conditional) {
			add(responses, "412", "If-Match did not match the resource's current ETag", "precondition-failed",
					"Precondition failed");
			addHeader(operation, "If-Match", "ETag(s) from an earlier GET of this URL; the request fails with 412 if "
					+ "the resource has changed since");
		}
		operation
			.setSecurity(List.of(new SecurityRequirement().addList(BEARER), new SecurityRequirement().addList(BASIC)));
		add(responses, "401",
				"No credentials, or unknown ones (not on the simulator on loopback without "
						+ "configured credentials, where requests without credentials are admin)",
				"unauthorized", "Unauthorized");
		add(responses, "403",
				"The caller's role does not allow this operation, or a backing file is outside " + "the allowed places",
				"forbidden", "Forbidden");
		if (operation.getRequestBody() != null) {
			add(responses, "413", "The request body is larger than scst.security.max-body-size", "payload-too-large",
					"Payload too large");
		}
		add(responses, "500", "An unexpected failure inside the server; the server log has the details", "internal",
				"Internal server error");
		add(responses, "503",
				"SCST is not loaded (scst-unavailable) or stayed busy past the management timeout (busy, with "
						+ "Retry-After)",
				"busy", "SCST is busy");
		addExample(responses.get("503"), "scst-unavailable", "SCST is not available", 503);
		ApiResponse busy = responses.get("503");
		if (busy.getHeaders() == null || !busy.getHeaders().containsKey("Retry-After")) {
			busy.addHeaderObject("Retry-After", new Header().description("Seconds to wait before retrying (busy only)")
				.schema(new IntegerSchema()));
		}
		ApiResponse ok = responses.get("200");
		if (method == PathItem.HttpMethod.GET && ok != null) {
			ok.addHeaderObject("ETag", new Header().description("Entity tag of this representation, for If-Match")
				.schema(new StringSchema()));
			if (ok.getContent() == null || !ok.getContent().containsKey("text/event-stream")) {
				documentIfNoneMatch(operation, responses);
			}
		}
	}

	/** A conditional GET: {@code If-None-Match}, answered 304 when it has the tag. */
	private static void documentIfNoneMatch(Operation operation, ApiResponses responses) {
		addHeader(operation, "If-None-Match", "ETag(s) from an earlier GET of this URL, or *: the answer is 304 "
				+ "without a body when the representation still has one of them (weak comparison)");
		if (!responses.containsKey("304")) {
			responses.addApiResponse("304", new ApiResponse()
				.description("Not modified: If-None-Match has the representation's ETag")
				.addHeaderObject("ETag",
						new Header().description("Entity tag of the representation").schema(new StringSchema())));
		}
	}

	/** An optional string header parameter, unless the operation declares it already. */
	private static void addHeader(Operation operation, String name, String description) {
		boolean declared = operation.getParameters() != null && operation.getParameters()
			.stream()
			.anyMatch((parameter) -> name.equalsIgnoreCase(parameter.getName()));
		if (!declared) {
			operation.addParametersItem(new HeaderParameter().name(name)
				.required(false)
				.description(description)
				.schema(new StringSchema()));
		}
	}

	private static void add(ApiResponses responses, String status, String description, String slug, String title) {
		if (responses.containsKey(status)) {
			return;
		}
		MediaType media = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
		ApiResponse response = new ApiResponse().description(description)
			.content(new Content().addMediaType(PROBLEM_JSON, media));
		addExample(response, slug, title, Integer.parseInt(status));
		responses.addApiResponse(status, response);
	}

	private static void addExample(ApiResponse response, String slug, String title, int status) {
		MediaType media = response.getContent().get(PROBLEM_JSON);
		if (media == null || (media.getExamples() != null && media.getExamples().containsKey(slug))) {
			return;
		}
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", ProblemTypes.PREFIX + slug);
		example.put("title", title);
		example.put("status", status);
		media.addExamples(slug, new Example().value(example));
	}

	private static Schema<?> invalidFieldSchema() {
		ObjectSchema schema = new ObjectSchema();
		schema.description("One invalid value of a request");
		schema.addProperty("field",
				new StringSchema().description("The field or parameter, as named in the request").example("name"));
		schema.addProperty("message", new StringSchema().description("What is wrong with it")
			.example("must be letters, digits and _ . : @ + , ~ -"));
		schema.required(List.of("field", "message"));
		return schema;
	}

	/**
	 * The problem bodies of {@link ApiExceptionHandler}, of the security filters and of
	 * the configuration's apply: RFC 9457's members, then the extension members, each
	 * present only where it applies.
	 */
	private static Schema<?> problemSchema() {
		ObjectSchema schema = new ObjectSchema();
		schema.description("An RFC 9457 problem detail (application/problem+json). type, title and status are "
				+ "always there; Spring MVC's own errors (405, 406, 415) have type about:blank. The members after "
				+ "instance are extensions, present where they apply.");
		schema.addProperty("type", new StringSchema().format("uri")
			.description("The kind of problem: " + ProblemTypes.PREFIX + "<slug> with slug one of invalid-request, "
					+ "unauthorized, forbidden, not-found, conflict, precondition-failed, payload-too-large, "
					+ "kernel-rejected, busy, scst-unavailable, internal")
			.example(ProblemTypes.PREFIX + "not-found"));
		schema.addProperty("title",
				new StringSchema().description("A short summary of the kind of problem").example("No such LUN"));
		schema.addProperty("status", new IntegerSchema().description("The HTTP status code").example(404));
		schema.addProperty("detail", new StringSchema().description("What happened, for people")
			.example("LUN 3 is not mapped on target scst_local_tgt"));
		schema.addProperty("instance",
				new StringSchema().format("uri-reference")
					.description("The request path")
					.example("/api/v1/target-drivers/scst_local/targets/scst_local_tgt/luns/3"));
		schema.addProperty("object",
				new StringSchema().description("404, 409 and 403 (backing file): the kind of object, e.g. lun")
					.example("lun"));
		schema.addProperty("errors",
				new ArraySchema().items(new Schema<>().$ref("#/components/schemas/" + INVALID_FIELD_SCHEMA))
					.description("400 invalid-request from validation: each invalid value"));
		schema.addProperty("field", new StringSchema().description("403 (backing file): the request field"));
		schema.addProperty("filename", new StringSchema().description("403 (backing file): the refused path"));
		schema.addProperty("errno", new StringSchema().description("422: errno symbol").example("EINVAL"));
		schema.addProperty("errnoCode", new IntegerSchema().description("422: errno number").example(22));
		schema.addProperty("path", new StringSchema().description("422, 503: sysfs path below /sys/kernel/scst_tgt")
			.example("handlers/vdisk_fileio/mgmt"));
		schema.addProperty("command", new StringSchema().description("422, 503 busy: the exact command written"));
		schema.addProperty("lastSysfsMgmtRes",
				new IntegerSchema().description("422: last_sysfs_mgmt_res read after the failure"));
		schema.addProperty("failedStep", new Schema<>().$ref("#/components/schemas/PlanStep")
			.description("422 from PUT /api/v1/config: the step that failed"));
		schema.addProperty("stepIndex",
				new IntegerSchema().description("422 from PUT /api/v1/config: the failed step's index, from 0"));
		schema.addProperty("stepsDone",
				new IntegerSchema().description("422 from PUT /api/v1/config: the steps done before it"));
		schema.addProperty("rolledBack", new BooleanSchema()
			.description("422 from PUT /api/v1/config: whether undoing the steps done restored SCST"));
		schema.addProperty("rollbackFailures", new ArraySchema().items(new StringSchema())
			.description("422 from PUT /api/v1/config: the undo writes that failed"));
		schema.addProperty("currentEtag", new StringSchema().description("412: the resource's ETag now"));
		schema.required(List.of("type", "title", "status"));
		return schema;
	}

}
