package io.scst.manager.security;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which files a device may be backed by. A {@code filename} (an absolute path) is allowed
 * when, resolved as the kernel would open it (every symbolic link followed, {@code ..}
 * applied; for a file that does not exist yet: its deepest existing ancestor), it lies
 * strictly inside one of the allowed directories (themselves resolved the same way), or
 * when it matches one of the allowed block-device glob patterns as given (without
 * {@code .} or {@code ..}) or resolved. Anything else is refused with
 * {@link BackingFileForbiddenException} before a write.
 */
public class BackingFilePolicy {

	private static final Logger logger = LoggerFactory.getLogger(BackingFilePolicy.class);

	private final boolean enforced;

	private final List<Path> allowedDirs;

	private final List<String> patterns;

	private final List<PathMatcher> blockDevices = new ArrayList<>();

	/**
	 * A policy.
	 * @param enforced whether the policy applies at all
	 * @param allowedDirs directories backing files must resolve into
	 * @param allowedBlockDevices glob patterns of allowed block devices
	 */
	public BackingFilePolicy(boolean enforced, List<Path> allowedDirs, List<String> allowedBlockDevices) {
		this.enforced = enforced;
		this.allowedDirs = List.copyOf(allowedDirs);
		this.patterns = List.copyOf(allowedBlockDevices);
		for (String pattern : allowedBlockDevices) {
			this.blockDevices.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
		}
	}

	/**
	 * A policy that allows every file (the simulator without configured directories).
	 * @return the policy
	 */
	public static BackingFilePolicy unrestricted() {
		return new BackingFilePolicy(false, List.of(), List.of());
	}

	/**
	 * The policy for a mode: in kernel mode always enforced (default directory
	 * {@code /var/lib/scst-manager}); on the simulator only when directories or patterns
	 * are configured.
	 * @param simulator whether the gateway is the simulator
	 * @param settings the configured lists
	 * @return the policy
	 */
	static BackingFilePolicy of(boolean simulator, ScstSecurityProperties.BackingFiles settings) {
		boolean configured = !settings.allowedDirs().isEmpty() || !settings.allowedBlockDevices().isEmpty();
		if (simulator && !configured) {
			logger.info("Backing-file policy off: the simulator touches no disks and "
					+ "scst.security.backing-files.* is not set");
			return unrestricted();
		}
		List<Path> dirs = (settings.allowedDirs().isEmpty() && !simulator)
				? List.of(ScstSecurityProperties.BackingFiles.KERNEL_DEFAULT_DIR) : settings.allowedDirs();
		logger.info("Backing files must be inside {} or match {}", dirs, settings.allowedBlockDevices());
		return new BackingFilePolicy(true, dirs, settings.allowedBlockDevices());
	}

	/**
	 * Whether the policy applies.
	 * @return {@code false} when every file is allowed
	 */
	public boolean enforced() {
		return this.enforced;
	}

	/**
	 * Check a backing file before it is given to SCST.
	 * @param field the request field naming the file, for the problem response
	 * @param filename the file as requested
	 * @throws BackingFileForbiddenException when the policy does not allow it
	 */
	public void check(String field, String filename) {
		if (!this.enforced) {
			return;
		}
		Path given;
		try {
			given = Path.of(filename);
		}
		catch (InvalidPathException ex) {
			throw forbidden(field, filename, "'" + filename + "' is not a valid path");
		}
		if (!given.isAbsolute()) {
			throw forbidden(field, filename, "the backing file must be an absolute path");
		}
		Path resolved = resolve(given);
		if (resolved == null) {
			throw forbidden(field, filename, "'" + filename + "' is a symbolic link that cannot be followed");
		}
		for (PathMatcher blockDevice : this.blockDevices) {
			if ((blockDevice.matches(given) && given.equals(given.normalize())) || blockDevice.matches(resolved)) {
				return;
			}
		}
		for (Path dir : this.allowedDirs) {
			Path allowed = resolve(dir.toAbsolutePath().normalize());
			if (allowed != null && resolved.startsWith(allowed) && !resolved.equals(allowed)) {
				return;
			}
		}
		throw forbidden(field, filename,
				"'" + filename + "'" + (resolved.equals(given) ? "" : " (resolving to '" + resolved + "')")
						+ " is not inside an allowed directory " + this.allowedDirs
						+ (this.patterns.isEmpty() ? "" : " and matches no allowed block device " + this.patterns)
						+ " (scst.security.backing-files.*)");
	}

	/**
	 * The real path, as the kernel would open it: symbolic links followed, then
	 * {@code ..} applied. For a path that does not exist, the real path of its deepest
	 * existing ancestor with the rest appended (normalised). {@code null} when a link
	 * cannot be followed (dangling, a loop).
	 */
	static @Nullable Path resolve(Path path) {
		Path existing = path;
		Path rest = null;
		while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
			Path name = existing.getFileName();
			rest = (rest != null && name != null) ? name.resolve(rest) : name;
			existing = existing.getParent();
		}
		if (existing == null) {
			return path.normalize();
		}
		try {
			Path real = existing.toRealPath();
			return (rest != null) ? real.resolve(rest).normalize() : real;
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static BackingFileForbiddenException forbidden(String field, String filename, String reason) {
		return new BackingFileForbiddenException(field, filename, reason);
	}

}
