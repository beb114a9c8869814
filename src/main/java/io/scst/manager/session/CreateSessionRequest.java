package io.scst.manager.session;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A new scst_local session.
 *
 * @param name the initiator name of the session
 * @param duplicate whether to open another session with an initiator name that a session
 * of the same target has already (SCST names its directory {@code <name>_1}, ...);
 * without it such a request is refused with 409, so that a retried request creates
 * nothing
 */
@Schema(description = "A session to create (scst_local)")
public record CreateSessionRequest(@Schema(example = "host1") @Nullable String name,
		@Schema(description = "Open another session with the initiator name of an existing session of this "
				+ "target (another I_T nexus for a user-space driver); without it an existing name is 409",
				example = "false") @Nullable Boolean duplicate) {

	/**
	 * A session request without the duplicate flag.
	 * @param name the initiator name
	 */
	public CreateSessionRequest(@Nullable String name) {
		this(name, null);
	}

}
