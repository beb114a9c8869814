package io.scst.manager.web;

import java.io.IOException;

/**
 * A request body without a declared length grew past the limit while it was read; the API
 * answers 413 {@code payload-too-large}.
 */
public class BodyTooLargeException extends IOException {

	private final long maxBytes;

	public BodyTooLargeException(long maxBytes) {
		super("The request body is larger than " + maxBytes + " bytes");
		this.maxBytes = maxBytes;
	}

	/** The limit. */
	public long maxBytes() {
		return this.maxBytes;
	}

}
