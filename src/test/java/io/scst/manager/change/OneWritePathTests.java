package io.scst.manager.change;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The code shows one entry point for changes: outside the gateway ({@code sysfs/}) and
 * the pipeline ({@code change/}), no main source calls the gateway's write methods.
 */
class OneWritePathTests {

	private static final Path MAIN = Path.of("src/main/java/io/scst/manager");

	/** A call of a write method on something named like the gateway. */
	private static final Pattern GATEWAY_WRITE = Pattern
		.compile("\\b(?:this\\.)?(?:\\w*[sS]ysfs|gateway)\\s*\\.\\s*(?:mgmt|write|writeBytes)\\s*\\(");

	@Test
	void onlyTheGatewayAndThePipelineWriteToSysfs() throws IOException {
		List<String> outside = new ArrayList<>();
		List<String> inside = new ArrayList<>();
		try (Stream<Path> files = Files.walk(MAIN)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String relative = MAIN.relativize(file).toString();
				Matcher matcher = GATEWAY_WRITE.matcher(Files.readString(file));
				while (matcher.find()) {
					boolean allowed = relative.startsWith("sysfs/") || relative.startsWith("change/");
					(allowed ? inside : outside).add(relative + ": " + matcher.group());
				}
			}
		}
		assertThat(inside).as("the pattern finds the pipeline's own writes").anyMatch((w) -> w.startsWith("change/"));
		assertThat(outside).as("gateway writes outside sysfs/ and change/").isEmpty();
	}

}
