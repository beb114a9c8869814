package io.scst.manager.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The composite export of a device to an initiator.
 */
@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "Exports", description = "Make a device visible to an initiator in one request")
class ExportController {

	private static final String GROUP_LUN = "/api/v1/target-drivers/{driver}/targets/{target}/ini-groups/{group}/luns/{lun}";

	private final ExportService service;

	ExportController(ExportService service) {
		this.service = service;
	}

	@PostMapping
	@Operation(operationId = "exportDevice", summary = "Export a device to an initiator",
			description = "Creates the initiator group when missing (default name: the initiator with *, ? and ! "
					+ "replaced by _), adds the initiator entry when missing and maps the device at the LUN "
					+ "(idempotently, like PUT on the LUN). Everything is validated and checked before the first "
					+ "write: 404 for a missing target or device, 409 when another group of the target lists the "
					+ "initiator. If a step fails, the steps done by this request are undone in reverse order and "
					+ "the step's error is answered. 201 when the request changed anything, 200 when everything was "
					+ "in place; Location is the group's LUN in both cases.")
	@ApiResponse(responseCode = "200", description = "Already there or changed", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "201", description = "Created; the Location header names it",
			useReturnTypeSchema = true)
	ResponseEntity<Export> export(@RequestBody ExportRequest request) {
		Export export = this.service.export(request);
		return ResponseEntity.status(export.changed() ? HttpStatus.CREATED : HttpStatus.OK)
			.location(ServletUriComponentsBuilder.fromCurrentContextPath()
				.path(GROUP_LUN)
				.buildAndExpand(export.driver(), export.target(), export.group(), export.lun())
				.encode()
				.toUri())
			.body(export);
	}

}
