package io.scst.manager.sysfs;

import org.jspecify.annotations.Nullable;

/**
 * The kernel refused an operation on a sysfs file with an errno: at {@code open()} (for
 * example {@code EACCES} for a read-only attribute), in {@code write()}, in
 * {@code read()}, or through {@code last_sysfs_mgmt_res} after an {@code EAGAIN}.
 */
public class KernelRejectedException extends SysfsException {

	private final Errno errno;

	private final Stage stage;

	public KernelRejectedException(Errno errno, Stage stage, ScstPath path, @Nullable String written) {
		super(describe(errno, stage, path, written), path, written, null);
		this.errno = errno;
		this.stage = stage;
	}

	private static String describe(Errno errno, Stage stage, ScstPath path, @Nullable String written) {
		String what = switch (stage) {
			case OPEN -> "opening";
			case READ -> "reading";
			case WRITE, RESULT -> "writing";
		};
		String command = (written != null) ? " '" + written.strip() + "'" : "";
		return what + command + " " + path + " failed: " + errno.symbol() + " (" + errno.message() + ")";
	}

	public Errno errno() {
		return this.errno;
	}

	public Stage stage() {
		return this.stage;
	}

	/** Where the errno came from. */
	public enum Stage {

		/** {@code open(2)} failed: mode bits or a missing entry. */
		OPEN,
		/** {@code read(2)} failed. */
		READ,
		/** {@code write(2)} failed with the errno of the operation. */
		WRITE,
		/**
		 * The write returned {@code EAGAIN}; this is the result that SCST reported later.
		 */
		RESULT

	}

}
