package io.scst.manager.sysfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * The content of an attribute file as read in one go, with SCST's conventions decoded: a
 * line {@code [key]} marks a non-default value that a configuration must keep.
 */
public final class Attribute {

	private static final String KEY_MARKER = "[key]";

	private final byte[] content;

	/** The text and value, computed once when first asked for. */
	private volatile @Nullable String text;

	private volatile @Nullable String value;

	public Attribute(byte[] content) {
		this.content = content.clone();
	}

	public static Attribute of(String text) {
		return new Attribute(text.getBytes(StandardCharsets.UTF_8));
	}

	/** The bytes exactly as read (binary attributes such as {@code transport_id}). */
	public byte[] bytes() {
		return this.content.clone();
	}

	/** The whole content as text, including the marker and line ends. */
	public String text() {
		String text = this.text;
		if (text == null) {
			text = new String(this.content, StandardCharsets.UTF_8);
			this.text = text;
		}
		return text;
	}

	/** Whether the value carries SCST's {@code [key]} marker (a non-default value). */
	public boolean key() {
		String text = text();
		if (!text.contains(KEY_MARKER)) {
			return false;
		}
		for (String line : text.split("\n", -1)) {
			if (line.equals(KEY_MARKER)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The value: the content without the {@code [key]} line and without trailing line
	 * ends. Multi-line values (help texts, {@code version}) keep their inner line ends.
	 */
	public String value() {
		String value = this.value;
		if (value == null) {
			value = parseValue(text());
			this.value = value;
		}
		return value;
	}

	private static String parseValue(String text) {
		CharSequence out = text;
		if (text.contains(KEY_MARKER)) {
			StringBuilder kept = new StringBuilder();
			for (String line : text.split("\n", -1)) {
				if (line.equals(KEY_MARKER)) {
					continue;
				}
				if (!kept.isEmpty()) {
					kept.append('\n');
				}
				kept.append(line);
			}
			out = kept;
		}
		int end = out.length();
		while (end > 0 && out.charAt(end - 1) == '\n') {
			end--;
		}
		return out.subSequence(0, end).toString();
	}

	/** Whether the file read as zero bytes (different from a single empty line). */
	public boolean isEmpty() {
		return this.content.length == 0;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Attribute attribute && Arrays.equals(this.content, attribute.content);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.content);
	}

	@Override
	public String toString() {
		return text();
	}

}
