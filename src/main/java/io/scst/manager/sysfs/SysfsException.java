package io.scst.manager.sysfs;

import org.jspecify.annotations.Nullable;

/**
 * Base of every failure of the sysfs gateway. Carries the path and, for writes, the exact
 * text that was written.
 */
public abstract class SysfsException extends RuntimeException {

	private final ScstPath path;

	private final @Nullable String written;

	protected SysfsException(String message, ScstPath path, @Nullable String written, @Nullable Throwable cause) {
		super(message, cause);
		this.path = path;
		this.written = written;
	}

	/** The sysfs path (relative to the SCST root) that was read or written. */
	public ScstPath path() {
		return this.path;
	}

	/** The text written (without the final newline), or {@code null} for a read. */
	public @Nullable String written() {
		return this.written;
	}

}
