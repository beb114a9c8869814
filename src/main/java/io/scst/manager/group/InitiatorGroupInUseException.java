package io.scst.manager.group;

import io.scst.manager.web.ConflictException;

/**
 * An initiator group that sessions are attached to, which SCST refuses to delete
 * (answered 409).
 */
public class InitiatorGroupInUseException extends ConflictException {

	InitiatorGroupInUseException(String detail) {
		super("ini-group", "Initiator group in use", detail);
	}

}
