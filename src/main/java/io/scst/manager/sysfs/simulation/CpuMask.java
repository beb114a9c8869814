package io.scst.manager.sysfs.simulation;

import java.util.BitSet;
import java.util.Locale;

import io.scst.manager.sysfs.Errno;

/** The kernel's hex bitmap format ({@code %*pb}) and parser ({@code bitmap_parse}). */
final class CpuMask {

	private CpuMask() {
	}

	static BitSet all(int cpus) {
		BitSet bits = new BitSet(cpus);
		bits.set(0, cpus);
		return bits;
	}

	/**
	 * Comma-separated 32-bit chunks, most significant first, zero-padded to the width.
	 */
	static String format(BitSet bits, int nbits) {
		StringBuilder out = new StringBuilder();
		int chunk = nbits % 32;
		if (chunk == 0) {
			chunk = 32;
		}
		for (int i = ((nbits + 31) / 32) * 32 - 32; i >= 0; i -= 32) {
			long value = 0;
			for (int b = 0; b < chunk; b++) {
				if (bits.get(i + b)) {
					value |= 1L << b;
				}
			}
			if (!out.isEmpty()) {
				out.append(',');
			}
			int width = (chunk + 3) / 4;
			out.append(String.format(Locale.ROOT, "%0" + width + "x", value));
			chunk = 32;
		}
		return out.toString();
	}

	/** {@code bitmap_parse()}: up to the first newline, chunks parsed from the end. */
	static BitSet parse(String data, int nbits) {
		int nl = data.indexOf('\n');
		String text = (nl >= 0) ? data.substring(0, nl) : data;
		BitSet bits = new BitSet();
		int chunks = (nbits + 31) / 32;
		int end = text.length() - 1;
		int chunk = 0;
		while (true) {
			while (end >= 0 && endOfRegion(text.charAt(end))) {
				end--;
			}
			if (end < 0) {
				break;
			}
			if (chunks-- == 0) {
				throw new SimErrno(Errno.EOVERFLOW);
			}
			long value = 0;
			boolean done = false;
			for (int i = 0; i < 32; i += 4) {
				int c = hex(text.charAt(end--));
				if (c < 0) {
					throw new SimErrno(Errno.EINVAL);
				}
				value |= ((long) c) << i;
				if (end < 0 || endOfRegion(text.charAt(end))) {
					done = true;
					break;
				}
			}
			if (!done && end >= 0 && hex(text.charAt(end)) >= 0) {
				throw new SimErrno(Errno.EOVERFLOW);
			}
			for (int b = 0; b < 32; b++) {
				if ((value & (1L << b)) != 0) {
					bits.set(chunk * 32 + b);
				}
			}
			chunk++;
		}
		if (bits.length() > nbits) {
			throw new SimErrno(Errno.EOVERFLOW);
		}
		return bits;
	}

	private static int hex(char c) {
		return (c < 128) ? Character.digit(c, 16) : -1;
	}

	private static boolean endOfRegion(char c) {
		return MgmtLine.isSpace(c) || c == ',';
	}

}
