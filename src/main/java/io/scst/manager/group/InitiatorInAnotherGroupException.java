package io.scst.manager.group;

import io.scst.manager.web.ConflictException;

/**
 * An initiator that another group of the target already lists, so that which group its
 * sessions fall into would be ambiguous (answered 409).
 */
public class InitiatorInAnotherGroupException extends ConflictException {

	public InitiatorInAnotherGroupException(String detail) {
		super("initiator", "Initiator is in another group", detail);
	}

}
