package io.scst.manager.device;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;

/**
 * New values for writable attributes of a device.
 *
 * @param attributes the values by attribute name, written in the order given
 */
@Schema(description = "New values for writable attributes of a device")
public record ChangeDeviceRequest(@Schema(description = "New values by attribute name, written in the order given",
		example = "{\"max_tgt_dev_commands\": \"32\"}") @NotEmpty Map<String, String> attributes) {

}
