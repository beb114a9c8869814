package io.scst.manager.sysfs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a live SCST tree from {@code src/test/resources/real-captures}: the
 * {@code find} listing and the {@code cat} of every file (formats in that folder's
 * README).
 */
public final class CaptureSnapshot {

	private static final String ROOT = "/sys/kernel/scst_tgt";

	private final Map<ScstPath, Node> nodes;

	private CaptureSnapshot(Map<ScstPath, Node> nodes) {
		this.nodes = nodes;
	}

	/**
	 * Load one moment of one run.
	 * @param run e.g. {@code run1-default}
	 * @param moment e.g. {@code 01-after-load}
	 * @return the snapshot
	 */
	public static CaptureSnapshot load(String run, String moment) {
		String base = "/real-captures/" + run + "/" + moment;
		Map<String, byte[]> contents = parseContents(resource(base + "-contents.txt"));
		Map<ScstPath, Node> nodes = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
		for (String line : resource(base + "-tree.txt").split("\n")) {
			if (line.isBlank()) {
				continue;
			}
			int arrow = line.indexOf(" -> ");
			String head = line.substring(0, arrow);
			String link = line.substring(arrow + 4);
			String[] parts = head.split(" ", 3);
			String path = parts[2];
			if (path.equals(ROOT)) {
				continue;
			}
			Entry.Type type = switch (parts[0]) {
				case "d" -> Entry.Type.DIRECTORY;
				case "l" -> Entry.Type.LINK;
				default -> Entry.Type.FILE;
			};
			int mode = Integer.parseInt(parts[1], 8);
			byte[] content = contents.get(path);
			boolean readable = type == Entry.Type.FILE && content != null;
			ScstPath relative = ScstPath.of(path.substring(ROOT.length() + 1));
			nodes.put(relative,
					new Node(type, mode, (type == Entry.Type.LINK) ? link : null, readable ? content : null, readable));
		}
		return new CaptureSnapshot(Collections.unmodifiableMap(nodes));
	}

	/** Every entry below the root, sorted by path. */
	public Map<ScstPath, Node> nodes() {
		return this.nodes;
	}

	/**
	 * Recreate the snapshot as real directories, files and relative symlinks.
	 * @param dir an empty directory
	 */
	public void materialize(Path dir) {
		try {
			for (Map.Entry<ScstPath, Node> entry : this.nodes.entrySet()) {
				Path target = dir.resolve(entry.getKey().toString());
				Node node = entry.getValue();
				switch (node.type()) {
					case DIRECTORY -> {
						Files.createDirectories(target);
						Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(rwx(node.mode())));
					}
					case LINK -> Files.createSymbolicLink(target, Path.of(node.linkTarget()));
					case FILE -> {
						Files.write(target, (node.content() != null) ? node.content() : new byte[0]);
						Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(rwx(node.mode())));
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String rwx(int mode) {
		StringBuilder out = new StringBuilder();
		String letters = "rwx";
		for (int bit = 8; bit >= 0; bit--) {
			out.append(((mode & (1 << bit)) != 0) ? letters.charAt((8 - bit) % 3) : '-');
		}
		return out.toString();
	}

	private static Map<String, byte[]> parseContents(String text) {
		Map<String, byte[]> contents = new HashMap<>();
		String[] lines = text.split("\n", -1);
		int i = 0;
		while (i < lines.length) {
			String line = lines[i];
			if (!line.startsWith("=== ")) {
				i++;
				continue;
			}
			String path = line.substring(4, line.lastIndexOf(" [mode "));
			i++;
			StringBuilder body = new StringBuilder();
			int count = 0;
			boolean binary = false;
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			while (!lines[i].startsWith("--- rc=")) {
				if (count == 0 && lines[i].startsWith("(binary content, ")) {
					binary = true;
				}
				else if (binary) {
					for (String hex : lines[i].strip().split("\\s+")) {
						bytes.write(Integer.parseInt(hex, 16));
					}
				}
				else {
					body.append(lines[i]).append('\n');
				}
				count++;
				i++;
			}
			int rc = Integer.parseInt(lines[i].substring("--- rc=".length()).strip());
			if (rc == 0) {
				contents.put(path, binary ? bytes.toByteArray() : body.toString().getBytes(StandardCharsets.UTF_8));
			}
			i++;
		}
		return contents;
	}

	private static String resource(String name) {
		try (InputStream in = CaptureSnapshot.class.getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException("No capture " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One entry.
	 *
	 * @param type directory, file or link
	 * @param mode the permission bits
	 * @param linkTarget the relative target of a link
	 * @param content the bytes {@code cat} read from a readable file
	 * @param readable whether the file could be read
	 */
	public record Node(Entry.Type type, int mode, @Nullable String linkTarget, byte @Nullable [] content,
			boolean readable) {
	}

}
