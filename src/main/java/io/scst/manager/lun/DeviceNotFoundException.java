package io.scst.manager.lun;

import io.scst.manager.system.NotFoundException;

/** A device that does not exist (answered 404). */
public class DeviceNotFoundException extends NotFoundException {

	DeviceNotFoundException(String detail) {
		super("device", "No such device", detail);
	}

}
