package io.scst.manager.target;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Attribute changes of a target.
 *
 * @param attributes new values by attribute name, written in the order given
 */
@Schema(description = "Attribute values to write, in order")
public record UpdateTargetRequest(@Schema(
		example = "{\"rel_tgt_id\": \"7\", \"comment\": \"test target\"}") @Nullable Map<String, String> attributes) {

}
