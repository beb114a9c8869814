package io.scst.manager.sysfs;

import org.jspecify.annotations.Nullable;

/**
 * The SCST sysfs tree cannot be used at all: the root is missing (modules not loaded) or
 * an I/O error outside SCST's protocol occurred.
 */
public class ScstUnavailableException extends SysfsException {

	public ScstUnavailableException(String message, ScstPath path, @Nullable Throwable cause) {
		super(message, path, null, cause);
	}

}
