package io.scst.manager.sysfs.simulation;

import io.scst.manager.sysfs.Errno;

/** Factories and formats for simulated attribute files. */
final class Attr {

	static final String KEY = "[key]\n";

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
		return new Node.File(name, 0444, reader, null, Node.Queue.DIRECT, Node.Precheck.ALWAYS, false);
	}

	/** Read-only (0444), read through the management queue. */
	static Node.File roQueued(String name, Node.Reader reader) {
		return new Node.File(name, 0444, reader, null, Node.Queue.DIRECT, Node.Precheck.ALWAYS, true);
	}

	/** Read-write (0644), written directly. */
	static Node.File rw(String name, Node.Reader reader, Node.Writer writer) {
		return new Node.File(name, 0644, reader, writer, Node.Queue.DIRECT, Node.Precheck.ALWAYS, false);
	}

	/** Read-write (0644), written through the management queue. */
	static Node.File rwQueued(String name, Node.Reader reader, Node.Writer writer) {
		return new Node.File(name, 0644, reader, writer, Node.Queue.QUEUED, Node.Precheck.ALWAYS, false);
	}

	/** Read-write (0644), queued when the precheck says so. */
	static Node.File rwQueued(String name, Node.Reader reader, Node.Writer writer, Node.Precheck precheck) {
		return new Node.File(name, 0644, reader, writer, Node.Queue.QUEUED, precheck, false);
	}

	/** Write-only (0200). */
	static Node.File wo(String name, Node.Writer writer, Node.Queue queue) {
		return new Node.File(name, 0200, null, writer, queue, Node.Precheck.ALWAYS, false);
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
