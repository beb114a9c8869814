package io.scst.manager.scst;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SCST core as a read-only resource.
 */
@RestController
@RequestMapping("/api/v1/scst")
@Tag(name = "SCST", description = "The SCST core: version, global settings, target drivers and handlers")
class ScstController {

	private final ScstService service;

	ScstController(ScstService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(operationId = "getScst", summary = "Describe the SCST core",
			description = "Version, setup id, global threads, suspend count, the result of the last management command, "
					+ "and the registered target drivers and device handlers, read live from sysfs.")
	ScstInfo describe() {
		return this.service.describe();
	}

}
