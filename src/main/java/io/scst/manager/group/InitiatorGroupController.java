package io.scst.manager.group;

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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A target's initiator groups and their initiator entries (the groups' LUNs are served by
 * {@code LunController}).
 */
@RestController
@RequestMapping("/api/v1/target-drivers/{driver}/targets/{target}/ini-groups")
@Tag(name = "Initiator groups",
		description = "Initiator groups of a target: which initiators see which LUN set, and the sessions attached")
class InitiatorGroupController {

	private final InitiatorGroupService service;

	InitiatorGroupController(InitiatorGroupService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(operationId = "listInitiatorGroups", summary = "List the initiator groups of a target",
			description = "Each group with its initiator entries, its number of LUNs and the sessions attached to it; "
					+ "sorted by name, in pages with limit and after.")
	ResponseEntity<List<InitiatorGroupSummary>> list(@PathVariable String driver, @PathVariable String target,
			@Valid @ParameterObject Page page) {
		return this.service.list(driver, target, page).response();
	}

	@PostMapping
	@Operation(operationId = "createInitiatorGroup", summary = "Create an initiator group",
			description = "201 with Location; 409 when the target has a group of this name already.")
	@ApiResponse(responseCode = "201", description = "Created; the Location header names it",
			useReturnTypeSchema = true)
	ResponseEntity<InitiatorGroup> create(@PathVariable String driver, @PathVariable String target,
			@RequestBody CreateInitiatorGroupRequest request) {
		InitiatorGroup group = this.service.create(driver, target, request.name());
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
				.path("/{group}")
				.buildAndExpand(group.name())
				.encode()
				.toUri())
			.body(group);
	}

	@GetMapping("/{group}")
	@Operation(operationId = "getInitiatorGroup", summary = "Read an initiator group",
			description = "Its initiator entries, its LUNs and the sessions currently attached to it (the sessions "
					+ "whose initiator name matched one of its entries first).")
	InitiatorGroup get(@PathVariable String driver, @PathVariable String target, @PathVariable String group) {
		return this.service.get(driver, target, group);
	}

	@DeleteMapping("/{group}")
	@Operation(operationId = "deleteInitiatorGroup", summary = "Delete an initiator group",
			description = "Removes the group with its LUNs and entries. 409 while sessions are attached to it "
					+ "(SCST would refuse with EBUSY).")
	@ApiResponse(responseCode = "204", description = "Done")
	ResponseEntity<Void> delete(@PathVariable String driver, @PathVariable String target, @PathVariable String group) {
		this.service.delete(driver, target, group);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{group}/initiators")
	@Operation(operationId = "listInitiators", summary = "List the initiator entries of a group",
			description = "Names and patterns, sorted.")
	List<String> initiators(@PathVariable String driver, @PathVariable String target, @PathVariable String group) {
		return this.service.initiators(driver, target, group);
	}

	@PostMapping("/{group}/initiators")
	@Operation(operationId = "addInitiator", summary = "Add an initiator entry to a group",
			description = "The name may be an SCST pattern: * matches any run, ? one character, a leading ! negates "
					+ "(matched against session initiator names ignoring case). Sessions whose initiator name matches "
					+ "are moved into the group by SCST. 409 when the group has the entry already.")
	@ApiResponse(responseCode = "201", description = "Created; the Location header names it",
			useReturnTypeSchema = true)
	ResponseEntity<Initiator> addInitiator(@PathVariable String driver, @PathVariable String target,
			@PathVariable String group, @RequestBody AddInitiatorRequest request) {
		Initiator initiator = this.service.addInitiator(driver, target, group, request.name());
		return ResponseEntity
			.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
				.path("/{initiator}")
				.buildAndExpand(initiator.name())
				.encode()
				.toUri())
			.body(initiator);
	}

	@DeleteMapping("/{group}/initiators")
	@Operation(operationId = "clearInitiators", summary = "Remove every initiator entry of a group",
			description = "Idempotent: clearing a group without entries succeeds (204) too.")
	@ApiResponse(responseCode = "204", description = "Done")
	ResponseEntity<Void> clearInitiators(@PathVariable String driver, @PathVariable String target,
			@PathVariable String group) {
		this.service.clearInitiators(driver, target, group);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{group}/initiators/{initiator}")
	@Operation(operationId = "getInitiator", summary = "Read an initiator entry",
			description = "404 when the group has no such entry.")
	Initiator initiator(@PathVariable String driver, @PathVariable String target, @PathVariable String group,
			@PathVariable String initiator) {
		return this.service.initiator(driver, target, group, initiator);
	}

	@DeleteMapping("/{group}/initiators/{initiator}")
	@Operation(operationId = "deleteInitiator", summary = "Remove an initiator entry",
			description = "The entry is matched exactly as stored; 404 when the group has no such entry.")
	@ApiResponse(responseCode = "204", description = "Done")
	ResponseEntity<Void> deleteInitiator(@PathVariable String driver, @PathVariable String target,
			@PathVariable String group, @PathVariable String initiator) {
		this.service.deleteInitiator(driver, target, group, initiator);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{group}/initiators/{initiator}/move")
	@Operation(operationId = "moveInitiator", summary = "Move an initiator entry to another group",
			description = "The destination must be a group of the same target (404 otherwise) without this entry "
					+ "(409 otherwise). Answers the destination's entries.")
	List<String> moveInitiator(@PathVariable String driver, @PathVariable String target, @PathVariable String group,
			@PathVariable String initiator, @RequestBody MoveInitiatorRequest request) {
		return this.service.moveInitiator(driver, target, group, initiator, request.group());
	}

}
