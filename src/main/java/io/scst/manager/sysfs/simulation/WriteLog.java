package io.scst.manager.sysfs.simulation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;

/** The last write attempts (up to 100,000) and how many there were since start-up. */
final class WriteLog {

	private static final int CAPACITY = 100_000;

	private final Deque<WriteRecord> records = new ArrayDeque<>();

	private long count;

	synchronized void add(ScstPath path, String text, @Nullable Errno errno) {
		this.count++;
		if (this.records.size() == CAPACITY) {
			this.records.removeFirst();
		}
		this.records.addLast(new WriteRecord(Instant.now(), path, text, errno));
	}

	/** The last write attempts, oldest first. */
	synchronized List<WriteRecord> records() {
		return List.copyOf(this.records);
	}

	/** How many write attempts arrived since start-up. */
	synchronized long count() {
		return this.count;
	}

}
