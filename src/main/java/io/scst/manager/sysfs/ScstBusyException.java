package io.scst.manager.sysfs;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * SCST kept answering {@code EAGAIN} past the configured timeout. The operation may still
 * complete in the kernel; the caller should retry later.
 */
public class ScstBusyException extends SysfsException {

	private final Duration waited;

	public ScstBusyException(ScstPath path, @Nullable String written, Duration waited) {
		super("SCST still busy after " + waited.toMillis() + " ms "
				+ ((written != null) ? "writing '" + written.strip() + "' to " : "reading ") + path, path, written,
				null);
		this.waited = waited;
	}

	public Duration waited() {
		return this.waited;
	}

}
