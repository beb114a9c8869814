package io.scst.manager.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.scst.manager.security.ApiTokens;
import io.scst.manager.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code create-token} command. */
class CreateTokenCommandTests {

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void printsATokenAndTheLineThatAcceptsIt(@TempDir Path dir) throws IOException {
		assertThat(run("deploy", "operator")).isZero();
		String[] lines = this.out.toString(StandardCharsets.UTF_8).split("\n");
		assertThat(lines).hasSize(4);
		String token = lines[1];
		String line = lines[3];
		assertThat(line).startsWith("deploy:operator:").doesNotContain(token);
		ApiTokens tokens = new ApiTokens(Files.writeString(dir.resolve("tokens"), line + "\n"));
		ApiTokens.Entry entry = tokens.verify(token);
		assertThat(entry).isNotNull();
		assertThat(entry.role()).isEqualTo(Role.OPERATOR);
	}

	@Test
	void refusesAWrongUsage() {
		assertThat(run("deploy")).isEqualTo(2);
		assertThat(run("deploy", "root")).isEqualTo(2);
		assertThat(run("a:b", "admin")).isEqualTo(2);
		assertThat(this.out.size()).isZero();
		assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("usage", "not a role", "not a token name");
	}

	private int run(String... args) {
		return CreateTokenCommand.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8));
	}

}
