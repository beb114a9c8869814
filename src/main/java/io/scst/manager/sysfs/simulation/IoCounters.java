package io.scst.manager.sysfs.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A session's I/O counters by data direction: the session's counter files (any write
 * resets a direction), the target-level sums, and the accounting of completed I/O.
 */
final class IoCounters {

	/** Data directions of the I/O counters. */
	enum Direction {

		READ("read", true), WRITE("write", true), BIDI("bidi", true), NONE("none", false), UNKNOWN("unknown", false);

		final String prefix;

		final boolean full;

		/** The counter file names, one set shared by every session. */
		final List<String> counterNames;

		Direction(String prefix, boolean full) {
			this.prefix = prefix;
			this.full = full;
			this.counterNames = full
					? List.of(prefix + "_cmd_count", prefix + "_io_count_kb", prefix + "_unaligned_cmd_count")
					: List.of(prefix + "_cmd_count");
		}

		/** The direction with this file name prefix. */
		static Direction of(String prefix) {
			return Arrays.stream(values())
				.filter((d) -> d.prefix.equals(prefix))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No such data direction: " + prefix));
		}

	}

	/** The counters of one direction. */
	static final class Counters {

		long commands;

		long bytes;

		long unaligned;

	}

	private final Counters read = new Counters();

	private final Counters write = new Counters();

	private final Counters bidi = new Counters();

	private final Counters none = new Counters();

	private final Counters unknown = new Counters();

	Counters of(Direction direction) {
		return switch (direction) {
			case READ -> this.read;
			case WRITE -> this.write;
			case BIDI -> this.bidi;
			case NONE -> this.none;
			case UNKNOWN -> this.unknown;
		};
	}

	/**
	 * Account completed commands: bytes and unaligned commands only count for
	 * {@link Direction#full} directions.
	 */
	void add(Direction direction, long commands, long bytes, long unaligned) {
		Counters counters = of(direction);
		counters.commands += commands;
		if (direction.full) {
			counters.bytes += bytes;
			counters.unaligned += unaligned;
		}
	}

	/** A session's counter files ({@code <direction>_cmd_count} and so on). */
	void addFiles(Node.Dir d) {
		for (Direction direction : Direction.values()) {
			Counters counters = of(direction);
			Node.Writer reset = (data) -> {
				counters.commands = 0;
				counters.bytes = 0;
				counters.unaligned = 0;
			};
			List<String> names = direction.counterNames;
			d.add(Attr.rw(names.get(0), () -> Attr.line(counters.commands), reset));
			if (direction.full) {
				d.add(Attr.rw(names.get(1), () -> Attr.line(counters.bytes >> 10), reset));
				d.add(Attr.rw(names.get(2), () -> Attr.line(counters.unaligned), reset));
			}
		}
	}

	/** A target's counter files: the sums over its sessions. */
	static void addTargetFiles(Node.Dir d, List<SimSession> sessions) {
		for (Direction direction : Direction.values()) {
			for (String counter : direction.counterNames) {
				d.add(Attr.roQueued(counter, () -> Attr.line(sum(sessions, direction, counter))));
			}
		}
	}

	private static long sum(List<SimSession> sessions, Direction direction, String counter) {
		ToLongFunction<Counters> part;
		boolean kilobytes = counter.endsWith("_kb");
		if (kilobytes) {
			part = (c) -> c.bytes;
		}
		else if (counter.contains("unaligned")) {
			part = (c) -> c.unaligned;
		}
		else {
			part = (c) -> c.commands;
		}
		long total = 0;
		for (SimSession session : sessions) {
			total += part.applyAsLong(session.counters.of(direction));
		}
		return kilobytes ? total >> 10 : total;
	}

}
