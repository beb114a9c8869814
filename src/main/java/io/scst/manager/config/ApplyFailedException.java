package io.scst.manager.config;

import java.util.List;

import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A step of an apply was rejected by the kernel. The steps done before it have been
 * undone in reverse order; the problem ({@code 422}, type {@code kernel-rejected}) says
 * which step failed, the errno and command, and whether the rollback restored everything
 * ({@code rolledBack}) or which undo writes failed ({@code rollbackFailures}).
 */
public class ApplyFailedException extends ErrorResponseException {

	private final PlanStep step;

	private final List<String> rollbackFailures;

	public ApplyFailedException(PlanStep step, int index, int total, KernelRejectedException cause,
			List<String> rollbackFailures) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(step, index, total, cause, rollbackFailures), cause);
		this.step = step;
		this.rollbackFailures = List.copyOf(rollbackFailures);
	}

	private static ProblemDetail problem(PlanStep step, int index, int total, KernelRejectedException cause,
			List<String> rollbackFailures) {
		String outcome = rollbackFailures.isEmpty()
				? ((index == 0) ? "nothing had been changed before it."
						: "the " + index + " step(s) done before it were undone; SCST is back where it was.")
				: "undoing the earlier steps failed " + rollbackFailures.size()
						+ " time(s); SCST is NOT back where it was: " + String.join("; ", rollbackFailures);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"Step " + (index + 1) + " of " + total + " (" + step.kind() + " " + step.object() + ") failed: "
						+ cause.getMessage() + "; " + outcome);
		problem.setType(ProblemTypes.KERNEL_REJECTED);
		problem.setTitle("Applying the configuration failed");
		problem.setProperty("errno", cause.errno().symbol());
		problem.setProperty("errnoCode", cause.errno().code());
		problem.setProperty("path", cause.path().toString());
		if (cause.written() != null) {
			problem.setProperty("command", cause.written());
		}
		if (cause.lastResult() != null) {
			problem.setProperty("lastSysfsMgmtRes", cause.lastResult());
		}
		problem.setProperty("failedStep", step);
		problem.setProperty("stepIndex", index);
		problem.setProperty("stepsDone", index);
		problem.setProperty("rolledBack", rollbackFailures.isEmpty());
		problem.setProperty("rollbackFailures", rollbackFailures);
		return problem;
	}

	/** The step that failed. */
	public PlanStep step() {
		return this.step;
	}

	/** The undo writes that failed, empty when the rollback was complete. */
	public List<String> rollbackFailures() {
		return this.rollbackFailures;
	}

	/** Whether SCST is back where it was. */
	public boolean rolledBack() {
		return this.rollbackFailures.isEmpty();
	}

}
