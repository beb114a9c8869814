package io.scst.manager.session;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A session in its target's list.
 *
 * @param name the session directory name (the initiator name, with {@code _N} added for
 * duplicates)
 * @param initiatorName the initiator name
 */
@Schema(description = "A session in the list")
public record SessionSummary(@Schema(example = "scst_local_host") String name,
		@Schema(example = "scst_local_host") String initiatorName) {

}
