package io.scst.manager.target;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The target drivers, read-only. */
@RestController
@RequestMapping("/api/v1/target-drivers")
@Tag(name = "Target drivers", description = "The SCST target drivers (scst_local, copy_manager, ...)")
class TargetDriverController {

	private final TargetDriverService service;

	TargetDriverController(TargetDriverService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(operationId = "listTargetDrivers", summary = "List the target drivers",
			description = "Every driver directory under targets/, with its version (when it has a version file) "
					+ "and its number of targets.")
	List<TargetDriverSummary> list() {
		return this.service.list();
	}

	@GetMapping("/{driver}")
	@Operation(operationId = "getTargetDriver", summary = "Describe a target driver",
			description = "Its attribute files (value, non-default [key] flag, writable), its targets, what its "
					+ "management file offers, and for scst_local its stats, version and module parameters "
					+ "(read from /sys/module/<driver>/parameters; null when no module of that name is loaded).")
	TargetDriver describe(@PathVariable String driver) {
		return this.service.describe(driver);
	}

}
