package io.scst.manager.config;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The desired state: export, plan, apply, drift and the restore report.
 */
@RestController
@RequestMapping("/api/v1/config")
@Tag(name = "Configuration", description = "scst.conf import and export, plan and apply with rollback, "
		+ "drift from the saved configuration")
class ConfigController {

	private static final String PRUNE_DESCRIPTION = "Comma-separated kinds of objects to remove when the "
			+ "configuration lacks them: devices, targets, luns, groups, initiators, sessions. Nothing is removed "
			+ "otherwise.";

	private static final String SUSPEND_DESCRIPTION = "Suspend SCST's I/O on every device around the writes: a "
			+ "first step writes SCST's suspend (waiting up to the management timeout for the commands in flight), "
			+ "a last one resumes, and a failed change resumes after its rollback. SCST's own commands then do not "
			+ "each wait for I/O to drain, which makes large creations faster, but initiators see no I/O for the "
			+ "whole apply. Refused (409, nothing written) for a change that removes objects.";

	// Each operation below has a scst.conf (text/plain) and a JSON variant, which the
	// OpenAPI document shows as one operation with two media types: they share their
	// operationId, summary and description.

	private static final String EXPORT_SUMMARY = "Export the live configuration (scst.conf or JSON)";

	private static final String EXPORT_DESCRIPTION = "Choose the form with the Accept header. text/plain is the "
			+ "file scstadmin -write_config would write: only non-default ([key]) attributes, scst_local session "
			+ "names, LUNs, groups and initiators; never the copy manager's automatic LUNs. application/json is "
			+ "the same model as JSON.";

	private static final String PLAN_SUMMARY = "Plan a configuration (scst.conf or JSON)";

	private static final String PLAN_DESCRIPTION = "The ordered steps (kind, object, exact command, reason) that "
			+ "applying the configuration would write. Nothing is written. Applying a configuration that matches "
			+ "the live state plans no steps. Send scst.conf as text/plain or the JSON model as application/json.";

	private static final String APPLY_SUMMARY = "Apply a configuration (scst.conf or JSON)";

	private static final String APPLY_DESCRIPTION = "Runs the plan in dependency order (removals leaf-first, then "
			+ "devices, targets, groups, LUNs, initiators, core attributes). When a step fails, the steps done are "
			+ "undone in reverse and the 422 problem names the failed step, errno and command and says whether "
			+ "SCST is back where it was (rolledBack, rollbackFailures). The live configuration is saved before the "
			+ "answer (save: outcome and milliseconds; also in the Server-Timing header, after the apply's phases: "
			+ "parse, plan, write, scan), so drift and the saved file "
			+ "reflect the change once it is answered. Send scst.conf as text/plain or the JSON model as "
			+ "application/json.";

	private final ConfigService service;

	private final ConfigSaver saver;

	ConfigController(ConfigService service, ConfigSaver saver) {
		this.service = service;
		this.saver = saver;
	}

	@GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(operationId = "exportConfig", summary = EXPORT_SUMMARY, description = EXPORT_DESCRIPTION)
	String exportText() {
		return this.service.exportText();
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "exportConfig", summary = EXPORT_SUMMARY, description = EXPORT_DESCRIPTION)
	ScstConfig export() {
		return this.service.export();
	}

	@PostMapping(path = "/plan", consumes = MediaType.TEXT_PLAIN_VALUE)
	@Operation(operationId = "planConfig", summary = PLAN_SUMMARY, description = PLAN_DESCRIPTION)
	Plan planText(@RequestBody String config,
			@Parameter(description = PRUNE_DESCRIPTION) @RequestParam(required = false) @Nullable String prune,
			@Parameter(description = SUSPEND_DESCRIPTION) @RequestParam(defaultValue = "false") boolean suspend) {
		return this.service.plan(config, prune, suspend);
	}

	@PostMapping(path = "/plan", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "planConfig", summary = PLAN_SUMMARY, description = PLAN_DESCRIPTION)
	Plan plan(@RequestBody ScstConfig config,
			@Parameter(description = PRUNE_DESCRIPTION) @RequestParam(required = false) @Nullable String prune,
			@Parameter(description = SUSPEND_DESCRIPTION) @RequestParam(defaultValue = "false") boolean suspend) {
		return this.service.plan(config, Prune.parse(prune), suspend);
	}

	@PutMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
	@Operation(operationId = "applyConfig", summary = APPLY_SUMMARY, description = APPLY_DESCRIPTION)
	ApplyResult applyText(@RequestBody String config,
			@Parameter(description = PRUNE_DESCRIPTION) @RequestParam(required = false) @Nullable String prune,
			@Parameter(description = SUSPEND_DESCRIPTION) @RequestParam(defaultValue = "false") boolean suspend) {
		return saved(this.service.apply(config, prune, suspend));
	}

	@PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(operationId = "applyConfig", summary = APPLY_SUMMARY, description = APPLY_DESCRIPTION)
	ApplyResult apply(@RequestBody ScstConfig config,
			@Parameter(description = PRUNE_DESCRIPTION) @RequestParam(required = false) @Nullable String prune,
			@Parameter(description = SUSPEND_DESCRIPTION) @RequestParam(defaultValue = "false") boolean suspend) {
		return saved(this.service.apply(config, Prune.parse(prune), suspend));
	}

	/**
	 * The result with the save of what it wrote, done now (before the answer, on this
	 * request's thread, in its order): the answer reports the save's outcome and time.
	 */
	private ApplyResult saved(ApplyResult result) {
		ConfigSaver.Saved saved = this.saver.flush();
		return (saved != null) ? result.withSave(SaveReport.of(saved)) : result;
	}

	@GetMapping("/drift")
	@Operation(operationId = "getConfigDrift", summary = "Drift from the saved configuration",
			description = "Objects and attributes that differ between the live configuration and the saved one, "
					+ "both ways, as of every change answered so far (a pending save is finished first). 404 when "
					+ "nothing has been saved yet.")
	Drift drift() {
		return this.saver.drift();
	}

	@GetMapping("/restore-report")
	@Operation(operationId = "getRestoreReport", summary = "What the restore at start did",
			description = "Per object of the saved configuration: applied, present or failed with the reason. "
					+ "Status disabled when scst.config.restore-on-start is off.")
	RestoreReport restoreReport() {
		return this.service.restoreReport();
	}

}
