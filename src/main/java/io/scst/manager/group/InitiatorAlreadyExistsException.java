package io.scst.manager.group;

import io.scst.manager.web.ConflictException;

/** An initiator entry that the group already has (answered 409). */
public class InitiatorAlreadyExistsException extends ConflictException {

	InitiatorAlreadyExistsException(String detail) {
		super("initiator", "Initiator entry already exists", detail);
	}

}
