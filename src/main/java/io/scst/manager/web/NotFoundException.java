package io.scst.manager.web;

/**
 * Base of the domain exceptions for an object that the request expects to exist but that
 * does not; answered with {@code 404} and problem type {@code not-found}.
 */
public abstract class NotFoundException extends RuntimeException {

	private final String object;

	private final String title;

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
		super(detail);
		this.object = object;
		this.title = title;
	}

	/** The kind of object that was not found, e.g. {@code lun}. */
	public String object() {
		return this.object;
	}

	/** A short human phrase for the problem. */
	public String title() {
		return this.title;
	}

}
