package io.scst.manager.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One event of {@code GET /api/v1/events}: a change made through the API
 * ({@code api-change}) or one seen in the tree that the API did not make
 * ({@code tree-change}).
 *
 * @param id the event number, increasing from 1 since start-up
 * @param time when it was seen
 * @param type {@code api-change} or {@code tree-change}
 * @param method the HTTP method (api-change)
 * @param path the request path (api-change)
 * @param status the response status (api-change)
 * @param requestId the request's {@code X-Request-Id}, or the one generated for it
 * (api-change)
 * @param principal the authenticated user, when there is one (api-change)
 * @param object {@code target}, {@code session} or {@code device} (tree-change)
 * @param name the object: {@code driver/target}, {@code driver/target/session} or the
 * device name (tree-change)
 * @param change {@code appeared} or {@code disappeared} (tree-change)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A change made through the API or seen in the SCST tree")
public record ScstEvent(long id, Instant time, @Schema(example = "api-change") String type, @Nullable String method,
		@Nullable String path, @Nullable Integer status, @Nullable String requestId, @Nullable String principal,
		@Nullable String object, @Nullable String name, @Nullable String change) {

	/** The type of changes made through the API. */
	public static final String API_CHANGE = "api-change";

	/** The type of changes seen in the tree that the API did not make. */
	public static final String TREE_CHANGE = "tree-change";

}
