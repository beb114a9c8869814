package io.scst.manager.mount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

import io.scst.manager.SimulatorTest;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scst.simulator.mount}: the server's simulator mounted while the server runs, one
 * state for the API and the files.
 */
@EnabledIfFuse
@SimulatorTest(properties = { "scst.simulator.state=fresh", "scst.simulator.cpus=2" })
class MountConfigurationTests {

	private static final Path MOUNT_POINT = temporaryDirectory("scst-mount-test");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private SimulatorMount mount;

	@DynamicPropertySource
	static void mountPoint(DynamicPropertyRegistry registry) {
		registry.add("scst.simulator.mount", MOUNT_POINT::toString);
		registry.add("scst.simulator.data-dir", () -> temporaryDirectory("scst-mount-data").toString());
	}

	@Test
	void theServersSimulatorIsMountedAtTheDirectory() {
		assertThat(this.mount.directory()).isEqualTo(MOUNT_POINT.toAbsolutePath());
		assertThat(SimulatorMount.mounted(this.mount.directory())).isTrue();
	}

	@Test
	void aChangeThroughTheGatewayIsInTheFilesAtOnce() {
		Path device = MOUNT_POINT.resolve("handlers/vdisk_nullio/mtnull1");
		assertThat(Files.exists(device, LinkOption.NOFOLLOW_LINKS)).isFalse();
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "mtnull1", Map.of()));
		assertThat(Files.isSymbolicLink(device)).isTrue();
		this.sysfs.mgmt(MgmtCommand.delDevice("vdisk_nullio", "mtnull1"));
		assertThat(Files.exists(device, LinkOption.NOFOLLOW_LINKS)).isFalse();
	}

	@Test
	void aFileWriteIsVisibleThroughTheApi() throws IOException {
		Files.write(MOUNT_POINT.resolve("threads"), "5\n".getBytes(StandardCharsets.US_ASCII));
		try {
			assertThat(this.mvc.get().uri("/api/v1/scst")).hasStatusOk()
				.bodyJson()
				.extractingPath("$.threads")
				.isEqualTo(5);
			assertThat(this.sysfs.read(ScstPath.of("threads")).value()).isEqualTo("5");
		}
		finally {
			Files.write(MOUNT_POINT.resolve("threads"), "2\n".getBytes(StandardCharsets.US_ASCII));
		}
	}

	private static Path temporaryDirectory(String prefix) {
		try {
			Path directory = Files.createTempDirectory(prefix);
			directory.toFile().deleteOnExit();
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
