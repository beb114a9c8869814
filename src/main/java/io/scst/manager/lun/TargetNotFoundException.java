package io.scst.manager.lun;

import io.scst.manager.system.NotFoundException;

/**
 * A target driver or target that does not exist (answered 404, object
 * {@code target-driver} or {@code target}).
 */
public class TargetNotFoundException extends NotFoundException {

	private TargetNotFoundException(String object, String title, String detail) {
		super(object, title, detail);
	}

	static TargetNotFoundException driver(String driver) {
		return new TargetNotFoundException("target-driver", "No such target driver",
				"Target driver " + driver + " is not loaded");
	}

	static TargetNotFoundException target(String driver, String target) {
		return new TargetNotFoundException("target", "No such target",
				"Target " + target + " of driver " + driver + " does not exist");
	}

}
