package io.scst.manager.sysfs.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

import io.scst.manager.sysfs.Errno;

/**
 * What a vdisk handler learns from a device's backing file or block device on this host:
 * its size and whether it supports discard.
 */
final class BackingFile {

	private BackingFile() {
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
