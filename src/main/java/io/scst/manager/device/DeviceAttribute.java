package io.scst.manager.device;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One attribute file of a device.
 *
 * @param value the value as read, without SCST's {@code [key]} line and trailing line
 * ends
 * @param nonDefault whether SCST marks the value with {@code [key]}: a non-default value
 * that a saved configuration must keep
 * @param writable whether the attribute can be changed ({@code PATCH})
 */
@Schema(description = "One attribute of a device")
public record DeviceAttribute(@Schema(description = "The value as SCST shows it", example = "64") String value,
		@Schema(description = "Whether SCST marks the value as non-default ([key])",
				example = "false") boolean nonDefault,
		@Schema(description = "Whether the attribute can be changed", example = "true") boolean writable) {

}
