package io.scst.manager.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.scst.manager.config.ConfigProperties;
import io.scst.manager.gateway.ScstProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The systemd unit under {@code docs/deploy/systemd/}: {@code systemd-analyze verify}
 * accepts it (skipped where systemd-analyze or {@code /usr/bin/java}, which it checks, is
 * missing), and its environment file sets properties that exist.
 */
class SystemdUnitTests {

	private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");

	@TempDir
	Path temp;

	@Test
	void systemdAnalyzeVerifiesTheUnit() throws Exception {
		assumeVerifiable();
		Result result = verify(DeploymentFiles.UNIT);
		assertThat(result.output()).isEmpty();
		assertThat(result.exitCode()).isZero();
	}

	@Test
	void systemdAnalyzeRejectsABrokenCopyOfTheUnit() throws Exception {
		assumeVerifiable();
		Path broken = this.temp.resolve("scst-manager.service");
		Files.writeString(broken, DeploymentFiles.read(DeploymentFiles.UNIT)
			.replace("ExecStart=/usr/bin/java", "ExecStart=/usr/bin/no-such-java"));
		Result result = verify(broken);
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("/usr/bin/no-such-java");
	}

	@Test
	void unitReadsTheEnvironmentFileAndMayWriteOnlyScstAndItsState() {
		List<String> unit = DeploymentFiles.lines(DeploymentFiles.UNIT);
		assertThat(unit).contains("EnvironmentFile=/etc/default/scst-manager", "Restart=on-failure",
				"ReadWritePaths=/sys/kernel/scst_tgt /var/lib/scst-manager", "ProtectSystem=strict",
				"ProtectKernelTunables=yes", "CapabilityBoundingSet=", "NoNewPrivileges=yes");
	}

	@Test
	void environmentFileSetsOnlyPropertiesThatExist() {
		List<String> known = DeploymentFiles.properties().stream().map(DeploymentFiles::environmentName).toList();
		assertThat(known).isNotEmpty();
		assertThat(DeploymentFiles.environment(DeploymentFiles.ENVIRONMENT).keySet())
			.filteredOn((name) -> name.startsWith("SCST_"))
			.isNotEmpty()
			.allSatisfy((name) -> assertThat(known).contains(name));
	}

	@Test
	void environmentFileSelectsKernelModeAndKeepsStateUnderVarLib() {
		Map<String, String> variables = DeploymentFiles.environment(DeploymentFiles.ENVIRONMENT);
		Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.copyOf(variables))));
		ScstProperties scst = binder.bind("scst", Bindable.of(ScstProperties.class)).get();
		ConfigProperties config = binder.bind("scst.config", Bindable.of(ConfigProperties.class)).get();
		assertThat(scst.sysfs().mode()).isEqualTo(ScstProperties.Mode.KERNEL);
		assertThat(scst.sysfs().root()).isEqualTo(Path.of("/sys/kernel/scst_tgt"));
		assertThat(scst.sysfs().mgmtTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(config.path()).startsWithRaw(Path.of("/var/lib/scst-manager"));
		assertThat(variables).containsEntry("SERVER_ADDRESS", "127.0.0.1");
	}

	private static void assumeVerifiable() {
		assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE),
				"systemd unit check skipped: no " + SYSTEMD_ANALYZE + " (Debian package systemd)");
		assumeTrue(Files.isExecutable(Path.of("/usr/bin/java")),
				"systemd unit check skipped: systemd-analyze verify checks ExecStart's /usr/bin/java, which is missing");
	}

	private static Result verify(Path unit) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", unit.toString())
			.redirectErrorStream(true)
			.start();
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
		return new Result(process.exitValue(), output.strip());
	}

	private record Result(int exitCode, String output) {
	}

}
