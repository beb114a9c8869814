package io.scst.manager.target;

import java.net.URI;
import java.util.List;

import io.scst.manager.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springdoc.core.annotations.ParameterObject;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The targets of a target driver. */
@RestController
@RequestMapping("/api/v1/target-drivers/{driver}/targets")
@Tag(name = "Targets", description = "Targets of a target driver: create, read, change attributes, delete")
class TargetController {

	private final TargetService service;

	TargetController(TargetService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(operationId = "listTargets", summary = "List the driver's targets",
			description = "Name (as SCST knows it), enabled state where the driver has one, session and LUN counts; "
					+ "sorted by name, in pages with limit and after.")
	ResponseEntity<List<TargetSummary>> list(@PathVariable String driver, @Valid @ParameterObject Page page) {
		return this.service.list(driver, page).response();
	}

	@PostMapping
	@Operation(operationId = "createTarget", summary = "Create a target",
			description = "Writes add_target to the driver's management file, with scst_local sessions as "
					+ "session_name parameters of the same command. Refused with 409 when the driver cannot create "
					+ "targets (copy_manager) or the name is taken, before anything is written.")
	@ApiResponse(responseCode = "201", description = "Created; the Location header names it",
			useReturnTypeSchema = true)
	ResponseEntity<Target> create(@PathVariable String driver, @RequestBody CreateTargetRequest request) {
		Target target = this.service.create(driver, request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{target}")
			.buildAndExpand(target.name())
			.toUri();
		return ResponseEntity.created(location).body(target);
	}

	@GetMapping("/{target}")
	@Operation(operationId = "getTarget", summary = "Describe a target",
			description = "Every attribute file of the target directory, its sessions, LUN count and initiator groups.")
	Target describe(@PathVariable String driver, @PathVariable String target) {
		return this.service.describe(driver, target);
	}

	@PatchMapping("/{target}")
	@Operation(operationId = "updateTarget", summary = "Change target attributes",
			description = "Writes each attribute in the order given after checking all names and values; when a "
					+ "write fails, the attributes already written get their earlier values back.")
	Target update(@PathVariable String driver, @PathVariable String target, @RequestBody UpdateTargetRequest request) {
		return this.service.update(driver, target, request);
	}

	@DeleteMapping("/{target}")
	@Operation(operationId = "deleteTarget", summary = "Delete a target",
			description = "Writes del_target; its sessions, initiator groups and LUNs go with it.")
	@ApiResponse(responseCode = "204", description = "Done")
	ResponseEntity<Void> delete(@PathVariable String driver, @PathVariable String target) {
		this.service.delete(driver, target);
		return ResponseEntity.noContent().build();
	}

}
