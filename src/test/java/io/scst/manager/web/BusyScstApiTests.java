package io.scst.manager.web;

import java.time.Duration;

import io.scst.manager.SimulatorTest;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SCST busy past the management timeout: the request answers 503 {@code busy} with
 * {@code Retry-After} and the command, and the command still completes later, as it would
 * in the kernel.
 */
@SimulatorTest(properties = { "scst.simulator.state=fresh", "scst.sysfs.mgmt-timeout=300ms",
		"scst.simulator.data-dir=target/busy-test-data" })
class BusyScstApiTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@AfterEach
	void clearFaults() {
		((SimulatedScstSysfs) this.sysfs).simulator().faults().clear();
	}

	@Test
	void aCommandSlowerThanTheTimeoutIs503WithRetryAfter() throws InterruptedException {
		SimulatedScstSysfs simulated = (SimulatedScstSysfs) this.sysfs;
		simulated.simulator()
			.faults()
			.eagainThreshold(Duration.ofMillis(50))
			.delay(ScstTree.handlerMgmt("vdisk_nullio"), Duration.ofSeconds(1));
		MvcTestResult result = this.mvc.post()
			.uri("/api/v1/devices")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"busy1\",\"handler\":\"vdisk_nullio\"}")
			.exchange();
		assertThat(result).hasStatus(503)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.hasHeader(HttpHeaders.RETRY_AFTER, "1");
		assertThat(result).bodyJson().extractingPath("$.type").isEqualTo(ProblemTypes.PREFIX + "busy");
		assertThat(result).bodyJson().extractingPath("$.command").isEqualTo("add_device busy1");
		assertThat(result).bodyJson().extractingPath("$.path").isEqualTo("handlers/vdisk_nullio/mgmt");
		await("the queued command completes later").atMost(Duration.ofSeconds(5))
			.until(() -> this.sysfs.exists(ScstTree.device("busy1")));
	}

}
