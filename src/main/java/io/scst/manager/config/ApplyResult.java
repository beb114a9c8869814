package io.scst.manager.config;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an apply did.
 *
 * @param applied how many steps were written
 * @param steps the steps, in the order done
 * @param notes what was kept but not applied
 */
@Schema(description = "The steps an apply wrote, in order")
public record ApplyResult(int applied, List<PlanStep> steps, List<String> notes) {

	public ApplyResult {
		steps = List.copyOf(steps);
		notes = List.copyOf(notes);
	}

}
