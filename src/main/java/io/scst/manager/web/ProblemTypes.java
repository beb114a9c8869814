package io.scst.manager.web;

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

	/**
	 * The type of a problem known only by its status: raised by Tomcat, the security
	 * filters or Spring MVC before this API's own mapping applies. Any other 4xx is
	 * {@code invalid-request}, any other 5xx {@code internal}.
	 * @param status the HTTP status
	 * @return the type
	 */
	public static URI forStatus(int status) {
		return switch (status) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> CONFLICT;
			case 412 -> PRECONDITION_FAILED;
			case 413 -> PAYLOAD_TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			default -> (status >= 500) ? INTERNAL : INVALID_REQUEST;
		};
	}

	/**
	 * The title of the problems of a type that {@link #forStatus(int)} returns.
	 * @param type the type
	 * @return its title, e.g. {@code Not found}
	 */
	public static String titleOf(URI type) {
		String slug = type.toString().substring(PREFIX.length());
		return switch (slug) {
			case "invalid-request" -> "Invalid request";
			case "internal" -> "Internal server error";
			case "unauthorized" -> "Authentication required";
			case "precondition-failed" -> "Precondition failed";
			default -> Character.toUpperCase(slug.charAt(0)) + slug.substring(1).replace('-', ' ');
		};
	}

	private static URI of(String slug) {
		return URI.create(PREFIX + slug);
	}

}
