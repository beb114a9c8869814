package io.scst.manager.deploy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production JVM flags are set in one place per way of running the server and must
 * agree: {@code JAVA_OPTS} of the systemd environment file (which
 * {@code ProcessBenchmark} measures), the Dockerfile's training run and
 * {@code ENTRYPOINT}, the {@code jvmArguments} of {@code ./mvnw spring-boot:run}; the VM
 * test scripts read them from the environment file.
 */
class JvmFlagsTests {

	private static List<String> production() {
		String options = DeploymentFiles.environment(DeploymentFiles.ENVIRONMENT).get("JAVA_OPTS");
		assertThat(options).as("JAVA_OPTS in %s", DeploymentFiles.ENVIRONMENT).isNotBlank();
		return List.of(options.trim().split("\\s+"));
	}

	@Test
	void productionFlagsBoundTheHeap() {
		assertThat(production()).anyMatch((flag) -> flag.startsWith("-Xmx"));
	}

	@Test
	void dockerfileEntrypointRunsTheProductionFlagsWithTheTrainedArchive() {
		String dockerfile = DeploymentFiles.read(Path.of("Dockerfile"));
		Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT \\[(.*?)\\]", Pattern.DOTALL).matcher(dockerfile);
		assertThat(entrypoint.find()).isTrue();
		List<String> words = new ArrayList<>();
		Matcher word = Pattern.compile("\"([^\"]*)\"").matcher(entrypoint.group(1));
		while (word.find()) {
			words.add(word.group(1));
		}
		List<String> expected = new ArrayList<>(List.of("java"));
		expected.addAll(production());
		expected.addAll(List.of("-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/app.jar"));
		assertThat(words).isEqualTo(expected);
	}

	@Test
	void dockerfileTrainsTheArchiveWithTheProductionFlags() {
		String dockerfile = DeploymentFiles.read(Path.of("Dockerfile")).replaceAll("\\s*\\\\\\n\\s*", " ");
		assertThat(dockerfile).contains("RUN java " + String.join(" ", production())
				+ " -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/app.jar ");
	}

	@Test
	void vmTestScriptsReadTheProductionFlagsFromTheEnvironmentFile() {
		String heap = production().stream().filter((flag) -> flag.startsWith("-Xmx")).findFirst().orElseThrow();
		Path tests = Path.of("kernel-module", "tests");
		for (Path script : List.of(tests.resolve("server-e2e.sh"), tests.resolve("perf-vm.sh"),
				tests.resolve("e2e/guest-e2e.sh"), tests.resolve("e2e/guest-scstadmin.sh"))) {
			assertThat(DeploymentFiles.read(script)).as("%s repeats the production flags", script)
				.doesNotContain(String.join(" ", production()))
				.doesNotContain(heap);
		}
		// the host script reads JAVA_OPTS and hands it to the guest in /srv/e2e/java-opts
		assertThat(DeploymentFiles.read(tests.resolve("server-e2e.sh")))
			.contains("sed -n 's/^JAVA_OPTS=//p' \"$repo/" + DeploymentFiles.ENVIRONMENT + "\"")
			.contains("\"${java_opts[@]}\"")
			.contains("echo \"$JAVA_OPTS\" > \"$r\"/srv/e2e/java-opts");
		assertThat(DeploymentFiles.read(tests.resolve("e2e/guest-e2e.sh"))).contains("$(cat /srv/e2e/java-opts)");
		assertThat(DeploymentFiles.read(tests.resolve("e2e/guest-scstadmin.sh")))
			.contains("$(cat /srv/e2e/java-opts /srv/e2e/jvm-flags)");
	}

	@Test
	void springBootRunUsesTheProductionFlags() {
		assertThat(DeploymentFiles.read(Path.of("pom.xml")))
			.contains("<jvmArguments>" + String.join(" ", production()) + "</jvmArguments>");
	}

}
