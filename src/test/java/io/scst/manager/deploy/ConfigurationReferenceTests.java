package io.scst.manager.deploy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** README.md's configuration reference names every property of this application. */
class ConfigurationReferenceTests {

	@Test
	void readmeDocumentsEveryProperty() {
		String readme = DeploymentFiles.read(Path.of("README.md"));
		assertThat(DeploymentFiles.properties()).isNotEmpty()
			.allSatisfy((property) -> assertThat(readme).as("README.md table row for %s", property)
				.contains("| `" + property + "` |"));
	}

}
