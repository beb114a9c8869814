package io.scst.manager.sysfs;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
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

	@Test
	void pathsMadeAnyWayAreEqualWhenTheirNamesAre() {
		ScstPath lun = ScstPath.of("targets/scst_local/lt/luns/0");
		List<ScstPath> same = List.of(ScstPath.of("targets", "scst_local", "lt", "luns", "0"),
				ScstPath.of("targets", "scst_local").resolve("lt", "luns", "0"),
				ScstPath.of("targets").resolve(ScstPath.of("scst_local/lt/luns/0")),
				ScstPath.of("targets/scst_local/lt/luns/0/mgmt").parent(),
				new ScstPath(List.of("targets", "scst_local", "lt", "luns", "0")));
		for (ScstPath path : same) {
			assertThat(path).isEqualTo(lun).hasSameHashCodeAs(lun).hasToString("targets/scst_local/lt/luns/0");
		}
		assertThat(lun).isNotEqualTo(lun.parent()).isNotEqualTo(ScstPath.of("targets/scst_local/lt/luns/1"));
		assertThat(lun.name()).isEqualTo("0");
		assertThat(lun.depth()).isEqualTo(5);
		assertThat(lun.startsWith(ScstPath.of("targets/scst_local"))).isTrue();
		assertThat(lun.startsWith(ScstPath.of("targets/scst_local/l"))).isFalse();
		assertThat(lun.parent().startsWith(lun)).isFalse();
		assertThat(ScstPath.ROOT.isRoot()).isTrue();
		assertThat(ScstPath.of("/").isRoot()).isTrue();
	}

	@Test
	void aPathCannotBeChangedThroughItsNamesOrWhatItWasMadeFrom() {
		String[] names = { "devices", "disk1" };
		ScstPath path = ScstPath.of(names);
		names[1] = "disk2";
		assertThat(path).hasToString("devices/disk1");
		List<String> segments = path.segments();
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> segments.set(1, "disk2"));
		assertThatIllegalArgumentException().isThrownBy(() -> new ScstPath(List.of("devices", "..")));
		assertThatIllegalArgumentException().isThrownBy(() -> ScstPath.of("devices", "a/b"));
	}

}
