package io.scst.manager.sysfs.simulation;

import java.math.BigInteger;

import io.scst.manager.sysfs.Errno;

/**
 * The kernel's {@code kstrto*()} family with base 0: {@code 0x} hex, leading {@code 0}
 * octal, else decimal; one optional {@code +} (and {@code -} for signed); one trailing
 * newline accepted; anything else is {@code EINVAL}; overflow is {@code ERANGE}.
 */
final class KernelNumbers {

	private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

	private KernelNumbers() {
	}

	/** {@code kstrtoull(s, 0)}. */
	static BigInteger parseUnsigned(String s) {
		String t = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
		if (t.startsWith("+")) {
			t = t.substring(1);
		}
		int radix = 10;
		if (t.length() >= 3 && t.charAt(0) == '0' && (t.charAt(1) == 'x' || t.charAt(1) == 'X')
				&& Character.digit(t.charAt(2), 16) >= 0) {
			radix = 16;
			t = t.substring(2);
		}
		else if (t.startsWith("0")) {
			radix = 8;
		}
		if (t.isEmpty()) {
			throw new SimErrno(Errno.EINVAL);
		}
		BigInteger value = BigInteger.ZERO;
		BigInteger big = BigInteger.valueOf(radix);
		for (int i = 0; i < t.length(); i++) {
			char c = t.charAt(i);
			int digit = (c < 128) ? Character.digit(c, radix) : -1;
			if (digit < 0) {
				throw new SimErrno(Errno.EINVAL);
			}
			value = value.multiply(big).add(BigInteger.valueOf(digit));
			if (value.compareTo(U64_MAX) > 0) {
				throw new SimErrno(Errno.ERANGE);
			}
		}
		return value;
	}

	/** {@code kstrtoll(s, 0)}. */
	static long parseSigned64(String s) {
		if (s.startsWith("-")) {
			BigInteger magnitude = parseUnsigned(s.substring(1));
			if (magnitude.compareTo(BigInteger.ONE.shiftLeft(63)) > 0) {
				throw new SimErrno(Errno.ERANGE);
			}
			return magnitude.negate().longValue();
		}
		BigInteger value = parseUnsigned(s);
		if (value.bitLength() > 63) {
			throw new SimErrno(Errno.ERANGE);
		}
		return value.longValue();
	}

	/** {@code kstrtoul(s, 0)} (64-bit). */
	static long parseUnsignedLong(String s) {
		if (s.startsWith("-")) {
			throw new SimErrno(Errno.EINVAL);
		}
		return parseUnsigned(s).longValue();
	}

	/** {@code kstrtouint(s, 0)}. */
	static long parseUnsignedInt(String s) {
		long value = parseUnsignedLong(s);
		if (Long.compareUnsigned(value, 0xFFFFFFFFL) > 0) {
			throw new SimErrno(Errno.ERANGE);
		}
		return value;
	}

	/** {@code kstrtoint(s, 0)}. */
	static int parseInt(String s) {
		long value = parseSigned64(s);
		if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
			throw new SimErrno(Errno.ERANGE);
		}
		return (int) value;
	}

	/** {@code kstrtol(s, 0)}. */
	static long parseLong(String s) {
		return parseSigned64(s);
	}

	/** {@code kstrtobool()}: {@code 0/1/y/n/on/off} by first characters. */
	static boolean parseBool(String s) {
		if (s.isEmpty()) {
			throw new SimErrno(Errno.EINVAL);
		}
		char c = s.charAt(0);
		switch (c) {
			case 'y', 'Y', 't', 'T', '1':
				return true;
			case 'n', 'N', 'f', 'F', '0':
				return false;
			case 'o', 'O':
				if (s.length() > 1) {
					char d = s.charAt(1);
					if (d == 'n' || d == 'N') {
						return true;
					}
					if (d == 'f' || d == 'F') {
						return false;
					}
				}
				throw new SimErrno(Errno.EINVAL);
			default:
				throw new SimErrno(Errno.EINVAL);
		}
	}

}
