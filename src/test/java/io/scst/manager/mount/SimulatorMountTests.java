package io.scst.manager.mount;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Mounting and unmounting. */
@EnabledIfFuse
class SimulatorMountTests {

	@TempDir
	Path mountPoint;

	@Test
	void unmountingLeavesTheDirectoryEmpty() throws IOException {
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults())) {
			SimulatorMount mount = SimulatorMount.mount(simulator, this.mountPoint);
			assertThat(mount.directory()).isEqualTo(this.mountPoint.toAbsolutePath());
			assertThat(names()).contains("handlers", "targets", "version");
			mount.close();
			assertThat(names()).isEmpty();
			mount.close();
			assertThat(names()).isEmpty();
		}
	}

	@Test
	void mountingOnAMissingDirectoryFails() {
		try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults())) {
			assertThatIllegalStateException()
				.isThrownBy(() -> SimulatorMount.mount(simulator, this.mountPoint.resolve("missing")))
				.withMessageContaining("Mounting the simulator at " + this.mountPoint.resolve("missing"));
		}
	}

	private String[] names() throws IOException {
		try (Stream<Path> listed = Files.list(this.mountPoint)) {
			return listed.map((path) -> path.getFileName().toString()).toArray(String[]::new);
		}
	}

}
