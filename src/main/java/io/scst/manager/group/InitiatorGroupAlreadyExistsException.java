package io.scst.manager.group;

import io.scst.manager.web.ConflictException;

/** An initiator group that the target already has (answered 409). */
public class InitiatorGroupAlreadyExistsException extends ConflictException {

	InitiatorGroupAlreadyExistsException(String detail) {
		super("ini-group", "Initiator group already exists", detail);
	}

}
