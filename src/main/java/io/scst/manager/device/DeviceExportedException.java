package io.scst.manager.device;

import java.util.List;
import java.util.stream.Collectors;

import io.scst.manager.web.ConflictException;

/** A device cannot be deleted while LUNs export it (unless forced). */
public class DeviceExportedException extends ConflictException {

	DeviceExportedException(String device, List<Export> exports) {
		super("device", "Device is exported", "Device '" + device + "' is exported as " + describe(exports)
				+ "; remove those LUNs first or delete with force=true");
	}

	private static String describe(List<Export> exports) {
		return exports.stream().map((export) -> {
			String set = export.driver() + "/" + export.target()
					+ ((export.group() != null) ? " group " + export.group() : "");
			return "LUN " + export.lun() + " of " + set;
		}).collect(Collectors.joining(", "));
	}

}
