package io.scst.manager.device;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * SCST's device handlers as read-only resources.
 */
@RestController
@RequestMapping("/api/v1/handlers")
@Tag(name = "Handlers",
		description = "Device handlers: the SCSI type they serve, the parameters they accept, " + "their devices")
class HandlerController {

	private final HandlerService service;

	HandlerController(HandlerService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(operationId = "listHandlers", summary = "List device handlers",
			description = "Every handler registered with SCST (vdisk_fileio, vdisk_blockio, vdisk_nullio, vcdrom and "
					+ "any pass-through handler loaded), with its SCSI type and its devices.")
	List<HandlerSummary> list() {
		return this.service.list();
	}

	@GetMapping("/{handler}")
	@Operation(operationId = "getHandler", summary = "Describe a device handler",
			description = "The handler's SCSI type, the device creation parameters it accepts (read from its "
					+ "management help text) and its devices.")
	Handler get(@PathVariable String handler) {
		return this.service.get(handler);
	}

}
