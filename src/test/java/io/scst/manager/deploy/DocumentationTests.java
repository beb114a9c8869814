package io.scst.manager.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * README.md stays a short entry point, and every relative link of README.md and
 * {@code docs/*.md} points to a file of the repository (and, with {@code #}, to a heading
 * of a Markdown file).
 */
class DocumentationTests {

	private static final Path README = Path.of("README.md");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	@Test
	void readmeIsShortAndHasTheNewcomersCommands() {
		List<String> lines = DeploymentFiles.lines(README);
		assertThat(lines).hasSizeLessThan(300);
		assertThat(DeploymentFiles.read(README)).contains("./mvnw spring-boot:run").contains("./mvnw verify");
	}

	@Test
	void relativeLinksPointToFilesAndHeadingsOfTheRepository() {
		List<String> broken = new ArrayList<>();
		for (Path document : documents()) {
			Matcher link = LINK.matcher(DeploymentFiles.read(document));
			while (link.find()) {
				String target = link.group(1);
				if (target.matches("[a-z]+:.*")) {
					continue;
				}
				int hash = target.indexOf('#');
				String file = (hash < 0) ? target : target.substring(0, hash);
				Path resolved = file.isEmpty() ? document : document.resolveSibling(file).normalize();
				if (!Files.exists(resolved)) {
					broken.add(document + ": " + target + " (no file " + resolved + ")");
				}
				else if (hash >= 0 && !anchors(resolved).contains(target.substring(hash + 1))) {
					broken.add(document + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).isEmpty();
	}

	private static List<Path> documents() {
		List<Path> documents = new ArrayList<>(List.of(README));
		try (Stream<Path> docs = Files.list(Path.of("docs"))) {
			docs.filter((path) -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return documents;
	}

	/** GitHub's anchors of a Markdown file's headings (outside code blocks). */
	private static List<String> anchors(Path file) {
		List<String> anchors = new ArrayList<>();
		if (!file.toString().endsWith(".md")) {
			return anchors;
		}
		boolean code = false;
		for (String line : DeploymentFiles.lines(file)) {
			if (line.startsWith("```")) {
				code = !code;
			}
			else if (!code && line.startsWith("#")) {
				String heading = line.replaceFirst("^#+\\s*", "").toLowerCase(Locale.ROOT);
				anchors.add(heading.replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
			}
		}
		return anchors;
	}

}
