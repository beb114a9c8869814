package io.scst.manager.device;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A device to create with its handler's {@code add_device}.
 *
 * @param name the device name (letters, digits and {@code _ : @ + , ~ -}; no {@code .};
 * at most 64 characters)
 * @param handler the handler, e.g. {@code vdisk_fileio}
 * @param filename the backing file or block device (absolute path): the {@code filename}
 * parameter
 * @param size the size in bytes: the {@code size} parameter (e.g. for
 * {@code vdisk_nullio})
 * @param parameters further creation parameters, each one the handler accepts
 */
@Schema(description = "A device to create")
public record CreateDeviceRequest(@Schema(description = "The device name", example = "vm_disk1") String name,
		@Schema(description = "The handler", example = "vdisk_fileio") String handler,
		@Schema(description = "The backing file or block device, an absolute path (the filename parameter)",
				example = "/var/lib/scst/vm_disk1.img") @Nullable String filename,
		@Schema(description = "The size in bytes (the size parameter, e.g. for vdisk_nullio)",
				example = "1073741824") @Nullable Long size,
		@Schema(description = "Further creation parameters, each one the handler accepts (see GET /api/v1/handlers/{handler})",
				example = "{\"nv_cache\": \"1\"}") @Nullable Map<String, String> parameters) {

}
