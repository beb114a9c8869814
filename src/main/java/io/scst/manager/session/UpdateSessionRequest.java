package io.scst.manager.session;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Changes of a session.
 *
 * @param transportId the new TransportID as hex (24 to 256 bytes, a multiple of 4)
 */
@Schema(description = "Session changes")
public record UpdateSessionRequest(
		@Schema(example = "060000005feede401fade050000000000000000000000000") @Nullable String transportId) {

}
