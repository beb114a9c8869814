package io.scst.manager.web;

import java.util.Collections;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link WithoutHeaders} hides the named headers in any case, and only those. */
class WithoutHeadersTests {

	@Test
	void theNamedHeadersAreHiddenInAnyCaseTheOthersPassThrough() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/devices");
		request.addHeader("if-none-match", "\"a1\"");
		request.addHeader("Accept", "application/json");
		WithoutHeaders without = new WithoutHeaders(request, Set.of("If-None-Match"));
		assertThat(without.getHeader("If-None-Match")).isNull();
		assertThat(without.getHeader("IF-NONE-MATCH")).isNull();
		assertThat(Collections.list(without.getHeaders("If-None-Match"))).isEmpty();
		assertThat(Collections.list(without.getHeaderNames())).containsExactly("Accept");
		assertThat(without.getHeader("accept")).isEqualTo("application/json");
		assertThat(Collections.list(without.getHeaders("Accept"))).containsExactly("application/json");
		assertThat(request.getHeader("If-None-Match")).isEqualTo("\"a1\"");
	}

}
