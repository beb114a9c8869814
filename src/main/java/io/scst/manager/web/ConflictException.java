package io.scst.manager.web;

/**
 * Base of the domain exceptions for a request that contradicts the current state (the
 * object already exists, or is in use); answered with {@code 409} and problem type
 * {@code conflict}.
 */
public abstract class ConflictException extends ObjectProblemException {

	/**
	 * Create an exception with the title {@code Conflict with the current state}.
	 * @param object the kind of object, e.g. {@code lun} (the problem's {@code object})
	 * @param detail what the conflict is, for people
	 */
	protected ConflictException(String object, String detail) {
		this(object, "Conflict with the current state", detail);
	}

	/**
	 * Create an exception.
	 * @param object the kind of object, e.g. {@code lun} (the problem's {@code object})
	 * @param title a short human phrase for the problem, e.g. {@code LUN already mapped}
	 * @param detail what the conflict is, for people
	 */
	protected ConflictException(String object, String title, String detail) {
		super(object, title, detail);
	}

}
