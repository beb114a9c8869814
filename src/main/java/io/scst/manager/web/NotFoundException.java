package io.scst.manager.web;

/**
 * Base of the domain exceptions for an object that the request expects to exist but that
 * does not; answered with {@code 404} and problem type {@code not-found}.
 */
public abstract class NotFoundException extends ObjectProblemException {

	/**
	 * Create an exception with the title {@code Object not found}.
	 * @param object the kind of object, e.g. {@code lun} (the problem's {@code object})
	 * @param detail what was not found, for people
	 */
	protected NotFoundException(String object, String detail) {
		this(object, "Object not found", detail);
	}

	/**
	 * Create an exception.
	 * @param object the kind of object, e.g. {@code lun} (the problem's {@code object})
	 * @param title a short human phrase for the problem, e.g. {@code No such LUN}
	 * @param detail what was not found, for people
	 */
	protected NotFoundException(String object, String title, String detail) {
		super(object, title, detail);
	}

}
