package io.scst.manager.web;

/**
 * Base of the domain exceptions about one kind of object ({@link NotFoundException},
 * {@link ConflictException}): the problem's {@code title} and {@code object}, with the
 * message as its {@code detail}.
 */
public abstract class ObjectProblemException extends RuntimeException {

	private final String object;

	private final String title;

	/**
	 * Create an exception.
	 * @param object the kind of object, e.g. {@code lun} (the problem's {@code object})
	 * @param title a short human phrase for the problem
	 * @param detail what happened, for people
	 */
	protected ObjectProblemException(String object, String title, String detail) {
		super(detail);
		this.object = object;
		this.title = title;
	}

	/** The kind of object, e.g. {@code lun}. */
	public String object() {
		return this.object;
	}

	/** A short human phrase for the problem. */
	public String title() {
		return this.title;
	}

}
