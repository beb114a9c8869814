package io.scst.manager.lun;

import java.util.List;

import io.scst.manager.system.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
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
 * ({@code .../ini-groups/{group}/luns}), served by the same handlers. LUN numbers are
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

	private final LunService service;

	LunController(LunService service) {
		this.service = service;
	}

	@GetMapping({ SET, GROUP_SET })
	@Operation(summary = "List the LUNs of a LUN set",
			description = "The target's default LUN set, or an initiator group's, sorted by LUN number, in pages "
					+ "with limit and after.")
	ResponseEntity<List<Lun>> list(@PathVariable String driver, @PathVariable String target,
			@PathVariable(required = false) @Nullable String group, @Valid @ParameterObject Page page) {
		return this.service.list(driver, target, group, page).response();
	}

	@GetMapping({ LUN, GROUP_LUN })
	@Operation(summary = "Read one LUN", description = "The device mapped at the LUN and its read-only flag.")
	Lun get(@PathVariable String driver, @PathVariable String target,
			@PathVariable(required = false) @Nullable String group, @PathVariable String lun) {
		return this.service.get(driver, target, group, lun);
	}

	@PutMapping({ LUN, GROUP_LUN })
	@Operation(summary = "Map a device at a LUN (idempotent)",
			description = "Adds the LUN (201 with Location) when absent, replaces it (200) when it maps another device "
					+ "or read-only flag, and writes nothing (200) when it already maps this device with this flag. "
					+ "The device must exist; LUN numbers run from 0 to 16383.")
	@ApiResponse(responseCode = "200", description = "Already there or changed", useReturnTypeSchema = true)
	@ApiResponse(responseCode = "201", description = "Created; the Location header names it",
			useReturnTypeSchema = true)
	ResponseEntity<Lun> put(@PathVariable String driver, @PathVariable String target,
			@PathVariable(required = false) @Nullable String group, @PathVariable String lun,
			@RequestBody PutLunRequest request) {
		LunChange change = this.service.put(driver, target, group, lun, request.device(), request.readOnlyOrDefault());
		return change.created()
				? ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().build().toUri())
					.body(change.lun())
				: ResponseEntity.ok(change.lun());
	}

	@DeleteMapping({ LUN, GROUP_LUN })
	@Operation(summary = "Remove a LUN", description = "404 when nothing is mapped at the LUN.")
	@ApiResponse(responseCode = "204", description = "Done")
	ResponseEntity<Void> delete(@PathVariable String driver, @PathVariable String target,
			@PathVariable(required = false) @Nullable String group, @PathVariable String lun) {
		this.service.delete(driver, target, group, lun);
		return ResponseEntity.noContent().build();
	}

	@DeleteMapping({ SET, GROUP_SET })
	@Operation(summary = "Remove every LUN of a LUN set",
			description = "Idempotent: clearing an empty set succeeds (204) too.")
	@ApiResponse(responseCode = "204", description = "Done")
	ResponseEntity<Void> clear(@PathVariable String driver, @PathVariable String target,
			@PathVariable(required = false) @Nullable String group) {
		this.service.clear(driver, target, group);
		return ResponseEntity.noContent().build();
	}

}
