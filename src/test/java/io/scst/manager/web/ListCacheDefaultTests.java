package io.scst.manager.web;

import io.scst.manager.SimulatorTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list cache is on without any setting, for at most 1 s: the second read of a list is
 * served again with a time to live of at most 1 s.
 */
@SimulatorTest(properties = "scst.simulator.state=fresh")
class ListCacheDefaultTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ApiProperties properties;

	@Test
	void aListIsServedAgainForAtMostOneSecondByDefault() {
		assertThat(this.properties.listCacheMaxAge()).hasSeconds(1);
		MvcTestResult first = this.mvc.get().uri("/api/v1/handlers").accept(MediaType.APPLICATION_JSON).exchange();
		assertThat(first).hasStatusOk().headers().hasValue(ListCache.CACHE_STATUS, "scst-manager; fwd=miss");
		MvcTestResult second = this.mvc.get().uri("/api/v1/handlers").accept(MediaType.APPLICATION_JSON).exchange();
		assertThat(second.getResponse().getHeader(ListCache.CACHE_STATUS)).matches("scst-manager; hit; ttl=[01]");
	}

}
