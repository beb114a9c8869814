package io.scst.manager;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The command dispatch of {@link ScstManagerApplication#main}. */
class ScstManagerApplicationTests {

	@Test
	void serverArgumentsNameNoCommand() {
		assertThat(ScstManagerApplication.runCommand(new String[0])).isNull();
		assertThat(ScstManagerApplication.runCommand(new String[] { "--scst.sysfs.mode=kernel" })).isNull();
	}

	@Test
	void mountSimulatorIsDispatched() {
		// without a directory the command answers its usage error before mounting
		assertThat(ScstManagerApplication.runCommand(new String[] { "mount-simulator" })).isEqualTo(2);
	}

	@Test
	void healthcheckIsDispatched() {
		assertThat(ScstManagerApplication.runCommand(new String[] { "healthcheck", "a", "b" })).isEqualTo(2);
	}

}
