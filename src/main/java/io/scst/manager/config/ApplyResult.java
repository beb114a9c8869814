package io.scst.manager.config;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.jspecify.annotations.Nullable;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What an apply did.
 *
 * @param applied how many steps were written
 * @param steps the steps, in the order done
 * @param notes what was kept but not applied
 * @param save the save of the configuration done before the answer, or {@code null} when
 * nothing was written or saving after changes is off
 * @param timing where the time went, for the {@code Server-Timing} header (not in the
 * body), or {@code null}
 */
@Schema(description = "The steps an apply wrote, in order")
public record ApplyResult(int applied, List<PlanStep> steps, List<String> notes, @Nullable SaveReport save,
		@JsonIgnore @Schema(hidden = true) @Nullable ApplyTiming timing) {

	public ApplyResult {
		steps = List.copyOf(steps);
		notes = List.copyOf(notes);
	}

	public ApplyResult(int applied, List<PlanStep> steps, List<String> notes) {
		this(applied, steps, notes, null, null);
	}

	/**
	 * This result with the save done before the answer.
	 * @param save the save
	 * @return the result
	 */
	ApplyResult withSave(SaveReport save) {
		return new ApplyResult(this.applied, this.steps, this.notes, save, this.timing);
	}

	/**
	 * This result with where its time went.
	 * @param timing the timing
	 * @return the result
	 */
	ApplyResult withTiming(ApplyTiming timing) {
		return new ApplyResult(this.applied, this.steps, this.notes, this.save, timing);
	}

}
