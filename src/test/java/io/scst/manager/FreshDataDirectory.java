package io.scst.manager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every application context of {@link SimulatorTest} and {@link ServerTest} a data
 * directory of its own, a new temporary directory that is deleted when the JVM exits: the
 * simulator's data ({@code scst.simulator.data-dir}) and the files the defaults keep next
 * to it (the audit log and the saved configuration, {@code data/audit.log} and
 * {@code data/scst-desired.conf} by default), so that no test writes into the working
 * directory or sees what another context left there. A test that sets one of these
 * properties itself (in {@code properties}, or with {@code @DynamicPropertySource}) keeps
 * its value: this source has the lowest precedence.
 */
public class FreshDataDirectory implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	private static final String DATA_DIR = "scst.simulator.data-dir";

	private static final List<Path> created = new ArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(FreshDataDirectory::deleteAll, "fresh-data-directory"));
	}

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		Path dataDir = create();
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(DATA_DIR, dataDir.toString());
		properties.put("scst.security.audit-file", dataDir.resolve("audit.log").toString());
		properties.put("scst.config.path", dataDir.resolve("scst-desired.conf").toString());
		environment.getPropertySources().addLast(new MapPropertySource("freshDataDirectory", properties));
	}

	private static Path create() {
		try {
			Path dir = Files.createTempDirectory("scst-test-data");
			synchronized (created) {
				created.add(dir);
			}
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteAll() {
		synchronized (created) {
			created.forEach(FreshDataDirectory::delete);
		}
	}

	private static void delete(Path dir) {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			// Gone already, or not ours to delete: nothing to clean up.
		}
	}

}
