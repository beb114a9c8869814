package io.scst.manager.web;

import io.scst.manager.ApiTest;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static io.scst.manager.ProblemAssert.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change whose answer cannot be written in any type the client accepts is refused with
 * 406 before the handler runs: nothing is written.
 */
@ApiTest
class NotAcceptableInterceptorTests {

	private static final String DEVICE = "{\"name\":\"nadev\",\"handler\":\"vdisk_nullio\"}";

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@Test
	void aCreateThatCannotBeAnsweredIs406AndWritesNothing() {
		long writes = this.sysfs.writes();
		problem(this.mvc.post()
			.uri("/api/v1/devices")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_PLAIN)
			.content(DEVICE), 406, "not-acceptable").extractingPath("$.detail").asString().contains("application/json");
		assertThat(this.sysfs.writes()).isEqualTo(writes);
		assertThat(this.sysfs.exists(ScstTree.device("nadev"))).isFalse();
	}

	@Test
	void aCreateThatAcceptsJsonOrAnythingRuns() {
		try {
			assertThat(this.mvc.post()
				.uri("/api/v1/devices")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_PLAIN, MediaType.ALL)
				.content(DEVICE)).hasStatus(201);
		}
		finally {
			if (this.sysfs.exists(ScstTree.device("nadev"))) {
				assertThat(this.mvc.delete().uri("/api/v1/devices/nadev").accept(MediaType.TEXT_PLAIN)).hasStatus(204);
			}
		}
	}

}
