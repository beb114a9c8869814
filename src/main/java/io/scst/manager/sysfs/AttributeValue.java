package io.scst.manager.sysfs;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One attribute file as read now.
 *
 * @param value the value without SCST's {@code [key]} line and without the final line end
 * @param nonDefault whether SCST marks the value {@code [key]} (a value a configuration
 * must keep)
 * @param writable whether the file can be written
 */
@Schema(description = "An attribute file: its value, whether SCST marks it non-default ([key]), whether it is writable")
public record AttributeValue(@Schema(example = "PERIPHERAL") String value, boolean nonDefault, boolean writable) {

}
