package io.scst.manager.lun;

import io.scst.manager.system.ConflictException;

/** An initiator entry that the group already has (answered 409). */
public class InitiatorAlreadyExistsException extends ConflictException {

	InitiatorAlreadyExistsException(String detail) {
		super("initiator", "Initiator entry already exists", detail);
	}

}
