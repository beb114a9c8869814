package io.scst.manager.sysfs;

/**
 * A name or value that cannot be sent to SCST: it would be cut short, split or
 * reinterpreted by the management grammar, or SCST reserves it. Thrown before anything is
 * written.
 */
public class InvalidNameException extends IllegalArgumentException {

	private final String field;

	/**
	 * Create an exception.
	 * @param field the request field that holds the value, e.g. {@code name}
	 * @param message what is wrong with it, for people
	 */
	public InvalidNameException(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	/** The request field that holds the value. */
	public String field() {
		return this.field;
	}

	/** What is wrong with the value, without the field. */
	public String reason() {
		return getMessage().substring(this.field.length() + 2);
	}

}
