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

	private final @Nullable Integer lastResult;

	public KernelRejectedException(Errno errno, Stage stage, ScstPath path, @Nullable String written) {
		this(errno, stage, path, written, null);
	}

	public KernelRejectedException(Errno errno, Stage stage, ScstPath path, @Nullable String written,
			@Nullable Integer lastResult) {
		super(describe(errno, stage, path, written), path, written, null);
		this.errno = errno;
		this.stage = stage;
		this.lastResult = lastResult;
	}

	/**
	 * A copy of this exception that also carries what {@code last_sysfs_mgmt_res} read
	 * right after the failure.
	 * @param result the value read ({@code 0} or a negative errno)
	 * @return the copy
	 */
	public KernelRejectedException withLastResult(int result) {
		KernelRejectedException copy = new KernelRejectedException(this.errno, this.stage, path(), written(), result);
		copy.setStackTrace(getStackTrace());
		return copy;
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

	/**
	 * What {@code last_sysfs_mgmt_res} read after a failed management write, or
	 * {@code null} when it was not read (reads, attribute writes) or was itself busy.
	 */
	public @Nullable Integer lastResult() {
		return this.lastResult;
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
