package io.scst.manager.device;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.scst.manager.sysfs.AttributeValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A device as read from {@code devices/<name>/} at one moment.
 *
 * @param name the device name
 * @param handler its handler, or {@code null} for a pass-through device that no handler
 * has taken
 * @param size its size in bytes, or {@code null} when the device has no {@code size}
 * attribute
 * @param attributes every readable attribute file of the device, by name
 * @param exports the LUNs that export the device, in the order they were added (the copy
 * manager's automatic LUN is left out)
 */
@Schema(description = "A device with all its attributes and the LUNs that export it")
public record Device(@Schema(description = "The device name", example = "vm_disk1") String name,
		@Schema(description = "The device's handler", example = "vdisk_fileio") @Nullable String handler,
		@Schema(description = "The size in bytes, when the device has one", example = "1073741824") @Nullable Long size,
		@Schema(description = "Every readable attribute of the device, by name") Map<String, AttributeValue> attributes,
		@Schema(description = "The LUNs that export the device, oldest first") List<Export> exports) {

	public Device {
		attributes = Collections.unmodifiableSortedMap(new TreeMap<>(attributes));
		exports = List.copyOf(exports);
	}

}
