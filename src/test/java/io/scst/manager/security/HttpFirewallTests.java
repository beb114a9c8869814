package io.scst.manager.security;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The firewall's header and parameter rules ({@link SecurityConfiguration#httpFirewall}):
 * the same answers as Spring Security's own rules, which are asked only about text that
 * is not printable ASCII.
 */
class HttpFirewallTests {

	@ParameterizedTest
	@ValueSource(strings = { "", "Accept", "X-Request-Id", "limit", "!limit", "a b", "~", " ", "text/plain; q=0.5",
			"tab\there", "nul\0", "del\u007f", "c1\u0085", "caf\u00e9", "\u4e2d\u6587", "unassigned\u0378",
			"line\nbreak", "emoji\ud83d\ude00", "lone\ud800" })
	void theSameAnswersAsSpringSecuritysRules(String text) {
		assertSame(StrictHttpFirewall.ALLOWED_HEADER_NAMES, text);
		assertSame(StrictHttpFirewall.ALLOWED_HEADER_VALUES, text);
		assertSame(StrictHttpFirewall.ALLOWED_PARAMETER_NAMES, text);
	}

	@Test
	void everySingleCharacterOfTheFirstPlanesIsJudgedTheSame() {
		for (char c = 0; c < 0x3000; c++) {
			String text = "x" + c;
			assertSame(StrictHttpFirewall.ALLOWED_HEADER_NAMES, text);
			assertSame(StrictHttpFirewall.ALLOWED_HEADER_VALUES, text);
		}
	}

	@Test
	void printableAsciiDoesNotAskTheRule() {
		List<String> asked = new ArrayList<>();
		Predicate<String> rule = (text) -> {
			asked.add(text);
			return false;
		};
		Predicate<String> fast = SecurityConfiguration.printableAsciiOr(rule);
		assertThat(fast.test("Content-Type")).isTrue();
		assertThat(fast.test("application/json, */*")).isTrue();
		assertThat(asked).isEmpty();
		assertThat(fast.test("caf\u00e9")).isFalse();
		assertThat(asked).containsExactly("caf\u00e9");
	}

	@Test
	void theApplicationsFirewallStillRejectsControlCharacters() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/devices");
		request.addHeader("X-Fine", "ok");
		request.addHeader("X-Bell", "ring\u0007");
		request.addParameter("name", "caf\u00e9");
		HttpServletRequest firewalled = SecurityConfiguration.httpFirewall().getFirewalledRequest(request);
		assertThat(firewalled.getHeader("X-Fine")).isEqualTo("ok");
		assertThat(firewalled.getParameter("name")).isEqualTo("caf\u00e9");
		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> firewalled.getHeader("X-Bell"));
		assertThatExceptionOfType(RequestRejectedException.class).isThrownBy(() -> firewalled.getHeader("X-\u0001"));
	}

	private static void assertSame(Predicate<String> rule, String text) {
		assertThat(SecurityConfiguration.printableAsciiOr(rule).test(text)).as("%s", text).isEqualTo(rule.test(text));
	}

}
