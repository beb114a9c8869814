package io.scst.manager.mount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;

import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatorOptions;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class only where this process can mount a FUSE filesystem:
 * {@code /dev/fuse} exists, libfuse 2 loads and a probe mount succeeds. Otherwise the
 * tests are skipped with the reason. Tagged {@code fuse}: these tests run with
 * {@code ./mvnw verify -Pall}, not in the default build (see docs/testing.md).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag("fuse")
@ExtendWith(EnabledIfFuse.Condition.class)
public @interface EnabledIfFuse {

	/** Evaluates (once per JVM) whether FUSE works here. */
	class Condition implements ExecutionCondition {

		private static final Path DEVICE = Path.of("/dev/fuse");

		private static @Nullable String unavailable;

		private static boolean probed;

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String reason = unavailableReason();
			return (reason != null) ? ConditionEvaluationResult.disabled(reason)
					: ConditionEvaluationResult.enabled("FUSE mounts work here");
		}

		static synchronized @Nullable String unavailableReason() {
			if (!probed) {
				unavailable = probe();
				probed = true;
			}
			return unavailable;
		}

		private static @Nullable String probe() {
			if (!Files.exists(DEVICE)) {
				return "FUSE is not available: " + DEVICE + " is missing";
			}
			try {
				Path directory = Files.createTempDirectory("scst-fuse-probe");
				try (ScstSimulator simulator = new ScstSimulator(SimulatorOptions.defaults())) {
					SimulatorMount.mount(simulator, directory).close();
				}
				catch (IllegalStateException ex) {
					return "FUSE is not usable here: " + ex.getMessage();
				}
				finally {
					Files.deleteIfExists(directory);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			return null;
		}

	}

}
