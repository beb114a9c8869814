package io.scst.manager.sysfs.simulation;

import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.scst.manager.sysfs.Errno;

/**
 * The grammar of vdisk devices: the parameters of {@code add_device} and the values their
 * attributes accept, each mistake {@code EINVAL} as in scst_vdisk.
 */
final class DeviceParameters {

	private DeviceParameters() {
	}

	/**
	 * Parse the parameters of {@code add_device} into a new device: only the handler's
	 * parameters, each {@code key=value} once, numbers as the kernel parses them.
	 * @param device the device being created
	 * @param params the parameters after the device name
	 */
	static void parse(SimDevice device, String params) {
		List<String> allowed = device.handler.allowed();
		MgmtLine line = new MgmtLine(params);
		String token;
		while ((token = line.token()) != null) {
			MgmtLine words = MgmtLine.of(token);
			String param = words.lexeme();
			if (param.isEmpty()) {
				throw new SimErrno(Errno.EINVAL);
			}
			String key = param.toLowerCase(Locale.ROOT);
			if (allowed != null && !allowed.contains(key)) {
				throw new SimErrno(Errno.EINVAL);
			}
			String value = words.lexeme();
			if (value.isEmpty() || !words.lexeme().isEmpty()) {
				throw new SimErrno(Errno.EINVAL);
			}
			switch (key) {
				case "filename" -> {
					if (device.filename != null || !value.startsWith("/")) {
						throw new SimErrno(Errno.EINVAL);
					}
					device.filename = value;
					continue;
				}
				case "dif_filename" -> {
					if (!value.startsWith("/")) {
						throw new SimErrno(Errno.EINVAL);
					}
					continue;
				}
				case "dif_mode" -> {
					device.difMode |= parseDifMode(value);
					continue;
				}
				case "t10_dev_id" -> {
					device.setT10DevId(value);
					continue;
				}
				default -> {
				}
			}
			long signed = KernelNumbers.parseSigned64(value);
			if (key.equals("numa_node_id")) {
				if (signed < -1 || signed > Integer.MAX_VALUE) {
					throw new SimErrno(Errno.EINVAL);
				}
				device.numaNode = (int) signed;
				continue;
			}
			long number = KernelNumbers.parseUnsignedLong(value);
			boolean bit = (number & 1) != 0;
			switch (key) {
				case "write_through" -> device.writeThrough = bit;
				case "nv_cache" -> device.nvCache = bit;
				case "o_direct" -> device.oDirect = bit;
				case "read_only" -> device.readOnly = bit;
				case "dummy" -> {
					if (Long.compareUnsigned(number, 1) > 0) {
						throw new SimErrno(Errno.EINVAL);
					}
					device.dummy = bit;
				}
				case "removable" -> device.removable = bit;
				case "active" -> device.active = bit;
				case "bind_alua_state" -> device.bindAluaState = bit;
				case "rotational" -> device.rotational = bit;
				case "tst" -> {
					if (number != 0 && number != 1) {
						throw new SimErrno(Errno.EINVAL);
					}
					device.tst = (int) number;
				}
				case "thin_provisioned" -> {
					device.thinProvisioned = bit;
					device.thinProvisionedSet = true;
				}
				case "async" -> device.async = number != 0;
				case "size" -> device.size = number;
				case "size_mb" -> device.size = number * 1024 * 1024;
				case "cluster_mode" -> device.clusterMode = bit ? 1 : 0;
				case "blocksize" -> {
					int shift = blockShift(number);
					if (shift < 9) {
						throw new SimErrno(Errno.EINVAL);
					}
					device.blockShift = shift;
				}
				case "dif_type" -> device.difType = number;
				case "dif_static_app_tag" -> {
				}
				case "lb_per_pb_exp" -> device.lbPerPbExp = bit ? 1 : 0;
				default -> throw new SimErrno(Errno.EINVAL);
			}
		}
		if ((device.size & ((1L << device.blockShift) - 1)) != 0) {
			throw new SimErrno(Errno.EINVAL);
		}
	}

	/**
	 * The checks of {@code add_device} after its parameters, in scst_vdisk's order: the
	 * combinations a handler refuses, the device name, a name its handler already has.
	 * @param device the parsed device
	 */
	static void check(SimDevice device) {
		SimHandler.Kind kind = device.handler.kind;
		if (kind == SimHandler.Kind.FILEIO && device.readOnly && (device.writeThrough || device.nvCache)) {
			throw new SimErrno(Errno.EINVAL);
		}
		if ((kind == SimHandler.Kind.FILEIO || kind == SimHandler.Kind.BLOCKIO) && device.filename == null) {
			throw new SimErrno(Errno.EINVAL);
		}
		if (device.name.indexOf('/') >= 0 || device.name.indexOf('.') >= 0) {
			throw new SimErrno(Errno.EINVAL);
		}
		if (device.handler.dir.get(device.name) != null) {
			throw new SimErrno(Errno.EEXIST);
		}
		if (kind == SimHandler.Kind.FILEIO && device.oDirect && !device.async) {
			throw new SimErrno(Errno.EINVAL);
		}
		if (device.difType != 0 && device.difMode == 0 || device.difType == 0 && device.difMode != 0
				|| device.difType > 3) {
			throw new SimErrno(Errno.EINVAL);
		}
	}

	/**
	 * {@code scst_calc_block_shift()}: 0 means 512, otherwise rounded down to a power of
	 * two.
	 */
	static int blockShift(long blockSize) {
		if (blockSize == 0) {
			return 9;
		}
		return 63 - Long.numberOfLeadingZeros(blockSize);
	}

	static int parseDifMode(String value) {
		int mode = 0;
		for (String part : value.split("\\|", -1)) {
			String word = part.strip();
			if (word.isEmpty()) {
				continue;
			}
			mode |= switch (word.toLowerCase(Locale.ROOT)) {
				case "tgt" -> 1;
				case "scst" -> 2;
				case "dev_check" -> 4;
				case "dev_store" -> 8;
				default -> throw new SimErrno(Errno.EINVAL);
			};
		}
		return mode;
	}

	/**
	 * Text up to the first newline; {@code EINVAL} when it does not fit a buffer of
	 * {@code size}.
	 */
	static String limited(String data, int size) {
		String text = Attr.firstLine(data);
		if (text.length() >= size) {
			throw new SimErrno(Errno.EINVAL);
		}
		return cString(text);
	}

	/** What {@code sprintf("%s")} keeps: the text up to a NUL byte. */
	static String cString(String text) {
		int nul = text.indexOf('\0');
		return (nul >= 0) ? text.substring(0, nul) : text;
	}

	static byte[] parseHexId(String data, boolean naa) {
		String text = data;
		int start = 0;
		int end = text.length();
		while (start < end && MgmtLine.isSpace(text.charAt(start))) {
			start++;
		}
		while (end > start && MgmtLine.isSpace(text.charAt(end - 1))) {
			end--;
		}
		text = text.substring(start, end);
		if (text.startsWith("0x")) {
			text = text.substring(2);
		}
		int length = text.length();
		boolean ok;
		if (naa) {
			char first = text.isEmpty() ? '\0' : text.charAt(0);
			ok = length == 0 || (length == 16 && "235".indexOf(first) >= 0) || (length == 32 && first == '6');
		}
		else {
			ok = length == 0 || length == 16 || length == 24 || length == 32;
		}
		if (!ok) {
			throw new SimErrno(Errno.EINVAL);
		}
		try {
			return HexFormat.of().parseHex(text);
		}
		catch (IllegalArgumentException ex) {
			throw new SimErrno(Errno.EINVAL);
		}
	}

	static boolean parsePoolType(String data) {
		if (Attr.prefixMatch(data, "per_initiator")) {
			return false;
		}
		if (Attr.prefixMatch(data, "shared")) {
			return true;
		}
		throw new SimErrno(Errno.EINVAL);
	}

}
