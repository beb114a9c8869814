package io.scst.manager.mount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.scst.manager.sysfs.simulation.ScstSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import ru.serce.jnrfuse.FuseException;

/**
 * A simulator mounted as a FUSE filesystem (through libfuse 2). Every lookup, read and
 * write reaches the simulator: direct I/O and no entry, attribute or negative caching in
 * the kernel, and no {@code default_permissions}, so the modes are checked the way sysfs
 * checks them (root included). Closing unmounts; the simulator stays open.
 */
public final class SimulatorMount implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(SimulatorMount.class);

	/** The libfuse options: no caching anywhere, every read and write is passed on. */
	static final String OPTIONS = "direct_io,entry_timeout=0,attr_timeout=0,negative_timeout=0,"
			+ "fsname=scst_tgt,subtype=scst_sim";

	private static final Path MOUNT_INFO = Path.of("/proc/self/mountinfo");

	private static final Duration MOUNT_TIMEOUT = Duration.ofSeconds(10);

	private final ScstFileSystem fileSystem;

	private final Path directory;

	private final AtomicBoolean mounted = new AtomicBoolean(true);

	private SimulatorMount(ScstFileSystem fileSystem, Path directory) {
		this.fileSystem = fileSystem;
		this.directory = directory;
	}

	/**
	 * Mount a simulator on an existing directory. Returns when libfuse has mounted it
	 * (jnr-fuse waits up to two seconds for a failure).
	 * @param simulator the simulator to show
	 * @param directory the mount point
	 * @return the mount, to be closed to unmount
	 * @throws IllegalStateException when FUSE is not available or mounting is not
	 * permitted
	 */
	public static SimulatorMount mount(ScstSimulator simulator, Path directory) {
		Path mountPoint = directory.toAbsolutePath().normalize();
		ScstFileSystem fileSystem;
		try {
			fileSystem = new ScstFileSystem(simulator);
			fileSystem.mount(mountPoint, false, false, new String[] { "-o", OPTIONS });
		}
		catch (FuseException | UnsatisfiedLinkError ex) {
			throw new IllegalStateException("Mounting the simulator at " + mountPoint + " failed: " + ex.getMessage()
					+ " (is FUSE available: /dev/fuse, libfuse2, permission to mount?)", ex);
		}
		SimulatorMount mount = new SimulatorMount(fileSystem, mountPoint);
		long deadline = System.nanoTime() + MOUNT_TIMEOUT.toNanos();
		while (!mounted(mountPoint)) {
			if (System.nanoTime() > deadline) {
				mount.close();
				throw new IllegalStateException("Mounting the simulator at " + mountPoint + " failed: libfuse "
						+ "started, but the mount did not appear in " + MOUNT_INFO);
			}
			pause();
		}
		logger.info("Mounted the SCST simulator at {}", mountPoint);
		return mount;
	}

	/** Where the simulator is mounted. */
	public Path directory() {
		return this.directory;
	}

	/** Unmount (once; later calls do nothing). */
	@Override
	public void close() {
		if (!this.mounted.compareAndSet(true, false)) {
			return;
		}
		try {
			this.fileSystem.umount();
		}
		catch (FuseException ex) {
			logger.warn("Unmounting the SCST simulator from {} failed", this.directory, ex);
			return;
		}
		// jnr-fuse starts fusermount without waiting for it
		long deadline = System.nanoTime() + MOUNT_TIMEOUT.toNanos();
		while (mounted(this.directory)) {
			if (System.nanoTime() > deadline) {
				logger.warn("The SCST simulator is still mounted at {} after {}", this.directory, MOUNT_TIMEOUT);
				return;
			}
			pause();
		}
		logger.info("Unmounted the SCST simulator from {}", this.directory);
	}

	/**
	 * Whether a directory is a mount point of this process's mount namespace.
	 * @param directory an absolute, normalized path
	 * @return whether {@code /proc/self/mountinfo} lists it
	 */
	static boolean mounted(Path directory) {
		try (Stream<String> lines = Files.lines(MOUNT_INFO)) {
			return lines.map((line) -> line.split(" "))
				.filter((fields) -> fields.length > 4)
				.anyMatch((fields) -> unescape(fields[4]).equals(directory.toString()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Undo the octal escapes ({@code \040} for a space) of a mountinfo field. */
	private static String unescape(String field) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < field.length(); i++) {
			char c = field.charAt(i);
			if (c == '\\' && i + 3 < field.length()) {
				text.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
				i += 3;
			}
			else {
				text.append(c);
			}
		}
		return text.toString();
	}

	private static void pause() {
		try {
			Thread.sleep(10);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while unmounting", ex);
		}
	}

}
