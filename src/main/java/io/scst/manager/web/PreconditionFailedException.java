package io.scst.manager.web;

import org.jspecify.annotations.Nullable;

/**
 * An {@code If-Match} precondition did not hold: the resource changed since the client
 * read it (or is gone). Answered with {@code 412} and problem type
 * {@code precondition-failed}.
 */
public class PreconditionFailedException extends RuntimeException {

	private final @Nullable String currentEtag;

	public PreconditionFailedException(String detail, @Nullable String currentEtag) {
		super(detail);
		this.currentEtag = currentEtag;
	}

	/** The resource's entity tag now, or {@code null} when it does not exist. */
	public @Nullable String currentEtag() {
		return this.currentEtag;
	}

}
