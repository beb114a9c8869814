package io.scst.manager.security;

import java.nio.file.Path;

import io.scst.manager.ScstManagerApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole application in kernel mode (on an empty directory) without credentials: two
 * full application starts, so in the {@code integration} tier.
 */
@Tag("integration")
class KernelModeStartupTests {

	@TempDir
	Path dir;

	@Test
	void refusesToStartWithoutCredentials() {
		assertThatThrownBy(() -> start()).hasRootCauseInstanceOf(IllegalStateException.class)
			.rootCause()
			.hasMessageContaining("Refusing to start in kernel mode without credentials");
	}

	@Test
	void startsOnLoopbackWhenAnonymousAccessIsAllowedExplicitly() {
		try (ConfigurableApplicationContext context = start("--scst.security.allow-anonymous-on-loopback=true")) {
			assertThat(context.getBean(AccessDecision.class).anonymousAdmin()).isTrue();
			assertThat(context.getBean(BackingFilePolicy.class).enforced()).isTrue();
		}
	}

	private ConfigurableApplicationContext start(String... extra) {
		String[] args = new String[extra.length + 5];
		args[0] = "--scst.sysfs.mode=kernel";
		args[1] = "--scst.sysfs.root=" + this.dir.resolve("scst_tgt");
		args[2] = "--server.port=0";
		args[3] = "--server.address=127.0.0.1";
		args[4] = "--scst.security.audit-file=" + this.dir.resolve("audit.log");
		System.arraycopy(extra, 0, args, 5, extra.length);
		return new SpringApplicationBuilder(ScstManagerApplication.class).run(args);
	}

}
