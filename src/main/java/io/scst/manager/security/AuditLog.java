package io.scst.manager.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import io.scst.manager.sysfs.InvalidNameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log: one JSON line per change attempt in its own file (never the application
 * log), rotated by size: {@code audit.log} is renamed {@code audit.log.1} (the older ones
 * shift up, the oldest beyond {@code keep} is deleted) when it would grow past the
 * maximum.
 */
public class AuditLog {

	private static final Logger logger = LoggerFactory.getLogger(AuditLog.class);

	/** The largest page size of {@link #page}. */
	public static final int MAX_PAGE_SIZE = 1000;

	private final Path file;

	private final long maxBytes;

	private final int keep;

	private final JsonMapper mapper;

	AuditLog(Path file, long maxBytes, int keep, JsonMapper mapper) {
		this.file = file;
		this.maxBytes = maxBytes;
		this.keep = keep;
		this.mapper = mapper;
	}

	/**
	 * Append an entry. A failure to write is logged, not thrown: the response was already
	 * decided.
	 * @param entry the entry
	 */
	public synchronized void append(AuditEntry entry) {
		byte[] line = (this.mapper.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
		try {
			Path parent = this.file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			if (Files.exists(this.file) && Files.size(this.file) + line.length > this.maxBytes) {
				rotate();
			}
			Files.write(this.file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			logger.error("Cannot write the audit log {}: {}", this.file, ex.toString());
		}
	}

	private void rotate() throws IOException {
		if (this.keep == 0) {
			Files.delete(this.file);
			return;
		}
		Files.deleteIfExists(rotated(this.keep));
		for (int i = this.keep - 1; i >= 1; i--) {
			if (Files.exists(rotated(i))) {
				Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
			}
		}
		Files.move(this.file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
	}

	private Path rotated(int n) {
		return this.file.resolveSibling(this.file.getFileName() + "." + n);
	}

	/**
	 * A page of entries, newest first, across the current and the rotated files. Only the
	 * files that hold entries of the page are read into memory; the others are counted.
	 * @param page the page number, from 0
	 * @param size entries per page, 1 to {@value #MAX_PAGE_SIZE}
	 * @return the page
	 * @throws InvalidNameException (400) for a page or size out of range
	 */
	public synchronized AuditPage page(int page, int size) {
		if (page < 0) {
			throw new InvalidNameException("page", "must not be negative");
		}
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidNameException("size", "must be from 1 to " + MAX_PAGE_SIZE);
		}
		long from = (long) page * size;
		long to = from + size;
		long total = 0;
		List<AuditEntry> entries = new ArrayList<>();
		for (int i = 0; i <= this.keep; i++) {
			Path file = (i == 0) ? this.file : rotated(i);
			long count = count(file);
			if (total + count > from && total < to) {
				List<String> lines = new ArrayList<>(read(file));
				Collections.reverse(lines);
				for (long n = Math.max(from, total); n < Math.min(to, total + count); n++) {
					entries.add(parse(lines.get((int) (n - total))));
				}
			}
			total += count;
		}
		return new AuditPage(page, size, total, entries);
	}

	/**
	 * The entries of a file, counted without keeping them: only the files a page needs
	 * are held in memory.
	 */
	private static long count(Path file) {
		if (!Files.exists(file)) {
			return 0;
		}
		try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
			return lines.filter((line) -> !line.isBlank()).count();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new UncheckedIOException("Cannot read the audit log " + file,
					(ex instanceof IOException io) ? io : ((UncheckedIOException) ex).getCause());
		}
	}

	private AuditEntry parse(String line) {
		try {
			return this.mapper.readValue(line, AuditEntry.class);
		}
		catch (JacksonException ex) {
			return new AuditEntry("", "", "", "", "", "", "unreadable audit line", List.of(), 0, "unreadable", null);
		}
	}

	private static List<String> read(Path file) {
		if (!Files.exists(file)) {
			return List.of();
		}
		try {
			return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter((line) -> !line.isBlank()).toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the audit log " + file, ex);
		}
	}

}
