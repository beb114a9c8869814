package io.scst.manager.session;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A new scst_local session.
 *
 * @param name the initiator name of the session
 */
@Schema(description = "A session to create (scst_local)")
public record CreateSessionRequest(@Schema(example = "host1") @Nullable String name) {

}
