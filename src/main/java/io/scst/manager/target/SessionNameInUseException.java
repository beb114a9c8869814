package io.scst.manager.target;

import io.scst.manager.web.ConflictException;

/**
 * A session of that name exists on a target of the driver already (scst_local names the
 * session's Linux device after it, so the name is unique per driver).
 */
public class SessionNameInUseException extends ConflictException {

	public SessionNameInUseException(String driver, String target, String session) {
		super("session", "Session already exists", "Target " + target + " of driver " + driver
				+ " already has a session named " + session + " (scst_local names a session's Linux device after it)");
	}

}
