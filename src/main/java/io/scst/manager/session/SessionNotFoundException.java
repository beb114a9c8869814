package io.scst.manager.session;

import io.scst.manager.web.NotFoundException;

/** The session named in the request does not exist. */
public class SessionNotFoundException extends NotFoundException {

	public SessionNotFoundException(String target, String session) {
		super("session", "No such session", "Target " + target + " has no session " + session);
	}

}
