package io.scst.manager.config;

import io.scst.manager.change.Step;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One step of a plan.
 *
 * @param kind {@code create}, {@code update} or {@code delete}
 * @param object the object changed, named like its API resource
 * @param command the exact write: {@code <mgmt file>: <command>} or
 * {@code <attribute file>: <value>}
 * @param reason why the step is needed
 */
@Schema(description = "One step of a plan")
public record PlanStep(@Schema(example = "create") String kind,
		@Schema(example = "target-drivers/scst_local/targets/t1/luns/0") String object,
		@Schema(example = "targets/scst_local/t1/luns/mgmt: add disk1 0") String command,
		@Schema(example = "LUN 0 is not mapped") String reason) {

	/** The view of an executable step. */
	static PlanStep of(Step step) {
		return new PlanStep(step.kind(), step.object(), step.write().describe(), step.reason());
	}

}
