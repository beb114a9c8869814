package io.scst.manager.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.scst.manager.change.Step;
import io.scst.manager.change.Write;
import io.scst.manager.sysfs.ScstTree;

/**
 * An apply's steps inside one suspension of SCST's I/O: a first step writes SCST's
 * {@code suspend} with a drain timeout (SCST waits that long at most for the commands in
 * flight, else {@code EBUSY}), a last one writes {@code -1}. Undoing the first resumes,
 * so a change that fails resumes after its rollback, and the pipeline's listeners (the
 * wait for SCSI scans, which need I/O) run after the resume. SCST's own management
 * commands suspend and resume for each command; under one suspension they do not wait for
 * I/O to drain again (spec: suspensions nest).
 */
final class Suspension {

	/** The object the two steps are reported under: the SCST core. */
	private static final String SCST = "scst";

	/** What {@code suspend} takes to resume: one suspension less. */
	private static final String RESUME = "-1";

	private Suspension() {
	}

	/**
	 * The steps between a suspend and a resume.
	 * @param steps the planned steps, not empty
	 * @param drain how long SCST may wait for the commands in flight (whole seconds, at
	 * least one)
	 * @return the steps with the two around them
	 * @throws ConfigConflictException when a step removes an object: removing a session's
	 * SCSI host sends commands (sd's last SYNCHRONIZE CACHE) that the suspension would
	 * hold
	 */
	static List<Step> around(List<Step> steps, Duration drain) {
		List<String> removals = steps.stream()
			.filter((step) -> step.kind().equals(Step.DELETE))
			.map(Step::object)
			.distinct()
			.limit(5)
			.toList();
		if (!removals.isEmpty()) {
			throw new ConfigConflictException(List.of("suspending SCST's I/O is refused for a change that removes "
					+ "objects (" + String.join(", ", removals) + "): removing a session's SCSI host waits for "
					+ "commands that the suspension holds"));
		}
		String seconds = Long.toString(Math.max(1, drain.toSeconds()));
		List<Step> suspended = new ArrayList<>(steps.size() + 2);
		suspended.add(
				new Step(Step.UPDATE, SCST,
						"suspend SCST's I/O for the writes (waiting up to " + seconds
								+ " s for the commands in flight)",
						new Write.Attribute(ScstTree.SUSPEND, seconds),
						List.of(new Write.Attribute(ScstTree.SUSPEND, RESUME))));
		suspended.addAll(steps);
		suspended.add(new Step(Step.UPDATE, SCST, "resume SCST's I/O", new Write.Attribute(ScstTree.SUSPEND, RESUME),
				List.of()));
		return suspended;
	}

}
