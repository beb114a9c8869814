package io.scst.manager.group;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Where to move an initiator entry.
 *
 * @param group the destination group of the same target
 */
@Schema(description = "The destination of an initiator entry")
record MoveInitiatorRequest(
		@Schema(description = "Destination group of the same target", example = "hosts2") String group) {

}
