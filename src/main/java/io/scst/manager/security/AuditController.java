package io.scst.manager.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit log, for admins. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Every change attempt, allowed or denied (admin only)")
class AuditController {

	private final AuditLog log;

	AuditController(AuditLog log) {
		this.log = log;
	}

	@GetMapping
	@Operation(operationId = "getAuditLog", summary = "Read the audit log",
			description = "Change attempts newest first, with the exact sysfs commands each wrote; "
					+ "page from 0, size 1 to 1000.")
	AuditPage page(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
		return this.log.page(page, size);
	}

}
