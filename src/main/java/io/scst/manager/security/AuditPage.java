package io.scst.manager.security;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A page of the audit log, newest entry first.
 *
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many entries the log holds (current and rotated files)
 * @param entries the entries of this page
 */
@Schema(description = "A page of the audit log, newest first")
public record AuditPage(@Schema(example = "0") int page, @Schema(example = "50") int size,
		@Schema(example = "123") long total, List<AuditEntry> entries) {

}
