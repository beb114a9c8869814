package io.scst.manager.device;

import io.scst.manager.web.ConflictException;
import org.jspecify.annotations.Nullable;

/** The device's handler has no {@code resync_size} (no backing file to re-read). */
public class ResyncNotSupportedException extends ConflictException {

	ResyncNotSupportedException(String device, @Nullable String handler) {
		super("device", "Size cannot be resynchronised",
				"Device '" + device + "'" + ((handler != null) ? " (handler " + handler + ")" : "")
						+ " has no resync_size: its handler has no backing file size to re-read");
	}

}
