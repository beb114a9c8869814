package io.scst.manager.sysfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A path below the SCST sysfs root ({@code /sys/kernel/scst_tgt}), as a list of entry
 * names. The empty path is the root itself. Entry names are what the kernel shows, so an
 * object name containing {@code /} appears here with {@code !} (see
 * {@link #entryName(String)}).
 */
public final class ScstPath {

	/** The root directory. */
	public static final ScstPath ROOT = new ScstPath(new String[0]);

	/** The entry names, valid and never changed. */
	private final String[] segments;

	/** {@code String.join("/", segments)}, made when first asked for. */
	private @Nullable String text;

	private int hash;

	/**
	 * @param segments the entry names from the root down
	 * @throws IllegalArgumentException when a name is not a valid entry name
	 */
	public ScstPath(List<String> segments) {
		this(checked(segments.toArray(new String[0]), 0));
	}

	/** Paths are made from checked names only: the array is kept as it is. */
	private ScstPath(String[] segments) {
		this.segments = segments;
	}

	private static String[] checked(String[] segments, int from) {
		for (int i = from; i < segments.length; i++) {
			if (segments[i] == null || !isValidSegment(segments[i])) {
				throw new IllegalArgumentException("Invalid sysfs entry name: '" + segments[i] + "'");
			}
		}
		return segments;
	}

	/**
	 * The entry names from the root down.
	 * @return the names (unmodifiable)
	 */
	public List<String> segments() {
		return Collections.unmodifiableList(Arrays.asList(this.segments));
	}

	/**
	 * Parse a slash-separated relative path such as {@code targets/scst_local/mgmt}.
	 * @param path the path text, leading and trailing slashes ignored
	 * @return the path
	 */
	public static ScstPath of(String path) {
		List<String> parts = new ArrayList<>();
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				parts.add(part);
			}
		}
		return new ScstPath(checked(parts.toArray(new String[0]), 0));
	}

	/**
	 * Build a path from entry names.
	 * @param segments the entry names
	 * @return the path
	 */
	public static ScstPath of(String... segments) {
		return new ScstPath(checked(segments.clone(), 0));
	}

	/**
	 * The directory entry name the kernel gives an object: kernfs cannot hold {@code /}
	 * in a name, so SCST's target, session and group directories show it as {@code !}.
	 * @param objectName the object name as used in management commands
	 * @return the entry name
	 */
	public static String entryName(String objectName) {
		return objectName.replace('/', '!');
	}

	public static boolean isValidSegment(String segment) {
		return !segment.isEmpty() && !segment.equals(".") && !segment.equals("..") && segment.indexOf('/') < 0
				&& segment.indexOf('\0') < 0;
	}

	public ScstPath resolve(String... names) {
		String[] all = Arrays.copyOf(this.segments, this.segments.length + names.length);
		System.arraycopy(names, 0, all, this.segments.length, names.length);
		return new ScstPath(checked(all, this.segments.length));
	}

	public ScstPath resolve(ScstPath other) {
		String[] all = Arrays.copyOf(this.segments, this.segments.length + other.segments.length);
		System.arraycopy(other.segments, 0, all, this.segments.length, other.segments.length);
		return new ScstPath(all);
	}

	public boolean isRoot() {
		return this.segments.length == 0;
	}

	public ScstPath parent() {
		if (isRoot()) {
			throw new IllegalStateException("The root has no parent");
		}
		return new ScstPath(Arrays.copyOf(this.segments, this.segments.length - 1));
	}

	public String name() {
		return isRoot() ? "" : this.segments[this.segments.length - 1];
	}

	public int depth() {
		return this.segments.length;
	}

	public boolean startsWith(ScstPath prefix) {
		return this.segments.length >= prefix.segments.length
				&& Arrays.equals(this.segments, 0, prefix.segments.length, prefix.segments, 0, prefix.segments.length);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return this == other || (other instanceof ScstPath path && Arrays.equals(this.segments, path.segments));
	}

	@Override
	public int hashCode() {
		int hash = this.hash;
		if (hash == 0) {
			hash = Arrays.hashCode(this.segments);
			this.hash = hash;
		}
		return hash;
	}

	@Override
	public String toString() {
		String text = this.text;
		if (text == null) {
			text = String.join("/", this.segments);
			this.text = text;
		}
		return text;
	}

}
