package io.scst.manager.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/** Prometheus' {@code promtool} from the {@code PATH} (test helper). */
final class Promtool {

	private Promtool() {
	}

	static @Nullable Path find() {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(java.io.File.pathSeparator)) {
			Path candidate = Path.of(dir, "promtool");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/** Run {@code promtool check metrics} on an exposition. */
	static Result checkMetrics(Path promtool, Path file, String exposition) throws IOException, InterruptedException {
		Files.writeString(file, exposition);
		Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
			.redirectErrorStream(true)
			.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
		return new Result(process.exitValue(),
				new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
	}

	/**
	 * What promtool said.
	 *
	 * @param exitCode 0 clean, 1 unparsable, 3 lint findings
	 * @param output its findings
	 */
	record Result(int exitCode, String output) {

	}

}
