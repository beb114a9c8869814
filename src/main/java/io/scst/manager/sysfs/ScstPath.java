package io.scst.manager.sysfs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A path below the SCST sysfs root ({@code /sys/kernel/scst_tgt}), as a list of entry
 * names. The empty path is the root itself. Entry names are what the kernel shows, so an
 * object name containing {@code /} appears here with {@code !} (see
 * {@link #entryName(String)}).
 *
 * @param segments the entry names from the root down
 */
public record ScstPath(List<String> segments) {

	/** The root directory. */
	public static final ScstPath ROOT = new ScstPath(List.of());

	public ScstPath {
		segments = List.copyOf(segments);
		for (String segment : segments) {
			if (!isValidSegment(segment)) {
				throw new IllegalArgumentException("Invalid sysfs entry name: '" + segment + "'");
			}
		}
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
		return new ScstPath(parts);
	}

	/**
	 * Build a path from entry names.
	 * @param segments the entry names
	 * @return the path
	 */
	public static ScstPath of(String... segments) {
		return new ScstPath(Arrays.asList(segments));
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
		String[] all = this.segments.toArray(new String[this.segments.size() + names.length]);
		System.arraycopy(names, 0, all, this.segments.size(), names.length);
		return new ScstPath(List.of(all));
	}

	public ScstPath resolve(ScstPath other) {
		String[] all = this.segments.toArray(new String[this.segments.size() + other.segments.size()]);
		for (int i = 0; i < other.segments.size(); i++) {
			all[this.segments.size() + i] = other.segments.get(i);
		}
		return new ScstPath(List.of(all));
	}

	public boolean isRoot() {
		return this.segments.isEmpty();
	}

	public ScstPath parent() {
		if (isRoot()) {
			throw new IllegalStateException("The root has no parent");
		}
		return new ScstPath(this.segments.subList(0, this.segments.size() - 1));
	}

	public String name() {
		return isRoot() ? "" : this.segments.get(this.segments.size() - 1);
	}

	public int depth() {
		return this.segments.size();
	}

	public boolean startsWith(ScstPath prefix) {
		return this.segments.size() >= prefix.segments.size()
				&& this.segments.subList(0, prefix.segments.size()).equals(prefix.segments);
	}

	@Override
	public String toString() {
		return String.join("/", this.segments);
	}

}
