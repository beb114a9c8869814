package io.scst.manager.device;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Parsing a handler's {@code type} file. */
class ScsiTypeTests {

	@Test
	void parsesNumberAndDescription() {
		assertThat(ScsiType.parse("0 - Direct-access device (e.g., magnetic disk)\n"))
			.isEqualTo(new ScsiType(0, "Direct-access device (e.g., magnetic disk)"));
		assertThat(ScsiType.parse("5 - CD-ROM device")).isEqualTo(new ScsiType(5, "CD-ROM device"));
	}

	@Test
	void keepsTextWithoutANumberAsDescription() {
		assertThat(ScsiType.parse("unknown")).isEqualTo(new ScsiType(null, "unknown"));
		assertThat(ScsiType.parse("x - y")).isEqualTo(new ScsiType(null, "x - y"));
	}

}
