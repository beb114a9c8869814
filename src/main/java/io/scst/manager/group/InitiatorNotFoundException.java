package io.scst.manager.group;

import io.scst.manager.web.NotFoundException;

/** An initiator entry that the group does not have (answered 404). */
public class InitiatorNotFoundException extends NotFoundException {

	InitiatorNotFoundException(String detail) {
		super("initiator", "No such initiator entry", detail);
	}

}
