package io.scst.manager.device;

import io.scst.manager.web.NotFoundException;

/** The named device does not exist. */
public class DeviceNotFoundException extends NotFoundException {

	public DeviceNotFoundException(String device) {
		super("device", "No such device", "Device '" + device + "' does not exist");
	}

}
