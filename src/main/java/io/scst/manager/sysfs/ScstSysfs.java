package io.scst.manager.sysfs;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The gateway to SCST's sysfs management tree ({@code /sys/kernel/scst_tgt}). Every read
 * goes to the tree (nothing is cached); every write is one {@code write(2)} of the whole
 * text, serialised with the other writes of this gateway, and an {@code EAGAIN} is
 * resolved by polling {@code last_sysfs_mgmt_res}.
 * <p>
 * Failures are typed: {@link KernelRejectedException} with the exact errno,
 * {@link ScstBusyException} when SCST stays busy past the timeout,
 * {@link ScstUnavailableException} when the tree cannot be used.
 */
public interface ScstSysfs {

	/** Which implementation this is. */
	Mode mode();

	/** Where the tree is: the root directory, or a description of the simulator. */
	String location();

	/** Whether the SCST tree is there at all (modules loaded, simulator running). */
	boolean available();

	/**
	 * List a directory.
	 * @param dir the directory
	 * @return its entries, sorted by name
	 */
	List<Entry> list(ScstPath dir);

	/**
	 * Look at one entry without following links.
	 * @param path the entry
	 * @return the entry, or empty when there is none
	 */
	Optional<Entry> stat(ScstPath path);

	/** Whether an entry exists (links are not followed). */
	default boolean exists(ScstPath path) {
		return stat(path).isPresent();
	}

	/**
	 * List a directory that may be missing, in one operation instead of a {@link #stat}
	 * and a {@link #list}.
	 * @param dir the directory
	 * @return its entries sorted by name, or empty when there is no such directory
	 */
	default Optional<List<Entry>> listIfPresent(ScstPath dir) {
		return unlessAbsent(() -> list(dir), Errno.ENOENT, Errno.ENOTDIR);
	}

	/**
	 * Read a link that may be missing, in one operation instead of a {@link #stat} and a
	 * {@link #readLink}.
	 * @param path the link
	 * @return its target exactly as stored, or empty when there is no entry or it is not
	 * a link
	 */
	default Optional<String> readLinkIfPresent(ScstPath path) {
		return unlessAbsent(() -> readLink(path), Errno.ENOENT, Errno.EINVAL);
	}

	/**
	 * Read an attribute that may be missing or unreadable, in one operation instead of a
	 * {@link #stat} and a {@link #read}.
	 * @param path the attribute
	 * @return its content, or empty when there is no such file or it cannot be read
	 */
	default Optional<Attribute> readIfPresent(ScstPath path) {
		return unlessAbsent(() -> read(path), Errno.ENOENT, Errno.EACCES);
	}

	/**
	 * Run an operation; empty when the kernel answers one of the errnos that mean the
	 * entry is not there (as such), any other failure thrown.
	 */
	private static <T> Optional<T> unlessAbsent(Supplier<T> operation, Errno... absent) {
		try {
			return Optional.of(operation.get());
		}
		catch (KernelRejectedException ex) {
			if (List.of(absent).contains(ex.errno())) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Read an attribute to its end. Attributes that SCST reads through its management
	 * queue may answer {@code EAGAIN}; those reads are retried until the timeout.
	 * @param path the attribute
	 * @return its content
	 */
	Attribute read(ScstPath path);

	/**
	 * Read an attribute once, without waiting: an {@code EAGAIN} answer fails at once
	 * with {@link ScstBusyException} (for {@code last_sysfs_mgmt_res} while work is in
	 * flight).
	 * @param path the attribute
	 * @return its content
	 */
	Attribute readWithoutWaiting(ScstPath path);

	/**
	 * Write a value to an attribute, newline-terminated as {@code echo} does.
	 * @param path the attribute
	 * @param value the value (a final newline is added unless present)
	 */
	void write(ScstPath path, String value);

	/**
	 * Write exact bytes to an attribute in one {@code write(2)} (binary attributes such
	 * as {@code transport_id}).
	 * @param path the attribute
	 * @param data the bytes
	 */
	void writeBytes(ScstPath path, byte[] data);

	/**
	 * Run a management command: one newline-terminated write to a {@code mgmt} file,
	 * waiting for SCST's result.
	 * @param mgmt the {@code mgmt} file
	 * @param command the command, e.g. {@code add_device disk1 filename=/d/disk1.img}
	 */
	default void mgmt(ScstPath mgmt, String command) {
		write(mgmt, command);
	}

	/**
	 * Run a management command built by {@link MgmtCommand}.
	 * @param command the command
	 */
	default void mgmt(MgmtCommand command) {
		mgmt(command.file(), command.line());
	}

	/**
	 * How long this gateway waits for SCST: for an {@code EAGAIN} to resolve, and the
	 * bound of {@link #await} for what SCST finishes after a write.
	 * @return the management timeout
	 */
	Duration timeout();

	/**
	 * Wait until something that SCST or the kernel finishes after a write holds (a
	 * deleted session's directory gone, a new SCSI host's scan done), polling it, at most
	 * {@link #timeout()}.
	 * @param condition what to wait for
	 * @return whether it holds (false: the timeout passed first, or the thread was
	 * interrupted)
	 */
	default boolean await(BooleanSupplier condition) {
		long deadline = System.nanoTime() + timeout().toNanos();
		long pause = 1;
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - deadline >= 0) {
				return false;
			}
			try {
				Thread.sleep(pause);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			pause = Math.min(pause * 2, 20);
		}
		return true;
	}

	/**
	 * How many writes this gateway has finished so far (each write counts once, whether
	 * it succeeded or failed, after it returned): a reader that keeps what it read can
	 * tell whether this gateway has changed the tree since. Changes made by others
	 * (another process, the kernel) are not counted.
	 * @return the count, starting at 0
	 */
	long writes();

	/**
	 * Read a link's target exactly as stored (relative).
	 * @param path the link
	 * @return the target text
	 */
	String readLink(ScstPath path);

	/** The implementations. */
	enum Mode {

		/** The live kernel tree. */
		KERNEL,
		/** The embedded simulator. */
		SIMULATOR

	}

}
