package io.scst.manager.config;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an apply would do, in the order it would do it.
 *
 * @param steps the steps; empty when the live state already matches
 * @param notes parts of the configuration that are kept but not applied (unknown blocks,
 * attributes the live objects do not have, copy-manager LUNs)
 */
@Schema(description = "An ordered plan: the writes that would bring SCST to the desired configuration")
public record Plan(List<PlanStep> steps, List<String> notes) {

	public Plan {
		steps = List.copyOf(steps);
		notes = List.copyOf(notes);
	}

}
