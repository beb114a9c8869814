package io.scst.manager.web;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

/**
 * Entity tags of API resources: a strong tag computed from the resource's JSON
 * representation, so that it changes exactly when what a client sees changes. A text
 * body, and a {@link CanonicalText} body in any representation, is tagged by its text
 * instead: a resource with several representations has one tag for one state. The
 * resource is read live from SCST each time; nothing is stored.
 */
public class EntityTags {

	private final JsonMapper mapper;

	public EntityTags(JsonMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * The entity tag of a representation.
	 * @param body the response body object
	 * @return the tag, quoted: {@code "3f2a..."}
	 */
	public String of(Object body) {
		MessageDigest digest = sha256();
		if (body instanceof CanonicalText canonical) {
			digest.update(canonical.canonicalText().getBytes(StandardCharsets.UTF_8));
		}
		else if (body instanceof CharSequence text) {
			digest.update(text.toString().getBytes(StandardCharsets.UTF_8));
		}
		else {
			// The JSON goes straight into the digest: no copy of the body is kept.
			this.mapper.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), digest), body);
		}
		return format(digest);
	}

	/**
	 * The entity tag of a JSON representation already written: the same tag as
	 * {@link #of(Object)} gives the object that was written as these bytes.
	 * @param json the buffer holding the JSON
	 * @param length how many bytes of it, from the start
	 * @return the tag, quoted
	 */
	static String ofJson(byte[] json, int length) {
		MessageDigest digest = sha256();
		digest.update(json, 0, length);
		return format(digest);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static String format(MessageDigest digest) {
		return '"' + HexFormat.of().formatHex(digest.digest(), 0, 16) + '"';
	}

	/**
	 * Whether a representation with this tag is one the client has, by its
	 * {@code If-None-Match} headers (RFC 9110, 13.1.2): {@code *}, or a listed tag that
	 * matches by weak comparison ({@code W/"x"} matches {@code "x"}). A value that is not
	 * a list of tags matches nothing, so the request is answered in full.
	 * @param tag the representation's tag, quoted
	 * @param ifNoneMatch the values of the request's {@code If-None-Match} headers
	 * @return whether the answer is {@code 304 Not Modified}
	 */
	static boolean matchesIfNoneMatch(String tag, List<String> ifNoneMatch) {
		for (String header : ifNoneMatch) {
			for (String item : header.split(",")) {
				String candidate = item.strip();
				if (candidate.equals("*")) {
					return true;
				}
				if (candidate.startsWith("W/")) {
					candidate = candidate.substring(2);
				}
				if (candidate.length() >= 2 && candidate.equals(tag)) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Parse an {@code If-Match} header value: {@code *} or a list of quoted tags. Weak
	 * tags ({@code W/"..."}) never match, as RFC 9110 requires strong comparison.
	 * @param header the header value
	 * @return the tags, with their quotes; {@code ["*"]} for the wildcard
	 */
	static List<String> parseIfMatch(String header) {
		List<String> tags = new ArrayList<>();
		String value = header.strip();
		if (value.equals("*")) {
			tags.add("*");
			return tags;
		}
		int i = 0;
		while (i < value.length()) {
			char c = value.charAt(i);
			if (c == '"') {
				int end = value.indexOf('"', i + 1);
				if (end < 0) {
					throw new IllegalArgumentException("If-Match: unterminated entity tag");
				}
				tags.add(value.substring(i, end + 1));
				i = end + 1;
			}
			else if (c == 'W' && value.startsWith("W/\"", i)) {
				int end = value.indexOf('"', i + 3);
				if (end < 0) {
					throw new IllegalArgumentException("If-Match: unterminated entity tag");
				}
				i = end + 1;
			}
			else if (c == ',' || c == ' ' || c == '\t') {
				i++;
			}
			else {
				throw new IllegalArgumentException("If-Match: expected '*' or quoted entity tags, got '"
						+ new String(value.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII) + "'");
			}
		}
		if (tags.isEmpty() && !value.contains("W/")) {
			throw new IllegalArgumentException("If-Match: expected '*' or quoted entity tags");
		}
		return tags;
	}

}
