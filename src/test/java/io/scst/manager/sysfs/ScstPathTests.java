package io.scst.manager.sysfs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Paths below the SCST root. */
class ScstPathTests {

	@Test
	void resolvesNamesAndPaths() {
		ScstPath targets = ScstPath.of("targets", "scst_local");
		assertThat(targets.resolve("lt", "luns")).isEqualTo(ScstPath.of("targets/scst_local/lt/luns"));
		assertThat(targets.resolve(ScstPath.of("lt/mgmt")).segments()).containsExactly("targets", "scst_local", "lt",
				"mgmt");
		assertThat(ScstPath.ROOT.resolve("version").toString()).isEqualTo("version");
		assertThat(targets.resolve()).isEqualTo(targets);
	}

	@Test
	void resolvingNeverEscapesTheRoot() {
		ScstPath devices = ScstPath.of("devices");
		assertThatIllegalArgumentException().isThrownBy(() -> devices.resolve(".."));
		assertThatIllegalArgumentException().isThrownBy(() -> devices.resolve("a/b"));
		assertThatIllegalArgumentException().isThrownBy(() -> devices.resolve(""));
		assertThatIllegalArgumentException().isThrownBy(() -> devices.resolve("x\0"));
	}

}
