package io.scst.manager.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.scst.manager.ApiTest;
import io.scst.manager.sysfs.ScstPath;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hostile input corpus ({@code security/hostile-input.txt}) posted through every
 * create endpoint that takes a name or value: each request is refused with 400 and writes
 * nothing to sysfs. Also the request body size limit. The corpus runs (hundreds of
 * requests per endpoint) are in tier {@code exhaustive} ({@code ./mvnw verify -Pall}, see
 * docs/testing.md); the other tests run in every build.
 */
@ApiTest
class HostileInputTests {

	private static final String TARGET = "/api/v1/target-drivers/scst_local/targets/scst_local_tgt";

	private static final String GROUP = "hostile_grp";

	private static final Corpus CORPUS = Corpus.load();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private JsonMapper mapper;

	@BeforeEach
	void createGroup() {
		this.sysfs.mgmt(ScstPath.of("targets", "scst_local", "scst_local_tgt", "ini_groups", "mgmt"),
				"create " + GROUP);
	}

	@AfterEach
	void removeGroup() {
		this.sysfs.mgmt(ScstPath.of("targets", "scst_local", "scst_local_tgt", "ini_groups", "mgmt"), "del " + GROUP);
	}

	@Test
	void corpusHasAtLeast500HostileNames() {
		assertThat(CORPUS.allNames()).hasSizeGreaterThanOrEqualTo(500);
		assertThat(CORPUS.allNames()).contains("mgmt\\..\\x".replace("\\", "/"), "", "\n", "\u0000", ";", "=",
				"\u0430dmin", "vm\u200ddisk", "\u202edisk", "../", "a".repeat(300));
	}

	static Stream<Arguments> endpoints() {
		return Stream.of(
				endpoint("device name", HttpMethod.POST, "/api/v1/devices",
						(x) -> Map.of("name", x, "handler", "vdisk_nullio", "size", 1048576), Kind.DEVICE),
				endpoint("handler name", HttpMethod.POST, "/api/v1/devices",
						(x) -> Map.of("name", "hostile_dev", "handler", x, "size", 1048576), Kind.NAME),
				endpoint("device parameter name", HttpMethod.POST, "/api/v1/devices",
						(x) -> Map.of("name", "hostile_dev", "handler", "vdisk_nullio", "size", 1048576, "parameters",
								Map.of(x, "1")),
						Kind.PARAMETER),
				endpoint("device filename value", HttpMethod.POST, "/api/v1/devices",
						(x) -> Map.of("name", "hostile_dev", "handler", "vdisk_fileio", "filename", x), Kind.VALUE),
				endpoint("target name", HttpMethod.POST, "/api/v1/target-drivers/scst_local/targets",
						(x) -> Map.of("name", x), Kind.TARGET),
				endpoint("target session name", HttpMethod.POST, "/api/v1/target-drivers/scst_local/targets",
						(x) -> Map.of("name", "hostile_tgt", "sessions", List.of(x)), Kind.NAME),
				endpoint("session name", HttpMethod.POST, TARGET + "/sessions", (x) -> Map.of("name", x), Kind.NAME),
				endpoint("initiator group name", HttpMethod.POST, TARGET + "/ini-groups", (x) -> Map.of("name", x),
						Kind.GROUP),
				endpoint("initiator name", HttpMethod.POST, TARGET + "/ini-groups/" + GROUP + "/initiators",
						(x) -> Map.of("name", x), Kind.GROUP),
				endpoint("LUN device name", HttpMethod.PUT, TARGET + "/luns/9", (x) -> Map.of("device", x),
						Kind.DEVICE),
				endpoint("export initiator", HttpMethod.POST, "/api/v1/exports",
						(x) -> Map.of("device", "vm_disk1", "driver", "scst_local", "target", "scst_local_tgt",
								"initiator", x),
						Kind.GROUP),
				endpoint("export group", HttpMethod.POST, "/api/v1/exports",
						(x) -> Map.of("device", "vm_disk1", "driver", "scst_local", "target", "scst_local_tgt",
								"initiator", "iqn.2026-01.io.scst:hostile", "group", x),
						Kind.GROUP),
				endpoint(
						"export device", HttpMethod.POST, "/api/v1/exports", (x) -> Map.of("device", x, "driver",
								"scst_local", "target", "scst_local_tgt", "initiator", "iqn.2026-01.io.scst:hostile"),
						Kind.DEVICE));
	}

	@ParameterizedTest(name = "{0}")
	@Tag("exhaustive")
	@MethodSource("endpoints")
	void refusesTheCorpusWith400AndNoWrite(String field, HttpMethod method, String uri,
			Function<String, Map<String, Object>> body, Kind kind) throws IOException {
		SoftAssertions softly = new SoftAssertions();
		List<String> values = CORPUS.forKind(kind);
		assertThat(values).hasSizeGreaterThan(300);
		for (String value : values) {
			long writes = simulator().writeCount();
			MvcTestResult result = this.mvc.method(method)
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.content(this.mapper.writeValueAsString(body.apply(value)))
				.exchange();
			softly.assertThat(result.getResponse().getStatus())
				.as("%s %s with %s '%s'", method, uri, field, printable(value))
				.isEqualTo(400);
			// Jackson itself refuses JSON property names over 50000 characters
			boolean unreadableName = kind == Kind.PARAMETER && value.length() > 50_000;
			softly.assertThat(result.getResponse().getContentAsString(StandardCharsets.UTF_8))
				.as("refused as an invalid field, not as an unreadable body: %s '%s'", field, printable(value))
				.contains(unreadableName ? "\"status\":400" : "\"errors\":[{\"field\":");
			softly.assertThat(simulator().writeCount())
				.as("sysfs writes for %s '%s'", field, printable(value))
				.isEqualTo(writes);
		}
		softly.assertAll();
	}

	@Test
	void refusesABodyOverTheLimitWith413AndNoWrite() {
		long writes = simulator().writeCount();
		String huge = "{\"name\":\"hostile_big\",\"handler\":\"vdisk_nullio\",\"size\":1048576,\"parameters\":{\"x\":\""
				+ "a".repeat(2 * 1024 * 1024) + "\"}}";
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/devices")
			.contentType(MediaType.APPLICATION_JSON)
			.content(huge)
			.exchange();
		assertThat(result).hasStatus(413).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemResponses.PAYLOAD_TOO_LARGE.toString());
		assertThat(simulator().writeCount()).isEqualTo(writes);
	}

	@Test
	void acceptsABodyJustUnderTheLimit() {
		String padded = "{\"name\":\"hostile ok\"," + "\"pad\":\"" + "a".repeat(1000 * 1000) + "\"}";
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/target-drivers/scst_local/targets")
			.contentType(MediaType.APPLICATION_JSON)
			.content(padded)
			.exchange();
		assertThat(result).as("read and refused for the name, not the size").hasStatus(400);
	}

	private static Arguments endpoint(String field, HttpMethod method, String uri,
			Function<String, Map<String, Object>> body, Kind kind) {
		return Arguments.of(field, method, uri, body, kind);
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

	/** A value with control and non-ASCII characters escaped, shortened, for messages. */
	static String printable(String value) {
		StringBuilder out = new StringBuilder();
		value.codePoints().limit(60).forEach((c) -> {
			if (c < 0x20 || c >= 0x7f) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return (value.length() > 60) ? out + "...(" + value.length() + " chars)" : out.toString();
	}

	/** Which entries of the corpus are hostile for a field. */
	enum Kind {

		/** Any object name. */
		NAME,
		/** A device name: also the reserved device file names. */
		DEVICE,
		/** A target name: also the reserved target file names. */
		TARGET,
		/** An initiator group or initiator name: also {@code mgmt}. */
		GROUP,
		/** A parameter name. */
		PARAMETER,
		/** A parameter value. */
		VALUE

	}

	/**
	 * The corpus file, expanded.
	 *
	 * @param everywhere entries hostile everywhere, wrapped
	 * @param names entries hostile in names, wrapped
	 * @param exactNames hostile names as they are
	 * @param exactValues hostile values as they are
	 */
	record Corpus(List<String> everywhere, List<String> names, List<String> exactNames, List<String> exactValues) {

		private static final Pattern REPEAT = Pattern.compile("\\{repeat:(.*):(\\d+)}");

		static Corpus load() {
			Map<String, List<String>> sections = new LinkedHashMap<>();
			List<String> current = null;
			try (InputStream in = HostileInputTests.class.getResourceAsStream("/security/hostile-input.txt")) {
				for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1)) {
					if (line.isEmpty() || line.startsWith("#")) {
						continue;
					}
					if (line.matches("\\[[a-z-]+]")) {
						current = sections.computeIfAbsent(line.substring(1, line.length() - 1),
								(k) -> new ArrayList<>());
						continue;
					}
					current.add(unescape(line));
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return new Corpus(wrapped(sections.get("everywhere")), wrapped(sections.get("names")),
					sections.get("exact-names"), sections.get("exact-values"));
		}

		/** Every hostile name (for the size check). */
		Set<String> allNames() {
			Set<String> all = new LinkedHashSet<>(this.everywhere);
			all.addAll(this.names);
			all.addAll(this.exactNames);
			return all;
		}

		List<String> forKind(Kind kind) {
			Set<String> values = new LinkedHashSet<>(this.everywhere);
			switch (kind) {
				case VALUE -> values.addAll(this.exactValues);
				case PARAMETER -> {
					values.addAll(this.names);
					values.addAll(this.exactNames);
				}
				default -> {
					values.addAll(this.names);
					values.addAll(this.exactNames);
				}
			}
			switch (kind) {
				case DEVICE -> values.addAll(List.of("mgmt", "type", "trace_level", "vm.disk", "a".repeat(65)));
				case TARGET -> values.addAll(List.of("mgmt", "version", "stats", "trace_level"));
				case GROUP -> values.add("mgmt");
				case PARAMETER -> values.addAll(List.of("1abc", "_x", "a-b", "a.b", "a:b", "a".repeat(65)));
				default -> {
				}
			}
			return List.copyOf(values);
		}

		private static List<String> wrapped(List<String> entries) {
			Set<String> out = new LinkedHashSet<>();
			for (String entry : entries) {
				out.add(entry);
				out.add("x" + entry);
				out.add(entry + "x");
				out.add("ok_" + entry + "_ok");
			}
			return List.copyOf(out);
		}

		private static String unescape(String line) {
			if (line.equals("{empty}")) {
				return "";
			}
			Matcher repeat = REPEAT.matcher(line);
			if (repeat.matches()) {
				return unescape(repeat.group(1)).repeat(Integer.parseInt(repeat.group(2)));
			}
			StringBuilder out = new StringBuilder();
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (c != '\\' || i + 1 == line.length()) {
					out.append(c);
					continue;
				}
				char next = line.charAt(++i);
				switch (next) {
					case 'n' -> out.append('\n');
					case 'r' -> out.append('\r');
					case 't' -> out.append('\t');
					case '0' -> out.append('\0');
					case 'x' -> {
						out.append((char) Integer.parseInt(line.substring(i + 1, i + 3), 16));
						i += 2;
					}
					case 'u' -> {
						out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
						i += 4;
					}
					default -> out.append(next);
				}
			}
			return out.toString();
		}

	}

}
