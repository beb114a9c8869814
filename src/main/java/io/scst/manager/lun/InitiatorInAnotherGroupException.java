package io.scst.manager.lun;

import io.scst.manager.system.ConflictException;

/**
 * An initiator that another group of the target already lists, so that which group its
 * sessions fall into would be ambiguous (answered 409).
 */
public class InitiatorInAnotherGroupException extends ConflictException {

	InitiatorInAnotherGroupException(String detail) {
		super("initiator", "Initiator is in another group", detail);
	}

}
