package io.scst.manager.sysfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.scst.manager.sysfs.KernelRejectedException.Stage;

/**
 * The gateway to the live kernel tree. Attribute files are read and written with the C
 * library's {@code open(2)}, {@code read(2)} and {@code write(2)} so that a failure
 * carries the exact errno the kernel returned: a read goes on until {@code read(2)}
 * returns 0 (sysfs reports every attribute as 4096 bytes and hands out at most a page per
 * call), and a write is a single {@code write(2)} of the whole buffer to a file opened
 * without {@code O_CREAT}. Directories and links are inspected without following the last
 * link.
 */
public final class KernelScstSysfs extends AbstractScstSysfs {

	private static final int PAGE = 4096;

	private static final int S_IFMT = 0170000;

	private static final int S_IFDIR = 0040000;

	private static final int S_IFLNK = 0120000;

	private final Path root;

	/**
	 * Create a gateway.
	 * @param root the SCST tree, normally {@code /sys/kernel/scst_tgt}
	 * @param timeout how long to wait for SCST while it answers {@code EAGAIN}
	 * @param listener the observer of writes
	 */
	public KernelScstSysfs(Path root, Duration timeout, GatewayListener listener) {
		super(timeout, listener);
		this.root = root;
	}

	@Override
	public Mode mode() {
		return Mode.KERNEL;
	}

	@Override
	public String location() {
		return this.root.toString();
	}

	@Override
	public boolean available() {
		return Files.isDirectory(this.root);
	}

	@Override
	protected List<Entry> rawList(ScstPath dir) {
		Path directory = resolve(dir);
		List<Entry> entries = new ArrayList<>();
		try (DirectoryStream<Path> children = Files.newDirectoryStream(directory)) {
			for (Path child : children) {
				Integer mode = lstatMode(child);
				if (mode != null) {
					entries.add(new Entry(child.getFileName().toString(), type(mode), mode & 07777));
				}
			}
		}
		catch (NoSuchFileException ex) {
			throw new KernelRejectedException(Errno.ENOENT, Stage.OPEN, dir, null);
		}
		catch (NotDirectoryException ex) {
			throw new KernelRejectedException(Errno.ENOTDIR, Stage.OPEN, dir, null);
		}
		catch (AccessDeniedException ex) {
			throw new KernelRejectedException(Errno.EACCES, Stage.OPEN, dir, null);
		}
		catch (IOException ex) {
			throw unavailable("Cannot list " + directory, dir, ex);
		}
		entries.sort(Comparator.comparing(Entry::name));
		return entries;
	}

	@Override
	protected Optional<Entry> rawStat(ScstPath path) {
		Path file = resolve(path);
		Integer mode;
		try {
			mode = lstatMode(file);
		}
		catch (IOException ex) {
			if (!path.isRoot() && !Files.isDirectory(file.getParent())) {
				// ENOTDIR: a parent is not a directory, so there is no such entry
				return Optional.empty();
			}
			throw unavailable("Cannot stat " + file, path, ex);
		}
		if (mode == null) {
			return Optional.empty();
		}
		return Optional.of(new Entry(path.isRoot() ? "" : path.name(), type(mode), mode & 07777));
	}

	@Override
	protected byte[] rawRead(ScstPath path) {
		LibC.Calls libc = libc(path);
		int fd = libc.open(cPath(path), LibC.O_RDONLY | LibC.O_CLOEXEC);
		if (fd < 0) {
			throw new KernelRejectedException(Errno.of(LibC.lastErrno()), Stage.OPEN, path, null);
		}
		try {
			ByteArrayOutputStream content = new ByteArrayOutputStream(PAGE);
			byte[] buffer = new byte[PAGE];
			while (true) {
				long count = libc.read(fd, buffer, buffer.length);
				if (count == 0) {
					return content.toByteArray();
				}
				if (count < 0) {
					int errno = LibC.lastErrno();
					if (errno == Errno.EINTR.code()) {
						continue;
					}
					throw new KernelRejectedException(Errno.of(errno), Stage.READ, path, null);
				}
				content.write(buffer, 0, (int) count);
			}
		}
		finally {
			libc.close(fd);
		}
	}

	@Override
	protected void rawWrite(ScstPath path, byte[] data) {
		String written = new String(data, StandardCharsets.UTF_8).stripTrailing();
		LibC.Calls libc = libc(path);
		int fd = libc.open(cPath(path), LibC.O_WRONLY | LibC.O_CLOEXEC);
		if (fd < 0) {
			throw new KernelRejectedException(Errno.of(LibC.lastErrno()), Stage.OPEN, path, written);
		}
		try {
			long count = libc.write(fd, data, data.length);
			if (count < 0) {
				throw new KernelRejectedException(Errno.of(LibC.lastErrno()), Stage.WRITE, path, written);
			}
			if (count != data.length) {
				throw new KernelRejectedException(Errno.EIO, Stage.WRITE, path, written);
			}
		}
		finally {
			libc.close(fd);
		}
	}

	@Override
	protected String rawReadLink(ScstPath path) {
		Path link = resolve(path);
		try {
			return Files.readSymbolicLink(link).toString();
		}
		catch (NoSuchFileException ex) {
			throw new KernelRejectedException(Errno.ENOENT, Stage.OPEN, path, null);
		}
		catch (NotLinkException ex) {
			throw new KernelRejectedException(Errno.EINVAL, Stage.READ, path, null);
		}
		catch (IOException ex) {
			throw unavailable("Cannot read link " + link, path, ex);
		}
	}

	private Path resolve(ScstPath path) {
		Path resolved = this.root;
		for (String segment : path.segments()) {
			resolved = resolved.resolve(segment);
		}
		return resolved;
	}

	private byte[] cPath(ScstPath path) {
		return LibC.cPath(resolve(path).toAbsolutePath().toString());
	}

	private static LibC.Calls libc(ScstPath path) {
		try {
			return LibC.calls();
		}
		catch (LinkageError ex) {
			throw new ScstUnavailableException("Cannot bind the C library with jnr-ffi", path, ex);
		}
	}

	/** The full {@code st_mode} of an entry, or {@code null} when it does not exist. */
	private static @Nullable Integer lstatMode(Path path) throws IOException {
		try {
			return (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
	}

	private static Entry.Type type(int mode) {
		return switch (mode & S_IFMT) {
			case S_IFDIR -> Entry.Type.DIRECTORY;
			case S_IFLNK -> Entry.Type.LINK;
			default -> Entry.Type.FILE;
		};
	}

	private static ScstUnavailableException unavailable(String message, ScstPath path, IOException ex) {
		return new ScstUnavailableException(message + ": " + ex, path, ex);
	}

}
