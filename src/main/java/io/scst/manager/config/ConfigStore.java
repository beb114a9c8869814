package io.scst.manager.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The saved configuration file: written atomically (a temporary file in the same
 * directory, mode 0600, flushed to disk, then renamed over the old one) with the previous
 * versions kept as {@code <file>.1} (newest) to {@code <file>.<n>}. A crash at any moment
 * leaves either the old or the new complete file.
 */
public class ConfigStore {

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private final Path file;

	private final int backups;

	/** What this store wrote last, with the file's attributes right after. */
	private @Nullable Written written;

	public ConfigStore(Path file, int backups) {
		this.file = file.toAbsolutePath();
		this.backups = backups;
	}

	/** Where the file is. */
	public Path file() {
		return this.file;
	}

	/**
	 * The saved text.
	 * @return the content, or empty when nothing was saved yet
	 */
	public Optional<String> load() {
		try {
			return Files.exists(this.file) ? Optional.of(Files.readString(this.file)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + this.file, ex);
		}
	}

	/**
	 * Save a new version, unless it equals the saved one.
	 * @param content the text
	 * @return whether anything was written
	 */
	public synchronized boolean save(String content) {
		try {
			if (content.equals(savedText())) {
				return false;
			}
			Path dir = this.file.getParent();
			Files.createDirectories(dir);
			Path temp = createTemp(dir);
			try {
				try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
					ByteBuffer buffer = ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8));
					while (buffer.hasRemaining()) {
						channel.write(buffer);
					}
					channel.force(true);
				}
				rotate();
				Files.move(temp, this.file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			finally {
				Files.deleteIfExists(temp);
			}
			syncDirectory(dir);
			this.written = new Written(content, Files.readAttributes(this.file, BasicFileAttributes.class));
			return true;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot save " + this.file, ex);
		}
	}

	/**
	 * The text saved now: what this store wrote last when the file still has the size,
	 * modification time and inode it had then (nothing is read), else the file's text.
	 */
	private @Nullable String savedText() throws IOException {
		if (!Files.exists(this.file)) {
			return null;
		}
		Written written = this.written;
		if (written != null) {
			BasicFileAttributes now = Files.readAttributes(this.file, BasicFileAttributes.class);
			if (now.size() == written.attributes().size()
					&& now.lastModifiedTime().equals(written.attributes().lastModifiedTime())
					&& java.util.Objects.equals(now.fileKey(), written.attributes().fileKey())) {
				return written.content();
			}
		}
		return Files.readString(this.file);
	}

	/** {@code <file>.<i>} for a backup number. */
	public Path backup(int number) {
		return this.file.resolveSibling(this.file.getFileName() + "." + number);
	}

	private Path createTemp(Path dir) throws IOException {
		String prefix = "." + this.file.getFileName() + ".";
		if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return Files.createTempFile(dir, prefix, ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
		}
		return Files.createTempFile(dir, prefix, ".tmp");
	}

	/** Shift the backups by one; the current file becomes {@code .1} (a hard link). */
	private void rotate() throws IOException {
		if (this.backups == 0 || !Files.exists(this.file)) {
			return;
		}
		Files.deleteIfExists(backup(this.backups));
		for (int i = this.backups - 1; i >= 1; i--) {
			if (Files.exists(backup(i))) {
				Files.move(backup(i), backup(i + 1), StandardCopyOption.ATOMIC_MOVE);
			}
		}
		try {
			Files.createLink(backup(1), this.file);
		}
		catch (UnsupportedOperationException | FileSystemException ex) {
			Files.copy(this.file, backup(1), StandardCopyOption.COPY_ATTRIBUTES);
		}
	}

	private record Written(String content, BasicFileAttributes attributes) {

	}

	private static void syncDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Not every platform can open a directory; the rename is done anyway.
		}
	}

}
