package io.scst.manager.session;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A SCSI TransportID (SPC-4 7.6.4) as the session stores it.
 *
 * @param protocolId the protocol identifier (byte 0, bits 0-3)
 * @param protocol its name, e.g. {@code SAS}, {@code iSCSI}, {@code FCP}
 * @param formatCode the format code (byte 0, bits 6-7)
 * @param name the port or initiator name it carries (SAS address, FC N_Port name, iSCSI
 * name, ...), or {@code null} when the protocol or content is not understood
 * @param hex the raw bytes in lower-case hex
 */
@Schema(description = "The session's SCSI TransportID, decoded and raw")
public record TransportId(@Schema(example = "6") int protocolId, @Schema(example = "SAS") String protocol,
		int formatCode, @Schema(example = "0x5feede401fade050") @Nullable String name,
		@Schema(example = "060000005feede401fade050000000000000000000000000") String hex) {

	private static final String[] PROTOCOLS = { "FCP", "SPI", "SSA", "SBP", "SRP", "iSCSI", "SAS", "ADT", "ATA", "UAS",
			"SOP", "PCIe" };

	/**
	 * Decode a TransportID.
	 * @param bytes the bytes as stored
	 * @return the decoded TransportID (name {@code null} where it cannot be decoded)
	 */
	static TransportId decode(byte[] bytes) {
		String hex = HexFormat.of().formatHex(bytes);
		if (bytes.length == 0) {
			return new TransportId(-1, "none", 0, null, hex);
		}
		int protocolId = bytes[0] & 0x0f;
		int formatCode = (bytes[0] >> 6) & 0x03;
		String protocol = (protocolId < PROTOCOLS.length) ? PROTOCOLS[protocolId]
				: ((protocolId == 0x0f) ? "none" : "unknown");
		return new TransportId(protocolId, protocol, formatCode, name(protocolId, formatCode, bytes), hex);
	}

	private static @Nullable String name(int protocolId, int formatCode, byte[] bytes) {
		return switch (protocolId) {
			case 0, 3 -> hex(bytes, 8, 8);
			case 4 -> hex(bytes, 8, 16);
			case 6 -> hex(bytes, 4, 8);
			case 5 -> iscsiName(formatCode, bytes);
			default -> null;
		};
	}

	private static @Nullable String hex(byte[] bytes, int offset, int length) {
		if (bytes.length < offset + length) {
			return null;
		}
		return "0x" + HexFormat.of().formatHex(bytes, offset, offset + length);
	}

	/**
	 * iSCSI: a null-terminated name from byte 4 ({@code name,i,0x<ISID>} in format 1).
	 */
	private static @Nullable String iscsiName(int formatCode, byte[] bytes) {
		if (bytes.length < 5 || formatCode > 1) {
			return null;
		}
		int additional = ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
		int limit = Math.min(bytes.length, 4 + additional);
		int end = 4;
		while (end < limit && bytes[end] != 0) {
			end++;
		}
		String text = new String(bytes, 4, end - 4, StandardCharsets.UTF_8);
		int separator = text.toLowerCase(java.util.Locale.ROOT).indexOf(",i,0x");
		return (separator >= 0) ? text.substring(0, separator) : (text.isEmpty() ? null : text);
	}

}
