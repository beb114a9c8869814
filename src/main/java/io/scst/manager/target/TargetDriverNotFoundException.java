package io.scst.manager.target;

import io.scst.manager.web.NotFoundException;

/** The target driver named in the request is not registered with SCST. */
public class TargetDriverNotFoundException extends NotFoundException {

	public TargetDriverNotFoundException(String driver) {
		super("target-driver", "No such target driver", "Target driver " + driver + " is not registered with SCST");
	}

}
