package io.scst.manager.sysfs.simulation;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.scst.manager.sysfs.Errno;

/**
 * A {@code trace_level} attribute of a tracing build: one flag word shared by every file
 * of the same module, shown as the set tokens of the core table and then of the module's
 * own table.
 */
final class TraceLevel {

	/** The core's token table, in display order. */
	static final Map<String, Long> CORE = new LinkedHashMap<>();

	/** The core's own local table (used by the root file). */
	static final Map<String, Long> CORE_LOCAL = new LinkedHashMap<>();

	/** The vdisk handlers' local table. */
	static final Map<String, Long> VDISK_LOCAL = new LinkedHashMap<>();

	/** Default flags of a tracing (non-debug) build. */
	static final long DEFAULT = 0x100L | 0x400L | 0x8L | 0x2000L;

	static {
		CORE.put("out_of_mem", 0x100L);
		CORE.put("minor", 0x200L);
		CORE.put("sg", 0x80L);
		CORE.put("mem", 0x40L);
		CORE.put("buff", 0x20L);
		CORE.put("entryexit", 0x10L);
		CORE.put("pid", 0x8L);
		CORE.put("line", 0x4L);
		CORE.put("function", 0x2L);
		CORE.put("debug", 0x1L);
		CORE.put("special", 0x2000L);
		CORE.put("scsi", 0x1000L);
		CORE.put("mgmt", 0x400L);
		CORE.put("mgmt_dbg", 0x800L);
		CORE.put("flow_control", 0x4000L);
		CORE.put("pr", 0x8000L);
		CORE_LOCAL.put("retry", 0x80000000L);
		CORE_LOCAL.put("scsi_serializing", 0x40000000L);
		CORE_LOCAL.put("data_send", 0x20000000L);
		CORE_LOCAL.put("data_received", 0x01000000L);
		CORE_LOCAL.put("block", 0x10000L);
		VDISK_LOCAL.put("order", 0x80000000L);
	}

	private final Map<String, Long> local;

	private final String help;

	private long flags = DEFAULT;

	TraceLevel(Map<String, Long> local, String help) {
		this.local = local;
		this.help = help;
	}

	String show() {
		StringBuilder out = new StringBuilder();
		appendTokens(out, CORE);
		appendTokens(out, this.local);
		out.append("\n\n\nUsage:\n");
		out.append("\techo \"all|none|default\" >trace_level\n");
		out.append("\techo \"value DEC|0xHEX|0OCT\" >trace_level\n");
		out.append("\techo \"add|del TOKEN\" >trace_level\n");
		out.append("\nwhere TOKEN is one of [function, line, pid, out_of_mem, special, scsi, mgmt, minor, "
				+ "scsi_serializing, retry, pr")
			.append(this.help)
			.append("]\n");
		return out.toString();
	}

	private void appendTokens(StringBuilder out, Map<String, Long> table) {
		for (Map.Entry<String, Long> token : table.entrySet()) {
			if ((this.flags & token.getValue()) != 0) {
				out.append(out.isEmpty() ? "" : " | ").append(token.getKey());
			}
		}
	}

	void write(String data) {
		MgmtLine line = new MgmtLine(data);
		String action = line.lexeme().toLowerCase(Locale.ROOT);
		String arg = line.lexeme();
		switch (action) {
			case "all" -> this.flags = 0xffffffffL;
			case "none", "null" -> this.flags = 0;
			case "default" -> this.flags = DEFAULT;
			case "add", "del" -> {
				long level = lookup(this.local, arg);
				if (level == 0) {
					level = lookup(CORE, arg);
				}
				if (level == 0) {
					throw new SimErrno(Errno.EINVAL);
				}
				this.flags = action.equals("add") ? (this.flags | level) : (this.flags & ~level);
			}
			case "value" -> {
				try {
					this.flags = KernelNumbers.parseUnsignedLong(arg);
				}
				catch (SimErrno ex) {
					throw new SimErrno(Errno.EINVAL);
				}
			}
			default -> throw new SimErrno(Errno.EINVAL);
		}
	}

	private static long lookup(Map<String, Long> table, String token) {
		for (Map.Entry<String, Long> entry : table.entrySet()) {
			if (entry.getKey().equalsIgnoreCase(token)) {
				return entry.getValue();
			}
		}
		return 0;
	}

}
