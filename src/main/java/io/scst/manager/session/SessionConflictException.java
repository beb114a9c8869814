package io.scst.manager.session;

import io.scst.manager.web.ConflictException;

/** The session cannot do what was asked in its current state. */
public class SessionConflictException extends ConflictException {

	public SessionConflictException(String title, String detail) {
		super("session", title, detail);
	}

}
