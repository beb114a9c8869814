package io.scst.manager.system;

import java.net.URI;

/**
 * The {@code type} URIs of the problem responses (RFC 9457) this API produces, one per
 * kind of problem: {@code urn:scst-mgmt:problem:<slug>}.
 */
public final class ProblemTypes {

	/** The prefix shared by every type. */
	public static final String PREFIX = "urn:scst-mgmt:problem:";

	/** 404: the object named by the request does not exist. */
	public static final URI NOT_FOUND = of("not-found");

	/** 409: the request contradicts the current state (already exists, in use). */
	public static final URI CONFLICT = of("conflict");

	/** 400: the request is malformed or fails validation. */
	public static final URI INVALID_REQUEST = of("invalid-request");

	/** 412: an {@code If-Match} precondition failed (the resource changed or is gone). */
	public static final URI PRECONDITION_FAILED = of("precondition-failed");

	/** 422: SCST refused the operation with an errno. */
	public static final URI KERNEL_REJECTED = of("kernel-rejected");

	/** 503: SCST stayed busy ({@code EAGAIN}) past the management timeout. */
	public static final URI BUSY = of("busy");

	/** 503: the SCST sysfs tree cannot be used (modules not loaded, I/O error). */
	public static final URI SCST_UNAVAILABLE = of("scst-unavailable");

	/** 401: the request has no valid credentials. */
	public static final URI UNAUTHORIZED = of("unauthorized");

	/**
	 * 403: the caller's role does not allow the request, or a policy (backing files)
	 * refuses it.
	 */
	public static final URI FORBIDDEN = of("forbidden");

	/** 500: an unexpected failure inside the server. */
	public static final URI INTERNAL = of("internal");

	/** 413: the request body is larger than {@code scst.security.max-body-size}. */
	public static final URI PAYLOAD_TOO_LARGE = of("payload-too-large");

	/**
	 * 405: the resource does not support the method ({@code Allow} lists those it does).
	 */
	public static final URI METHOD_NOT_ALLOWED = of("method-not-allowed");

	/**
	 * 406: the answer cannot be written in any media type of {@code Accept}; decided
	 * before anything runs, so nothing changed.
	 */
	public static final URI NOT_ACCEPTABLE = of("not-acceptable");

	/** 415: the body's {@code Content-Type} is not one the resource reads. */
	public static final URI UNSUPPORTED_MEDIA_TYPE = of("unsupported-media-type");

	private ProblemTypes() {
	}

	private static URI of(String slug) {
		return URI.create(PREFIX + slug);
	}

}
