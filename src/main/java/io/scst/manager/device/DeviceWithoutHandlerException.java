package io.scst.manager.device;

import io.scst.manager.web.ConflictException;

/** A pass-through device that no handler has taken cannot be deleted through one. */
public class DeviceWithoutHandlerException extends ConflictException {

	DeviceWithoutHandlerException(String device) {
		super("device", "Device has no handler",
				"Device '" + device + "' is not assigned to a handler, so no handler can delete it");
	}

}
