package io.scst.manager.security;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.scst.manager.ApiTest;
import io.scst.manager.security.HostileInputTests.Corpus;
import io.scst.manager.security.HostileInputTests.Kind;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile changes beyond the create routes of {@link HostileInputTests}: config
 * bodies (every name position and the backing file), attribute values of PATCH routes,
 * TransportIDs, LUN numbers and object names in URLs. Every one is answered with a 4xx
 * problem and writes nothing.
 */
@ApiTest
class HostileChangeTests {

	private static final String TARGET = "/api/v1/target-drivers/scst_local/targets/scst_local_tgt";

	private static final Corpus CORPUS = Corpus.load();

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private JsonMapper mapper;

	/** Requests sent by the running test, reported at its end. */
	private int sent;

	@AfterEach
	void report(TestInfo test) {
		System.out.println(test.getDisplayName() + ": " + this.sent + " hostile requests, each refused with a 4xx "
				+ "problem and no sysfs write");
	}

	/** Hostile names in every position of a configuration, applied and planned. */
	@Test
	void configBodiesWithHostileNamesAreRefused() {
		List<Function<String, String>> positions = List.of(
				(x) -> "HANDLER vdisk_nullio {\n\tDEVICE " + x + " {\n\t\tsize 1048576\n\t}\n}\n",
				(x) -> "TARGET_DRIVER scst_local {\n\tTARGET " + x + " {\n\t}\n}\n",
				(x) -> "TARGET_DRIVER scst_local {\n\tTARGET hc_t {\n\t\tsession_name " + x + "\n\t}\n}\n",
				(x) -> "TARGET_DRIVER scst_local {\n\tTARGET hc_t {\n\t\tGROUP " + x + " {\n\t\t}\n\t}\n}\n",
				(x) -> "TARGET_DRIVER scst_local {\n\tTARGET hc_t {\n\t\tGROUP hc_g {\n\t\t\tINITIATOR " + x
						+ "\n\t\t}\n\t}\n}\n");
		List<String> names = hostileInConfig(CORPUS.forKind(Kind.NAME));
		assertThat(names).hasSizeGreaterThan(200);
		SoftAssertions softly = new SoftAssertions();
		int tried = 0;
		for (int i = 0; i < names.size(); i++) {
			// every name in the first position, the others in turn
			List<Function<String, String>> where = List.of(positions.get(0), positions.get(1 + i % 4));
			for (Function<String, String> position : where) {
				String body = position.apply(names.get(i));
				refused(softly, this.mvc.put().uri("/api/v1/config").contentType(MediaType.TEXT_PLAIN).content(body),
						"PUT config with " + printable(names.get(i)));
				tried++;
			}
			if (i % 5 == 0) {
				refused(softly,
						this.mvc.post()
							.uri("/api/v1/config/plan")
							.contentType(MediaType.TEXT_PLAIN)
							.content(positions.get(0).apply(names.get(i))),
						"plan with " + printable(names.get(i)));
				tried++;
			}
		}
		softly.assertAll();
		assertThat(tried).isGreaterThanOrEqualTo(500);
	}

	/** Bodies that are not configurations, or lose values, or hide a second command. */
	@Test
	void malformedConfigBodiesAreRefused() {
		List<String> bodies = new ArrayList<>(List.of("\u0000".repeat(64), "\u0000\n\u0000\n", "\u0007",
				"HANDLER vdisk_nullio {\n\tDEVICE hc_a {\n\t\tblocksize 512;add_device x\n\t}\n}\n",
				"HANDLER vdisk_nullio {\n\tDEVICE hc_a {\n\t\tblocksize 512 4096\n\t}\n}\n",
				"HANDLER vdisk_nullio {\n\tDEVICE hc_a hc_b {\n\t}\n}\n", "HANDLER vdisk_nullio {\n", "}\n", "{\n}\n",
				"HANDLER vdisk_nullio {\n\tDEVICE -rf {\n\t}\n}\n",
				"TARGET_DRIVER scst_local {\n\tTARGET hc_t {\n\t\tLUN 1;2 hc_a\n\t}\n}\n",
				"TARGET_DRIVER scst_local {\n\tTARGET hc_t {\n\t\tLUN -1 hc_a\n\t}\n}\n",
				"TARGET_DRIVER scst_local {\n\tTARGET hc_t {\n\t\tLUN 99999999999 hc_a\n\t}\n}\n",
				"TARGET_DRIVER scst_local {\n\tTARGET hc_t {\n\t\tLUN 0\n\t}\n}\n",
				"TARGET_DRIVER scst_local {\n\tTARGET hc_t {\n\t\tsession_name a b\n\t}\n}\n",
				"HANDLER vdisk_fileio {\n\tDEVICE hc_f {\n\t\tfilename /x;del_device y\n\t}\n}\n",
				"HANDLER vdisk_fileio {\n\tDEVICE hc_f {\n\t\tfilename \"/a b\"\n\t}\n}\n",
				"HANDLER vdisk_nullio {\n\tDEVICE hc_a {\n\t\tsize 1\u0000\n\t}\n}\n"));
		for (String value : CORPUS.forKind(Kind.VALUE)) {
			if (value.chars().anyMatch((c) -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)) {
				bodies.add("HANDLER vdisk_fileio {\n\tDEVICE hc_f {\n\t\tfilename /tmp/" + value + "\n\t}\n}\n");
			}
		}
		SoftAssertions softly = new SoftAssertions();
		for (String body : bodies) {
			refused(softly, this.mvc.put().uri("/api/v1/config").contentType(MediaType.TEXT_PLAIN).content(body),
					"PUT config " + printable(body));
		}
		softly.assertAll();
	}

	/** Attribute values with line ends or control characters, on every PATCH route. */
	@Test
	void hostileAttributeValuesAreRefused() throws Exception {
		List<String> values = new ArrayList<>();
		for (String value : CORPUS.forKind(Kind.VALUE)) {
			if (hasControlCharacter(value) || value.getBytes(StandardCharsets.UTF_8).length > 1024) {
				values.add(value);
			}
		}
		assertThat(values).hasSizeGreaterThan(100);
		SoftAssertions softly = new SoftAssertions();
		for (String value : values) {
			refused(softly,
					this.mvc.patch()
						.uri("/api/v1/devices/vm_disk1")
						.contentType(MediaType.APPLICATION_JSON)
						.content(this.mapper.writeValueAsString(Map.of("attributes", Map.of("t10_vend_id", value)))),
					"device attribute " + printable(value));
			refused(softly,
					this.mvc.patch()
						.uri(TARGET)
						.contentType(MediaType.APPLICATION_JSON)
						.content(this.mapper.writeValueAsString(Map.of("attributes", Map.of("rel_tgt_id", value)))),
					"target attribute " + printable(value));
		}
		softly.assertAll();
	}

	/** TransportIDs that are not even hex, or of impossible sizes. */
	@Test
	void hostileTransportIdsAreRefused() throws Exception {
		List<String> ids = new ArrayList<>(List.of("", "0", "zz", "00".repeat(10), "00".repeat(257), "0g".repeat(24),
				"00 ".repeat(24), "-1", "0x" + "00".repeat(24)));
		for (String entry : CORPUS.forKind(Kind.NAME)) {
			if (!entry.matches("[0-9a-fA-F]*")) {
				ids.add(entry);
			}
		}
		SoftAssertions softly = new SoftAssertions();
		for (String id : ids) {
			refused(softly,
					this.mvc.patch()
						.uri(TARGET + "/sessions/scst_local_host")
						.contentType(MediaType.APPLICATION_JSON)
						.content(this.mapper.writeValueAsString(Map.of("transportId", id))),
					"transportId " + printable(id));
		}
		softly.assertAll();
	}

	/** Hostile object names and LUN numbers in URLs of every delete and change route. */
	@Test
	void hostileNamesInUrlsAreRefused() {
		List<String> names = new ArrayList<>();
		for (String name : CORPUS.forKind(Kind.NAME)) {
			if (!name.isEmpty() && name.length() < 2000 && !name.contains("/") && !name.equals(".")
					&& !name.equals("..")) {
				names.add(name);
			}
		}
		SoftAssertions softly = new SoftAssertions();
		for (String name : names) {
			refused(softly, this.mvc.delete().uri("/api/v1/devices/{d}", name), "DELETE device " + printable(name));
			refused(softly, this.mvc.delete().uri("/api/v1/target-drivers/scst_local/targets/{t}", name),
					"DELETE target " + printable(name));
			refused(softly, this.mvc.delete().uri(TARGET + "/ini-groups/{g}", name), "DELETE group " + printable(name));
			refused(softly, this.mvc.delete().uri(TARGET + "/sessions/{s}", name), "DELETE session " + printable(name));
			refused(softly, this.mvc.post().uri("/api/v1/devices/{d}/resync-size", name), "resync " + printable(name));
		}
		for (String lun : List.of("-1", "16384", "99999999999999999999", "1.5", "0x1", "1e3", "\u0661", " 1", "1 ",
				"+1", "one")) {
			refused(softly,
					this.mvc.put()
						.uri(TARGET + "/luns/{lun}", lun)
						.contentType(MediaType.APPLICATION_JSON)
						.content("{\"device\":\"vm_disk1\"}"),
					"PUT LUN " + printable(lun));
			refused(softly, this.mvc.delete().uri(TARGET + "/luns/{lun}", lun), "DELETE LUN " + printable(lun));
		}
		softly.assertAll();
	}

	/** Send a request; it must be a 4xx problem and write nothing. */
	private void refused(SoftAssertions softly, MockMvcTester.MockMvcRequestBuilder request, String what) {
		long writes = simulator().writeCount();
		this.sent++;
		MvcTestResult result = request.exchange();
		int status = result.getResponse().getStatus();
		softly.assertThat(status).as("status of %s", what).isBetween(400, 499);
		softly.assertThat(result.getResponse().getContentType())
			.as("content type of %s", what)
			.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		softly.assertThat(simulator().writeCount()).as("sysfs writes for %s", what).isEqualTo(writes);
	}

	/**
	 * Names hostile in a configuration file: the file's own syntax ({@code \c} is
	 * {@code c}, {@code #} starts a comment, quotes group words, blanks separate words,
	 * line ends separate entries) would turn some corpus entries into valid entries,
	 * which is scstadmin's syntax and not an attack.
	 */
	private static List<String> hostileInConfig(List<String> names) {
		List<String> out = new ArrayList<>();
		for (String name : names) {
			if (name.isEmpty() || name.length() > 70_000 || name.endsWith("\\") || name.matches("(?s).*[\r\n].*")) {
				// a final backslash escapes the blank after the name; a line end starts a
				// new entry of the file, whose meaning is then what that entry says (an
				// unknown block is kept and reported as a note, never applied)
				continue;
			}
			String[] words = name.replaceAll("\\\\(.)", "$1").replace("\"", "").strip().split("\\s+");
			if (words.length == 1 && words[0].matches("[A-Za-z0-9_.:@+,~-]{1,64}") && !words[0].startsWith("-")
					&& !words[0].equals(".") && !words[0].equals("..") && !name.matches("(?s).*[#{}].*")) {
				// one valid word with blanks around it is that word in a file
				continue;
			}
			out.add(name);
		}
		return out;
	}

	private static boolean hasControlCharacter(String value) {
		return value.chars().anyMatch((c) -> c < 0x20 || c == 0x7f);
	}

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

	private static String printable(String value) {
		StringBuilder out = new StringBuilder();
		value.codePoints().limit(80).forEach((c) -> {
			if (c < 0x20 || c >= 0x7f) {
				out.append(String.format("\\u%04x", c));
			}
			else {
				out.appendCodePoint(c);
			}
		});
		return (value.length() > 80) ? out + "...(" + value.length() + " chars)" : out.toString();
	}

}
