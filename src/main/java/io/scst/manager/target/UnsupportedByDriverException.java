package io.scst.manager.target;

import io.scst.manager.web.ConflictException;

/**
 * The target driver does not offer the requested operation (for example the copy manager,
 * which has no management file).
 */
public class UnsupportedByDriverException extends ConflictException {

	public UnsupportedByDriverException(String driver, String what) {
		super("target-driver", "Not supported by the target driver", "Target driver " + driver + " cannot " + what);
	}

}
