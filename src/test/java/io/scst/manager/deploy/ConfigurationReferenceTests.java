package io.scst.manager.deploy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration reference, docs/configuration.md, names every property of this
 * application.
 */
class ConfigurationReferenceTests {

	static final Path REFERENCE = Path.of("docs", "configuration.md");

	@Test
	void configurationReferenceDocumentsEveryProperty() {
		String reference = DeploymentFiles.read(REFERENCE);
		assertThat(DeploymentFiles.properties()).isNotEmpty()
			.allSatisfy((property) -> assertThat(reference).as("%s table row for %s", REFERENCE, property)
				.contains("| `" + property + "` |"));
	}

}
