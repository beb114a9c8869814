package io.scst.manager.session;

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

/** The sessions of a target. */
@RestController
@RequestMapping("/api/v1/target-drivers/{driver}/targets/{target}/sessions")
@Tag(name = "Sessions", description = "Sessions of a target: counters, TransportID, LUNs and Linux SCSI devices")
class SessionController {

	private final SessionService service;

	SessionController(SessionService service) {
		this.service = service;
	}

	@GetMapping
	@Operation(operationId = "listSessions", summary = "List the target's sessions",
			description = "Session directory names (initiator names, with _N added by SCST for duplicates) and "
					+ "initiator names; sorted by directory name, in pages with limit and after.")
	ResponseEntity<List<SessionSummary>> list(@PathVariable String driver, @PathVariable String target,
			@Valid @ParameterObject Page page) {
		return this.service.list(driver, target, page).response();
	}

	@PostMapping
	@Operation(operationId = "createSession", summary = "Create a session (scst_local)",
			description = "Writes add_session; Location names the directory SCST created, which carries a _N "
					+ "suffix when the initiator name is already in use on the target.")
	@ApiResponse(responseCode = "201", description = "Created; the Location header names it",
			useReturnTypeSchema = true)
	ResponseEntity<Session> create(@PathVariable String driver, @PathVariable String target,
			@RequestBody CreateSessionRequest request) {
		Session session = this.service.create(driver, target, request);
		URI location = ServletUriComponentsBuilder.fromCurrentRequest()
			.path("/{session}")
			.buildAndExpand(session.name())
			.toUri();
		return ResponseEntity.created(location).body(session);
	}

	@GetMapping("/{session}")
	@Operation(operationId = "getSession", summary = "Describe a session",
			description = "Initiator name, counters, TransportID decoded and raw, the LUN set it uses (group), "
					+ "the LUNs it sees and, for scst_local, its SCSI host and the /dev nodes of each LUN.")
	Session describe(@PathVariable String driver, @PathVariable String target, @PathVariable String session) {
		return this.service.describe(driver, target, session);
	}

	@PatchMapping("/{session}")
	@Operation(operationId = "updateSession", summary = "Change a session's TransportID (scst_local)",
			description = "Writes the bytes given as hex to transport_id in one write.")
	Session update(@PathVariable String driver, @PathVariable String target, @PathVariable String session,
			@RequestBody UpdateSessionRequest request) {
		return this.service.update(driver, target, session, request);
	}

	@PostMapping("/{session}/reset-counters")
	@Operation(operationId = "resetSessionCounters", summary = "Reset a session's I/O counters",
			description = "Writes to one counter file per data direction, which makes SCST reset every counter "
					+ "of that direction.")
	Session resetCounters(@PathVariable String driver, @PathVariable String target, @PathVariable String session) {
		return this.service.resetCounters(driver, target, session);
	}

	@DeleteMapping("/{session}")
	@Operation(operationId = "deleteSession", summary = "Delete a session (scst_local)",
			description = "Writes del_session and waits until the directory is gone. Refused with 409 when other "
					+ "sessions of the target share the initiator name, because del_session removes the first "
					+ "created of them.")
	@ApiResponse(responseCode = "204", description = "Done")
	ResponseEntity<Void> delete(@PathVariable String driver, @PathVariable String target,
			@PathVariable String session) {
		this.service.delete(driver, target, session);
		return ResponseEntity.noContent().build();
	}

}
