package io.scst.manager.lun;

import io.scst.manager.web.NotFoundException;

/** A LUN that is not mapped in the LUN set (answered 404). */
public class LunNotFoundException extends NotFoundException {

	LunNotFoundException(String detail) {
		super("lun", "No such LUN", detail);
	}

}
