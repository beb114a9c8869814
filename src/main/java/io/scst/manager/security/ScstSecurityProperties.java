package io.scst.manager.security;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Security settings, bound from {@code scst.security.*}.
 *
 * @param tokenFile the file of API tokens ({@code name:role:sha256-hex} per line, see
 * {@link ApiTokens}), or {@code null} (the default) for none; it is read again when it
 * changes
 * @param users HTTP Basic users with bcrypt password hashes; none by default
 * @param requireCredentials refuse anonymous requests even where the simulator default
 * would make them admin; {@code false} by default
 * @param allowAnonymousOnLoopback in kernel mode without credentials, run anyway with
 * anonymous requests as admin, provided {@code server.address} is a loopback address;
 * {@code false} by default (the server then refuses to start)
 * @param maxBodySize the largest request body accepted (413 above); 1 MB by default
 * @param auditFile the audit log, one JSON line per change attempt;
 * {@code data/audit.log} by default
 * @param auditMaxSize the size at which the audit log is rotated; 10 MB by default
 * @param auditKeep how many rotated audit files are kept ({@code audit.log.1} newest); 5
 * by default
 * @param backingFiles which backing files and block devices devices may use
 */
@ConfigurationProperties("scst.security")
@Validated
public record ScstSecurityProperties(@Nullable Path tokenFile, @Valid @DefaultValue List<User> users,
		@DefaultValue("false") boolean requireCredentials, @DefaultValue("false") boolean allowAnonymousOnLoopback,
		@NotNull @DefaultValue("1MB") DataSize maxBodySize, @NotNull @DefaultValue("data/audit.log") Path auditFile,
		@NotNull @DefaultValue("10MB") DataSize auditMaxSize, @Min(0) @DefaultValue("5") int auditKeep,
		@Valid @DefaultValue BackingFiles backingFiles) {

	/**
	 * Whether any credential is configured: a token file or a Basic user.
	 * @return whether callers can authenticate at all
	 */
	public boolean hasCredentials() {
		return this.tokenFile != null || !this.users.isEmpty();
	}

	/**
	 * An HTTP Basic user.
	 *
	 * @param name the user name
	 * @param passwordHash the bcrypt hash of the password ({@code $2a$...}, e.g. from
	 * {@code htpasswd -nbB}); never the password itself
	 * @param role the user's role
	 */
	public record User(@NotBlank String name, @NotBlank String passwordHash, @NotNull Role role) {

	}

	/**
	 * The backing-file policy. In kernel mode it always applies, with
	 * {@code /var/lib/scst-manager} as the allowed directory unless others are given. In
	 * simulator mode it applies only when one of the lists is set.
	 *
	 * @param allowedDirs directories backing files must resolve into (symlinks followed)
	 * @param allowedBlockDevices glob patterns of block devices that may be used, e.g.
	 * {@code /dev/disk/by-id/wwn-*}; none by default
	 */
	public record BackingFiles(@DefaultValue List<Path> allowedDirs, @DefaultValue List<String> allowedBlockDevices) {

		/** The allowed directory in kernel mode when none is configured. */
		public static final Path KERNEL_DEFAULT_DIR = Path.of("/var/lib/scst-manager");

	}

}
