package io.scst.manager.security;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * One change attempt, as one line of the audit log.
 *
 * @param time when the request finished (ISO-8601, UTC)
 * @param principal the token or user name, {@code anonymous} without credentials
 * @param remoteAddress the client's address
 * @param requestId the {@code X-Request-Id} sent or generated
 * @param method the HTTP method
 * @param path the request path
 * @param object what the request addressed: the path below {@code /api/v1/}
 * @param commands the sysfs writes the request made, in order
 * @param status the HTTP status of the response
 * @param result {@code ok} (2xx/3xx), {@code denied} (401, 403) or {@code failed}
 * @param errno the first errno SCST answered, or {@code null}
 */
@Schema(description = "One change attempt (a non-GET request under /api)")
public record AuditEntry(@Schema(example = "2026-11-30T03:40:23.123Z") String time,
		@Schema(example = "ci-deploy") String principal, @Schema(example = "127.0.0.1") String remoteAddress,
		@Schema(example = "3f2c0f6e-5a0e-4a2b-9a57-7f0f0d6f9a10") String requestId,
		@Schema(example = "POST") String method, @Schema(example = "/api/v1/devices") String path,
		@Schema(example = "devices") String object, List<Command> commands, @Schema(example = "201") int status,
		@Schema(example = "ok") String result, @Schema(example = "EINVAL") @Nullable String errno) {

	/**
	 * One sysfs write.
	 *
	 * @param path the file written
	 * @param written the exact text written
	 * @param errno the errno of the write, or {@code null} when it succeeded
	 */
	@Schema(description = "One sysfs write of a change")
	public record Command(@Schema(example = "/sys/kernel/scst_tgt/handlers/vdisk_fileio/mgmt") String path,
			@Schema(example = "add_device disk1 filename=/var/lib/scst-manager/disk1.img") String written,
			@Schema(example = "EINVAL") @Nullable String errno) {

	}

}
