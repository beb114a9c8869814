package io.scst.manager.sysfs;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** SCST's naming rules as checked before any write. */
class ScstNamesTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "two words", "tab\tname", "new\nline", "semi;colon", "equal=sign", "sla/sh", ".", "..",
			"nul\0", "ünïcode", "quote\"", "back\\slash", "star*" })
	void rejectsNamesSCSTWouldSplitOrRename(String name) {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> ScstNames.target("name", name))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "scst_local_tgt", "iqn.2006-10.net.vlnx:tgt1", "21:00:00:24:ff:3c:5e:0a", "host-1",
			"a@b+c,d~e" })
	void acceptsIdentifiersOfRealTransports(String name) {
		assertThat(ScstNames.target("name", name)).isEqualTo(name);
		assertThat(ScstNames.group("name", name)).isEqualTo(name);
		assertThat(ScstNames.session("name", name)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mgmt", "version", "stats", "trace_level" })
	void targetNamesMayNotCollideWithDriverFiles(String name) {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> ScstNames.target("name", name))
			.withMessageContaining("reserved");
	}

	@ParameterizedTest
	@ValueSource(strings = { "mgmt", "type", "trace_level", "with.dot" })
	void deviceNamesFollowVdiskRules(String name) {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> ScstNames.device("name", name));
	}

	@ParameterizedTest
	@ValueSource(ints = { 64, 65 })
	void deviceNamesAreAtMost64Characters(int length) {
		String name = "d".repeat(length);
		if (length <= ScstNames.MAX_DEVICE_NAME) {
			assertThat(ScstNames.device("name", name)).isEqualTo(name);
		}
		else {
			assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> ScstNames.device("name", name))
				.withMessageContaining("at most 64");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "iqn.1994-05.com.redhat:*", "!iqn.1994-05.com.redhat:bad", "host?", "*" })
	void initiatorEntriesMayBePatterns(String name) {
		assertThat(ScstNames.initiator("name", name)).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "a!b", "!!x", "mgmt", "a b" })
	void initiatorNegationOnlyLeads(String name) {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> ScstNames.initiator("name", name));
	}

	@ParameterizedTest
	@ValueSource(strings = { "1;read_only=1", "a=b", "two words", "new\nline", "" })
	void valuesCannotChangeTheCommand(String value) {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> ScstNames.value("size", value))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("size"));
	}

	@ParameterizedTest
	@ValueSource(longs = { -1, 16384, 99999 })
	void lunsAreFrom0To16383(long lun) {
		assertThatExceptionOfType(InvalidNameException.class).isThrownBy(() -> ScstNames.lun("lun", lun));
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, 16383 })
	void lunLimitsAreAccepted(long lun) {
		assertThat(ScstNames.lun("lun", lun)).isEqualTo((int) lun);
	}

	/**
	 * The alphabets, written as the regular expressions the checks used before the tables
	 * (and the error messages describe), against every character from NUL to U+00FF at
	 * the start, inside and at the end of a name.
	 */
	@Test
	void eachCharacterIsJudgedByTheDocumentedAlphabet() {
		Pattern name = Pattern.compile("[A-Za-z0-9_.:@+,~\\-]+");
		Pattern initiator = Pattern.compile("!?[A-Za-z0-9_.:@+,~*?\\-]+");
		Pattern parameter = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
		Pattern value = Pattern.compile("[\\x21-\\x3a\\x3c\\x3e-\\x7e]+");
		for (char c = 0; c <= 0xff; c++) {
			for (String text : new String[] { "a" + c + "b", "ab" + c, c + "ab" }) {
				boolean leadingDash = text.startsWith("-");
				assertThat(accepts(() -> ScstNames.session("f", text))).as("name %s", text)
					.isEqualTo(name.matcher(text).matches() && !leadingDash);
				assertThat(accepts(() -> ScstNames.parameter("f", text))).as("parameter %s", text)
					.isEqualTo(parameter.matcher(text).matches());
				assertThat(accepts(() -> ScstNames.value("f", text))).as("value %s", text)
					.isEqualTo(value.matcher(text).matches());
				String pattern = "!" + text;
				assertThat(accepts(() -> ScstNames.initiator("f", pattern))).as("initiator %s", pattern)
					.isEqualTo(initiator.matcher(pattern).matches() && !pattern.startsWith("!-"));
			}
		}
		assertThat(accepts(() -> ScstNames.initiator("f", "!"))).isFalse();
		assertThat(accepts(() -> ScstNames.parameter("f", ""))).isFalse();
	}

	@Test
	void namesAreAtMost255Characters() {
		assertThat(ScstNames.target("name", "t".repeat(255))).hasSize(255);
		assertThatExceptionOfType(InvalidNameException.class)
			.isThrownBy(() -> ScstNames.target("name", "t".repeat(256)))
			.withMessageContaining("255 bytes");
	}

	private static boolean accepts(Runnable check) {
		try {
			check.run();
			return true;
		}
		catch (InvalidNameException ex) {
			return false;
		}
	}

}
