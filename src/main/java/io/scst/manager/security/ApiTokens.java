package io.scst.manager.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API tokens of the token file. One token per line, {@code name:role:sha256-hex}: the
 * token's name (shown as the principal in the audit log), its role and the SHA-256 of the
 * token in lower-case hex. Blank lines and lines starting with {@code #} are ignored.
 * Only hashes are stored; a presented token is hashed and compared with every entry in
 * constant time. The file is read again when its modification time changes; a file that
 * became unreadable or malformed keeps the tokens read last (and is logged).
 */
public final class ApiTokens {

	private static final Logger logger = LoggerFactory.getLogger(ApiTokens.class);

	/** Names of tokens: what the audit log shows as principal. */
	public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

	private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

	/** Prefix of generated tokens, so that they are recognisable in a leak scan. */
	static final String TOKEN_PREFIX = "scst_";

	private final @Nullable Path file;

	private volatile List<Entry> entries = List.of();

	private volatile @Nullable FileTime loaded;

	/**
	 * Tokens from a file; the file is read now (a malformed file fails).
	 * @param file the token file, or {@code null} for no tokens
	 */
	public ApiTokens(@Nullable Path file) {
		this.file = file;
		if (file != null) {
			if (Files.exists(file)) {
				this.entries = parse(file);
				this.loaded = modified(file);
			}
			else {
				logger.warn("The token file {} does not exist (yet): no API token is accepted until it does", file);
			}
		}
	}

	/**
	 * The token entry a presented token matches.
	 * @param token the bearer token
	 * @return the matching entry, or {@code null}
	 */
	public @Nullable Entry verify(String token) {
		byte[] hash = sha256(token);
		Entry found = null;
		for (Entry entry : current()) {
			if (MessageDigest.isEqual(hash, entry.hash()) && found == null) {
				found = entry;
			}
		}
		return found;
	}

	private List<Entry> current() {
		Path file = this.file;
		if (file == null) {
			return this.entries;
		}
		FileTime modified = modified(file);
		if (modified != null && !modified.equals(this.loaded)) {
			synchronized (this) {
				if (!modified.equals(this.loaded)) {
					try {
						this.entries = parse(file);
						logger.info("Read {} API tokens from {}", this.entries.size(), file);
					}
					catch (RuntimeException ex) {
						logger.error("Keeping the previous API tokens: {}", ex.getMessage());
					}
					this.loaded = modified;
				}
			}
		}
		return this.entries;
	}

	private static @Nullable FileTime modified(Path file) {
		try {
			return Files.getLastModifiedTime(file);
		}
		catch (IOException ex) {
			return null;
		}
	}

	/**
	 * Parse a token file.
	 * @param file the file
	 * @return its entries
	 * @throws IllegalStateException naming the line when a line is malformed
	 */
	static List<Entry> parse(Path file) {
		List<String> lines;
		try {
			lines = Files.readAllLines(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the token file " + file, ex);
		}
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			String[] parts = line.split(":", -1);
			String where = file + " line " + (i + 1);
			if (parts.length != 3) {
				throw new IllegalStateException(where + ": expected name:role:sha256-hex");
			}
			if (!NAME.matcher(parts[0]).matches()) {
				throw new IllegalStateException(where + ": '" + parts[0] + "' is not a token name");
			}
			Role role;
			try {
				role = Role.of(parts[1]);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalStateException(where + ": " + ex.getMessage());
			}
			if (!HASH.matcher(parts[2]).matches()) {
				throw new IllegalStateException(where + ": the hash must be 64 lower-case hex digits (SHA-256)");
			}
			entries.add(new Entry(parts[0], role, HexFormat.of().parseHex(parts[2])));
		}
		return List.copyOf(entries);
	}

	/**
	 * A new random token (32 random bytes, URL-safe Base64, with a recognisable prefix).
	 * @return the token
	 */
	public static String newToken() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * The token file line for a token.
	 * @param name the token's name
	 * @param role its role
	 * @param token the token
	 * @return {@code name:role:sha256-hex}
	 */
	public static String line(String name, Role role, String token) {
		return name + ":" + role.id() + ":" + HexFormat.of().formatHex(sha256(token));
	}

	static byte[] sha256(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * One token of the file.
	 *
	 * @param name the token's name
	 * @param role its role
	 * @param hash the SHA-256 of the token
	 */
	public record Entry(String name, Role role, byte[] hash) {

	}

}
