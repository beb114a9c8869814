package io.scst.manager.sysfs.simulation;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import io.scst.manager.sysfs.Errno;
import io.scst.manager.sysfs.ScstPath;

/**
 * What a vdisk handler learns from a device's backing file or block device on this host:
 * its size and whether it supports discard.
 */
final class BackingFile {

	/** {@code S_IFMT} and {@code S_IFIFO} of {@code stat(2)}. */
	private static final int S_IFMT = 0170000;

	private static final int S_IFIFO = 0010000;

	private BackingFile() {
	}

	private static boolean isFifo(Path path) {
		try {
			return (((Integer) Files.getAttribute(path, "unix:mode")) & S_IFMT) == S_IFIFO;
		}
		catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException ex) {
			return false;
		}
	}

	/**
	 * The open of an {@code add_device}'s backing file, on the work thread before the
	 * command runs. vdisk's {@code attach()} reads the size of its backing with
	 * {@code scst_file_or_bdev_size()}, which opens it {@code O_RDONLY} while SCST's
	 * {@code scst_mutex} is held; for a FIFO that open waits until a writer opens it, so
	 * the command outlives SCST's 15 s wait and the write answers {@code EAGAIN}, then
	 * fails with {@code EINVAL} through {@code last_sysfs_mgmt_res} (seen on Linux 6.1
	 * with SCST 3.11). Only the work thread waits here: reads,
	 * {@code last_sysfs_mgmt_res} among them, go on; later queued work waits behind it,
	 * as behind the mutex.
	 * @param path the file written
	 * @param text the command
	 */
	static void awaitOpen(ScstPath path, String text) {
		String where = path.toString();
		if (!where.startsWith("handlers/") || !path.name().equals("mgmt")) {
			return;
		}
		MgmtLine line = new MgmtLine(text);
		if (!line.lexeme().toLowerCase(java.util.Locale.ROOT).equals("add_device") || line.lexeme().isEmpty()) {
			return;
		}
		MgmtLine params = new MgmtLine(line.rest());
		String filename = null;
		boolean active = true;
		for (String token = params.token(); token != null; token = params.token()) {
			MgmtLine parameter = MgmtLine.of(token);
			String key = parameter.lexeme();
			String value = parameter.lexeme();
			if (key.equals("filename")) {
				filename = value;
			}
			else if (key.equals("active")) {
				active = !value.equals("0");
			}
		}
		if (filename == null || !active) {
			return;
		}
		Path fifo = Path.of(new String(SysfsFiles.latin1(filename), StandardCharsets.UTF_8));
		if (!isFifo(fifo)) {
			return;
		}
		try (FileInputStream opened = new FileInputStream(fifo.toFile())) {
			// opened: a writer came; the command goes on (and fails: not a file)
		}
		catch (IOException ex) {
			// the command's own open reports it
		}
	}

	/**
	 * The size of the backing of an active device, as its handler opens it: vdisk_blockio
	 * opens the path as a block device, which fails for a regular file with
	 * {@code ENOTBLK} (seen on Linux 6.1 with SCST 3.11: {@code add_device} of
	 * vdisk_blockio on a regular file answers {@code -ENOTBLK}).
	 */
	static long size(String filename, SimHandler.Kind kind) {
		long size = size(filename);
		if (kind == SimHandler.Kind.BLOCKIO && isRegularFile(filename)) {
			throw new SimErrno(Errno.ENOTBLK);
		}
		return size;
	}

	private static boolean isRegularFile(String filename) {
		return Files.isRegularFile(Path.of(new String(SysfsFiles.latin1(filename), StandardCharsets.UTF_8)));
	}

	/** The size of a backing file or block device, as the handler opens it. */
	static long size(String filename) {
		Path path = Path.of(new String(SysfsFiles.latin1(filename), StandardCharsets.UTF_8));
		try {
			BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
			if (attributes.isRegularFile()) {
				return attributes.size();
			}
			if (isFifo(path)) {
				// scst_file_or_bdev_size(): neither a regular file nor a block device
				throw new SimErrno(Errno.EINVAL);
			}
			if (attributes.isOther() && Files.isReadable(path)) {
				return blockDeviceSize(path);
			}
			throw new SimErrno(Errno.EINVAL);
		}
		catch (java.nio.file.NoSuchFileException ex) {
			throw new SimErrno(Errno.ENOENT);
		}
		catch (java.nio.file.AccessDeniedException ex) {
			throw new SimErrno(Errno.EACCES);
		}
		catch (IOException ex) {
			throw new SimErrno(Errno.EIO);
		}
	}

	/** Where Linux describes block devices. */
	static final Path SYS_BLOCK = Path.of("/sys/class/block");

	/**
	 * Whether the block device behind a path supports discard
	 * ({@code queue/discard_max_bytes} above 0), as {@code bdev_max_discard_sectors()}
	 * tells the kernel; {@code false} when that cannot be read.
	 * @param sysBlock {@code /sys/class/block}
	 * @param filename the device's path
	 */
	static boolean discardSupported(Path sysBlock, String filename) {
		try {
			Path real = Path.of(new String(SysfsFiles.latin1(filename), StandardCharsets.UTF_8)).toRealPath();
			Path file = sysBlock.resolve(real.getFileName().toString()).resolve("queue/discard_max_bytes");
			return Long.parseLong(Files.readString(file).strip()) > 0;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static long blockDeviceSize(Path device) throws IOException {
		Path real = device.toRealPath();
		Path sizeFile = Path.of("/sys/class/block", real.getFileName().toString(), "size");
		if (!Files.exists(sizeFile, LinkOption.NOFOLLOW_LINKS) && !Files.exists(sizeFile)) {
			throw new SimErrno(Errno.EINVAL);
		}
		return Long.parseLong(Files.readString(sizeFile).strip()) * 512;
	}

}
