package io.scst.manager.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The deployment files under {@code docs/deploy/} and the properties they may set. */
final class DeploymentFiles {

	static final Path SYSTEMD = Path.of("docs", "deploy", "systemd");

	static final Path UNIT = SYSTEMD.resolve("scst-manager.service");

	static final Path ENVIRONMENT = SYSTEMD.resolve("scst-manager.env");

	static final Path KUBERNETES = Path.of("docs", "deploy", "kubernetes");

	/** Written by the configuration processor at compile time. */
	static final Path METADATA = Path.of("target", "classes", "META-INF", "spring-configuration-metadata.json");

	private DeploymentFiles() {
	}

	/** The {@code NAME=value} lines of an environment file, in order. */
	static Map<String, String> environment(Path file) {
		Map<String, String> variables = new LinkedHashMap<>();
		for (String line : lines(file)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			int equals = trimmed.indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException(file + ": not NAME=value: " + line);
			}
			variables.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
		}
		return variables;
	}

	/** Every property of this application, from the configuration metadata. */
	static SortedSet<String> properties() {
		JsonNode metadata = JsonMapper.builder().build().readTree(read(METADATA));
		SortedSet<String> names = new TreeSet<>();
		for (JsonNode property : metadata.path("properties")) {
			names.add(property.path("name").asString());
		}
		return names;
	}

	/**
	 * The environment variable Spring Boot binds to a property: dots become underscores,
	 * dashes are dropped, letters are upper case.
	 */
	static String environmentName(String property) {
		return property.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
	}

	static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static List<String> lines(Path file) {
		try {
			return Files.readAllLines(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
