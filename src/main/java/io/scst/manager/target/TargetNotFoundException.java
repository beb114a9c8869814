package io.scst.manager.target;

import io.scst.manager.web.NotFoundException;

/** The target named in the request does not exist. */
public class TargetNotFoundException extends NotFoundException {

	public TargetNotFoundException(String driver, String target) {
		super("target", "No such target", "Target driver " + driver + " has no target " + target);
	}

}
