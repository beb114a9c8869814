package io.scst.manager.device;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * The SCSI peripheral device type of a handler, as its {@code type} file shows it.
 *
 * @param code the type number ({@code 0} direct access, {@code 5} CD-ROM, ...), or
 * {@code null} when the file does not start with one
 * @param description SCST's description of the type
 */
@Schema(description = "The SCSI peripheral device type a handler serves")
public record ScsiType(
		@Schema(description = "SCSI peripheral device type number", example = "0") @Nullable Integer code,
		@Schema(description = "SCST's description of the type",
				example = "Direct-access device (e.g., magnetic disk)") String description) {

	private static final String SEPARATOR = " - ";

	/**
	 * Parse the content of a {@code type} file, e.g.
	 * {@code 0 - Direct-access device (e.g., magnetic disk)}.
	 * @param text the value read
	 * @return the type
	 */
	static ScsiType parse(String text) {
		String value = text.strip();
		int separator = value.indexOf(SEPARATOR);
		if (separator < 0) {
			return new ScsiType(null, value);
		}
		try {
			return new ScsiType(Integer.valueOf(value.substring(0, separator).strip()),
					value.substring(separator + SEPARATOR.length()).strip());
		}
		catch (NumberFormatException ex) {
			return new ScsiType(null, value);
		}
	}

}
