package io.scst.manager.mount;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs shell commands in a directory, as an administrator would against
 * {@code /sys/kernel/scst_tgt}.
 *
 * @param status the exit status
 * @param output standard output and standard error together
 */
record Shell(int status, String output) {

	/**
	 * Run {@code /bin/sh -c command} in a directory.
	 * @param directory the working directory
	 * @param command the command line
	 * @return the status and output
	 */
	static Shell sh(Path directory, String command) {
		return run(directory, "/bin/sh", "-c", command);
	}

	/**
	 * Run {@code bash -c command} (whose {@code echo} names the errno of a failed write).
	 * @param directory the working directory
	 * @param command the command line
	 * @return the status and output
	 */
	static Shell bash(Path directory, String command) {
		return run(directory, "bash", "-c", command);
	}

	private static Shell run(Path directory, String... command) {
		try {
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", command));
			}
			return new Shell(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
