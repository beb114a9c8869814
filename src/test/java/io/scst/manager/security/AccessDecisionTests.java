package io.scst.manager.security;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** {@link AccessDecision}: when requests without credentials are admin. */
class AccessDecisionTests {

	@Test
	void makesAnonymousAdminOnTheSimulatorOnLoopbackWithoutCredentials() {
		assertThat(AccessDecision.decide(true, "127.0.0.1", properties(null, false, false)).anonymousAdmin()).isTrue();
		assertThat(AccessDecision.decide(true, "::1", properties(null, false, false)).anonymousAdmin()).isTrue();
	}

	@Test
	void requiresCredentialsOnTheSimulatorElsewhere() {
		assertThat(AccessDecision.decide(true, "0.0.0.0", properties(null, false, false)).anonymousAdmin()).isFalse();
		assertThat(AccessDecision.decide(true, null, properties(null, false, false)).anonymousAdmin()).isFalse();
		assertThat(AccessDecision.decide(true, "127.0.0.1", properties(null, true, false)).anonymousAdmin()).isFalse();
		assertThat(
				AccessDecision.decide(true, "127.0.0.1", properties(Path.of("tokens"), false, false)).anonymousAdmin())
			.isFalse();
	}

	@Test
	void refusesKernelModeWithoutCredentials() {
		assertThatIllegalStateException()
			.isThrownBy(() -> AccessDecision.decide(false, "127.0.0.1", properties(null, false, false)))
			.withMessageContaining("Refusing to start in kernel mode without credentials");
		assertThatIllegalStateException()
			.isThrownBy(() -> AccessDecision.decide(false, "0.0.0.0", properties(null, false, true)))
			.withMessageContaining("not a loopback address");
	}

	@Test
	void allowsAnonymousKernelModeOnLoopbackOnlyWhenAskedTo() {
		assertThat(AccessDecision.decide(false, "127.0.0.1", properties(null, false, true)).anonymousAdmin()).isTrue();
		assertThat(
				AccessDecision.decide(false, "10.0.0.1", properties(Path.of("tokens"), false, false)).anonymousAdmin())
			.isFalse();
	}

	private static ScstSecurityProperties properties(Path tokenFile, boolean requireCredentials,
			boolean allowAnonymousOnLoopback) {
		return new ScstSecurityProperties(tokenFile, List.of(), requireCredentials, allowAnonymousOnLoopback,
				DataSize.ofMegabytes(1), Path.of("audit.log"), DataSize.ofMegabytes(10), 5,
				new ScstSecurityProperties.BackingFiles(List.of(), List.of()));
	}

}
