package io.scst.manager.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@link ApiTokens}: the file format, verification and re-reading. */
class ApiTokensTests {

	// SHA-256 of "secret", computed independently (sha256sum)
	private static final String SECRET_SHA256 = "2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b";

	@TempDir
	Path dir;

	@Test
	void verifiesATokenAgainstItsHash() throws IOException {
		Path file = Files.writeString(this.dir.resolve("tokens"), "# comment\n\nci:admin:" + SECRET_SHA256 + "\n");
		ApiTokens tokens = new ApiTokens(file);
		ApiTokens.Entry entry = tokens.verify("secret");
		assertThat(entry).isNotNull();
		assertThat(entry.name()).isEqualTo("ci");
		assertThat(entry.role()).isEqualTo(Role.ADMIN);
		assertThat(tokens.verify("secret2")).isNull();
		assertThat(tokens.verify("")).isNull();
	}

	@Test
	void writesTheLineWithTheSha256OfTheToken() {
		assertThat(ApiTokens.line("ci", Role.VIEWER, "secret")).isEqualTo("ci:viewer:" + SECRET_SHA256);
	}

	@Test
	void refusesMalformedLinesNamingTheLine() throws IOException {
		Path file = Files.writeString(this.dir.resolve("tokens"),
				"ci:admin:" + SECRET_SHA256 + "\nbad:root:" + SECRET_SHA256 + "\n");
		assertThatIllegalStateException().isThrownBy(() -> new ApiTokens(file)).withMessageContaining("line 2");
		Path plain = Files.writeString(this.dir.resolve("plain"), "ci:admin:secret\n");
		assertThatIllegalStateException().isThrownBy(() -> new ApiTokens(plain)).withMessageContaining("SHA-256");
	}

	@Test
	void rereadsTheFileWhenItChanges() throws IOException {
		Path file = this.dir.resolve("tokens");
		ApiTokens tokens = new ApiTokens(file);
		assertThat(tokens.verify("secret")).isNull();
		Files.writeString(file, ApiTokens.line("later", Role.OPERATOR, "secret") + "\n");
		assertThat(tokens.verify("secret")).extracting(ApiTokens.Entry::name).isEqualTo("later");
		Files.writeString(file, "broken\n");
		Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
		assertThat(tokens.verify("secret")).as("keeps the previous tokens").isNotNull();
	}

	@Test
	void generatesDistinctRandomTokens() {
		String one = ApiTokens.newToken();
		assertThat(one).startsWith(ApiTokens.TOKEN_PREFIX).hasSizeGreaterThan(40);
		assertThat(ApiTokens.newToken()).isNotEqualTo(one);
	}

}
