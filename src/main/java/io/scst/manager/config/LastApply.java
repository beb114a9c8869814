package io.scst.manager.config;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * How an apply of a desired configuration ended.
 *
 * @param time when it ended
 * @param outcome {@code ok} or {@code failed}
 * @param steps how many steps the plan had
 * @param failedStep the index of the step that failed, or {@code null}
 * @param command the failed step's command, or {@code null}
 * @param error what went wrong, or {@code null}
 * @param rolledBack after a failure, whether every step done was undone
 */
public record LastApply(Instant time, String outcome, int steps, @Nullable Integer failedStep, @Nullable String command,
		@Nullable String error, @Nullable Boolean rolledBack) {

	static LastApply ok(int steps) {
		return new LastApply(Instant.now(), "ok", steps, null, null, null, null);
	}

	static LastApply failed(int steps, int failedStep, @Nullable String command, @Nullable String error,
			boolean rolledBack) {
		return new LastApply(Instant.now(), "failed", steps, failedStep, command, error, rolledBack);
	}

}
