package io.scst.manager.sysfs.simulation;

import java.nio.charset.StandardCharsets;

/**
 * CRC-32C (Castagnoli, reflected polynomial {@code 0x82F63B78}) started from 0 without
 * final inversion, over a name and its terminating NUL: the seed of vdisk's generated
 * device identifiers.
 */
final class Crc32c {

	private static final int[] TABLE = new int[256];

	static {
		for (int n = 0; n < 256; n++) {
			int c = n;
			for (int k = 0; k < 8; k++) {
				c = ((c & 1) != 0) ? (c >>> 1) ^ 0x82F63B78 : c >>> 1;
			}
			TABLE[n] = c;
		}
	}

	private Crc32c() {
	}

	/** The raw CRC over the ISO-8859-1 bytes of {@code name} followed by a NUL byte. */
	static long raw(String name) {
		int crc = 0;
		byte[] bytes = name.getBytes(StandardCharsets.ISO_8859_1);
		for (byte b : bytes) {
			crc = TABLE[(crc ^ b) & 0xff] ^ (crc >>> 8);
		}
		crc = TABLE[crc & 0xff] ^ (crc >>> 8);
		return crc & 0xFFFFFFFFL;
	}

}
