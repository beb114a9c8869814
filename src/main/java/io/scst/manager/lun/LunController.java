package io.scst.manager.lun;

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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The LUN sets of a target: its default set ({@code .../luns}) and each initiator group's
 * ({@code .../ini-groups/{group}/luns}), one handler method for each (so that each has an
 * operation of its own in the OpenAPI document) calling the same service. LUN numbers are
 * bound as text and checked by the service (so that a bad one is a 400 naming the field
 * {@code lun}).
 */
@RestController
@RequestMapping("/api/v1/target-drivers/{driver}/targets/{target}")
@Tag(name = "LUNs", description = "The LUNs of a target's default LUN set and of its initiator groups")
class LunController {

	private static final String SET = "/luns";

	private static final String GROUP_SET = "/ini-groups/{group}/luns";

	private static final String LUN = "/luns/{lun}";

	private static final String GROUP_LUN = "/ini-groups/{group}/luns/{lun}";

	private static final String PUT_DESCRIPTION = "Adds the LUN (201 with Location) when absent, replaces it "
			+ "(200) when it maps another device or read-only flag, and writes nothing (200) when it already maps "
			+ "this device with this flag. The device must exist; LUN numbers run from 0 to 16383. The answer "
			+ "comes once the SCSI midlayer of every scst_local session that uses the LUN set has caught up "
			+ "(bounded by the management timeout) and lists, per session, the Linux devices that appeared or "
			+ "went and any LUN it did not attach.";

	private static final String REMOVE_DESCRIPTION = "The answer lists the LUNs removed and comes once the SCSI "
			+ "midlayer of every scst_local session that used them has caught up (bounded by the management "
			+ "timeout): per session, the Linux devices that went (our scst_local removes them; SCST's upstream "
			+ "scst_local leaves them in place, and then none are listed).";

	private final LunService service;

	LunController(LunService service) {
		this.service = service;
	}

	@GetMapping(SET)
	@Operation(operationId = "listLuns", summary = "List the LUNs of a target",
			description = "The target's default LUN set, sorted by LUN number, in pages with limit and after.")
	ResponseEntity<List<Lun>> list(@PathVariable String driver, @PathVariable String target,
			@Valid @ParameterObject Page page) {
		return this.service.list(driver, target, null, page).response();
	}

	@GetMapping(GROUP_SET)
	@Operation(operationId = "listGroupLuns", summary = "List the LUNs of an initiator group",
			description = "The initiator group's LUN set, sorted by LUN number, in pages with limit and after.")
	ResponseEntity<List<Lun>> listInGroup(@PathVariable String driver, @PathVariable String target,
			@PathVariable String group, @Valid @ParameterObject Page page) {
		return this.service.list(driver, target, group, page).response();
	}

	@GetMapping(LUN)
	@Operation(operationId = "getLun", summary = "Read one LUN of a target",
			description = "The device mapped at the LUN and its read-only flag.")
	Lun get(@PathVariable String driver, @PathVariable String target, @PathVariable String lun) {
		return this.service.get(driver, target, null, lun);
	}

	@GetMapping(GROUP_LUN)
	@Operation(operationId = "getGroupLun", summary = "Read one LUN of an initiator group",
			description = "The device mapped at the LUN and its read-only flag.")
	Lun getInGroup(@PathVariable String driver, @PathVariable String target, @PathVariable String group,
			@PathVariable String lun) {
		return this.service.get(driver, target, group, lun);
	}

	@PutMapping(LUN)
	@Operation(operationId = "putLun", summary = "Map a device at a LUN of a target (idempotent)",
			description = PUT_DESCRIPTION)
	@ApiResponse(responseCode = "200", description = "Already there or changed", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "201", description = "Created; the Location header names it",
			useReturnTypeSchema = true)
	ResponseEntity<MappedLun> put(@PathVariable String driver, @PathVariable String target, @PathVariable String lun,
			@RequestBody PutLunRequest request) {
		return answer(this.service.put(driver, target, null, lun, request.device(), request.readOnlyOrDefault()));
	}

	@PutMapping(GROUP_LUN)
	@Operation(operationId = "putGroupLun", summary = "Map a device at a LUN of an initiator group (idempotent)",
			description = PUT_DESCRIPTION)
	@ApiResponse(responseCode = "200", description = "Already there or changed", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "201", description = "Created; the Location header names it",
			useReturnTypeSchema = true)
	ResponseEntity<MappedLun> putInGroup(@PathVariable String driver, @PathVariable String target,
			@PathVariable String group, @PathVariable String lun, @RequestBody PutLunRequest request) {
		return answer(this.service.put(driver, target, group, lun, request.device(), request.readOnlyOrDefault()));
	}

	@DeleteMapping(LUN)
	@Operation(operationId = "deleteLun", summary = "Remove a LUN of a target",
			description = REMOVE_DESCRIPTION + " 404 when nothing is mapped at the LUN.")
	@ApiResponse(responseCode = "200", description = "Removed", useReturnTypeSchema = true)
	LunRemoval delete(@PathVariable String driver, @PathVariable String target, @PathVariable String lun) {
		return this.service.delete(driver, target, null, lun);
	}

	@DeleteMapping(GROUP_LUN)
	@Operation(operationId = "deleteGroupLun", summary = "Remove a LUN of an initiator group",
			description = REMOVE_DESCRIPTION + " 404 when nothing is mapped at the LUN.")
	@ApiResponse(responseCode = "200", description = "Removed", useReturnTypeSchema = true)
	LunRemoval deleteInGroup(@PathVariable String driver, @PathVariable String target, @PathVariable String group,
			@PathVariable String lun) {
		return this.service.delete(driver, target, group, lun);
	}

	@DeleteMapping(SET)
	@Operation(operationId = "clearLuns", summary = "Remove every LUN of a target",
			description = REMOVE_DESCRIPTION + " Idempotent: clearing an empty set succeeds too (nothing removed).")
	@ApiResponse(responseCode = "200", description = "Removed", useReturnTypeSchema = true)
	LunRemoval clear(@PathVariable String driver, @PathVariable String target) {
		return this.service.clear(driver, target, null);
	}

	@DeleteMapping(GROUP_SET)
	@Operation(operationId = "clearGroupLuns", summary = "Remove every LUN of an initiator group",
			description = REMOVE_DESCRIPTION + " Idempotent: clearing an empty set succeeds too (nothing removed).")
	@ApiResponse(responseCode = "200", description = "Removed", useReturnTypeSchema = true)
	LunRemoval clearInGroup(@PathVariable String driver, @PathVariable String target, @PathVariable String group) {
		return this.service.clear(driver, target, group);
	}

	private static ResponseEntity<MappedLun> answer(LunChange change) {
		return change.created()
				? ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri())
					.body(change.answer())
				: ResponseEntity.ok(change.answer());
	}

}
