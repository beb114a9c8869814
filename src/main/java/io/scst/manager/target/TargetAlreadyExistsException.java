package io.scst.manager.target;

import io.scst.manager.web.ConflictException;

/** A target (or another entry) of that name is already there. */
public class TargetAlreadyExistsException extends ConflictException {

	public TargetAlreadyExistsException(String driver, String target) {
		super("target", "Target already exists", "Target driver " + driver + " already has an entry named " + target);
	}

}
