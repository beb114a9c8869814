package io.scst.manager.sysfs.simulation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import io.scst.manager.sysfs.ScstPath;

/**
 * The set-up of tests that drive a default simulator through its files: a new simulator
 * per test, a 1 MiB backing file ({@link #image}) in a temporary directory
 * ({@link #temp}), and writing and reading files by their path as text.
 */
abstract class SimulatorWithImage {

	@TempDir
	Path temp;

	Path image;

	ScstSimulator simulator;

	@BeforeEach
	void start() throws IOException {
		this.image = this.temp.resolve("disk.img");
		Files.write(this.image, new byte[1 << 20]);
		this.simulator = new ScstSimulator(SimulatorOptions.defaults());
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	/** Write a command (or any value) and its line end to a file. */
	void mgmt(String path, String command) {
		this.simulator.write(ScstPath.of(path), (command + "\n").getBytes(StandardCharsets.UTF_8));
	}

	/** A file's content as text (ISO-8859-1: every byte as it is). */
	String read(String path) {
		return new String(this.simulator.read(ScstPath.of(path)), StandardCharsets.ISO_8859_1);
	}

}
