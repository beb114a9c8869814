package io.scst.manager.sysfs.simulation;

import io.scst.manager.sysfs.Errno;

/** Factories and formats for simulated attribute files. */
final class Attr {

	static final String KEY = "[key]\n";

	private static final Node.Kind READ_ONLY = new Node.Kind(0444, Node.Queue.DIRECT, Node.Precheck.ALWAYS, false);

	private static final Node.Kind READ_ONLY_QUEUED = new Node.Kind(0444, Node.Queue.DIRECT, Node.Precheck.ALWAYS,
			true);

	private static final Node.Kind READ_WRITE = new Node.Kind(0644, Node.Queue.DIRECT, Node.Precheck.ALWAYS, false);

	private static final Node.Kind READ_WRITE_QUEUED = new Node.Kind(0644, Node.Queue.QUEUED, Node.Precheck.ALWAYS,
			false);

	private static final Node.Kind WRITE_ONLY = new Node.Kind(0200, Node.Queue.DIRECT, Node.Precheck.ALWAYS, false);

	private static final Node.Kind WRITE_ONLY_QUEUED = new Node.Kind(0200, Node.Queue.QUEUED, Node.Precheck.ALWAYS,
			false);

	private Attr() {
	}

	/** {@code value\n}, followed by {@code [key]\n} when {@code key}. */
	static String keyed(Object value, boolean key) {
		return value + "\n" + (key ? KEY : "");
	}

	static String line(Object value) {
		return value + "\n";
	}

	/** Read-only (0444). */
	static Node.File ro(String name, Node.Reader reader) {
		return new Node.File(name, READ_ONLY, reader, null);
	}

	/** Read-only (0444), read through the management queue. */
	static Node.File roQueued(String name, Node.Reader reader) {
		return new Node.File(name, READ_ONLY_QUEUED, reader, null);
	}

	/** Read-write (0644), written directly. */
	static Node.File rw(String name, Node.Reader reader, Node.Writer writer) {
		return new Node.File(name, READ_WRITE, reader, writer);
	}

	/** Read-write (0644), written through the management queue. */
	static Node.File rwQueued(String name, Node.Reader reader, Node.Writer writer) {
		return new Node.File(name, READ_WRITE_QUEUED, reader, writer);
	}

	/** Read-write (0644), queued when the precheck says so. */
	static Node.File rwQueued(String name, Node.Reader reader, Node.Writer writer, Node.Precheck precheck) {
		return new Node.File(name, new Node.Kind(0644, Node.Queue.QUEUED, precheck, false), reader, writer);
	}

	/** Write-only (0200). */
	static Node.File wo(String name, Node.Writer writer, Node.Queue queue) {
		return new Node.File(name, (queue == Node.Queue.DIRECT) ? WRITE_ONLY : WRITE_ONLY_QUEUED, null, writer);
	}

	/** The text up to the first newline. */
	static String firstLine(String data) {
		int nl = data.indexOf('\n');
		return (nl >= 0) ? data.substring(0, nl) : data;
	}

	/** The text without one trailing newline. */
	static String chomp(String data) {
		return data.endsWith("\n") ? data.substring(0, data.length() - 1) : data;
	}

	/** The first byte of a buffer as SCST's {@code buf[0]} checks see it. */
	static char first(String data) {
		if (data.isEmpty()) {
			throw new SimErrno(Errno.EINVAL);
		}
		return data.charAt(0);
	}

	/** Case-insensitive prefix match of length min(keyword, written bytes). */
	static boolean prefixMatch(String data, String keyword) {
		int n = Math.min(keyword.length(), data.length());
		return data.regionMatches(true, 0, keyword, 0, n);
	}

}
