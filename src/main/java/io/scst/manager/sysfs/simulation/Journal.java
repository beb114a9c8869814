package io.scst.manager.sysfs.simulation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.scst.manager.sysfs.ScstPath;

/**
 * The simulator's persistence: every successful state-changing store is appended to a
 * file (path and text, Base64, one line each) and replayed at the next start.
 */
final class Journal implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Journal.class);

	/**
	 * Applies one entry under the simulator's lock; {@code false} when nothing takes it.
	 */
	interface Replay {

		boolean apply(ScstPath path, String text);

	}

	private @Nullable BufferedWriter writer;

	/** Whether the journal is being replayed (its rewrite is flushed once at the end). */
	private boolean replaying;

	/**
	 * Replay the journal and keep what still applies. The entries that apply are written
	 * to a new file that replaces the journal only when the replay is complete (so a
	 * replay that does not finish leaves the journal as it was), and flushed once at the
	 * end instead of per entry.
	 * @param file the journal
	 * @param replay applies one entry (and through the simulator appends it again)
	 * @return whether any entry applied
	 */
	boolean open(Path file, Replay replay) {
		List<String> entries = new ArrayList<>();
		Path replayed = file.resolveSibling(file.getFileName() + ".replay");
		try {
			if (Files.exists(file)) {
				entries = Files.readAllLines(file, StandardCharsets.US_ASCII);
			}
			Files.createDirectories(file.toAbsolutePath().getParent());
			this.writer = Files.newBufferedWriter(replayed, StandardCharsets.US_ASCII, StandardOpenOption.CREATE,
					StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot open simulator journal " + file, ex);
		}
		this.replaying = true;
		int applied = 0;
		for (String entry : entries) {
			int tab = entry.indexOf('\t');
			if (tab < 0) {
				continue;
			}
			ScstPath path = ScstPath
				.of(new String(Base64.getDecoder().decode(entry.substring(0, tab)), StandardCharsets.UTF_8));
			String text = new String(Base64.getDecoder().decode(entry.substring(tab + 1)), StandardCharsets.ISO_8859_1);
			try {
				if (replay.apply(path, text)) {
					applied++;
				}
			}
			catch (SimErrno ex) {
				logger.warn("Simulator journal: '{}' to {} no longer applies ({})", text.strip(), path,
						ex.errno().symbol());
			}
		}
		this.replaying = false;
		try {
			this.writer.close();
			Files.move(replayed, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			this.writer = Files.newBufferedWriter(file, StandardCharsets.US_ASCII, StandardOpenOption.APPEND,
					StandardOpenOption.WRITE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot replace simulator journal " + file, ex);
		}
		if (applied > 0) {
			logger.info("Simulator state restored from {} ({} writes)", file, applied);
		}
		return applied > 0;
	}

	/** Append a successful store (counter resets are not state). */
	void append(ScstPath path, String text) {
		if (this.writer == null || isCounterReset(path)) {
			return;
		}
		try {
			this.writer.write(Base64.getEncoder().encodeToString(path.toString().getBytes(StandardCharsets.UTF_8)));
			this.writer.write('\t');
			this.writer.write(Base64.getEncoder().encodeToString(SysfsFiles.latin1(text)));
			this.writer.newLine();
			if (!this.replaying) {
				this.writer.flush();
			}
		}
		catch (IOException ex) {
			logger.warn("Writing the simulator journal failed; state will not survive a restart", ex);
		}
	}

	private static boolean isCounterReset(ScstPath path) {
		String name = path.name();
		return name.endsWith("_count") || name.endsWith("_count_kb") || path.segments().contains("latency");
	}

	@Override
	public void close() throws IOException {
		if (this.writer != null) {
			this.writer.close();
			this.writer = null;
		}
	}

}
