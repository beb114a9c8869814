package io.scst.manager.config;

import io.scst.manager.web.NotFoundException;

/** No configuration has been saved yet. */
public class SavedConfigNotFoundException extends NotFoundException {

	public SavedConfigNotFoundException(String file) {
		super("configuration", "No saved configuration", "No configuration has been saved at " + file + " yet");
	}

}
