package io.scst.manager.device;

import io.scst.manager.web.NotFoundException;

/** The named device handler is not registered with SCST. */
public class HandlerNotFoundException extends NotFoundException {

	HandlerNotFoundException(String handler) {
		super("handler", "No such handler", "Device handler '" + handler + "' is not registered with SCST");
	}

}
