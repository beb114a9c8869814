package io.scst.manager.device;

import io.scst.manager.web.ConflictException;

/** A device of the requested name exists already. */
public class DeviceAlreadyExistsException extends ConflictException {

	DeviceAlreadyExistsException(String device) {
		super("device", "Device already exists", "Device '" + device + "' exists already");
	}

}
