package io.scst.manager.lun;

import io.scst.manager.web.NotFoundException;

/** An initiator group that the target does not have (answered 404). */
public class InitiatorGroupNotFoundException extends NotFoundException {

	public InitiatorGroupNotFoundException(String detail) {
		super("ini-group", "No such initiator group", detail);
	}

}
