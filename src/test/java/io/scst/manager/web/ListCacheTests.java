package io.scst.manager.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.scst.manager.SimulatorTest;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The list cache: a list answer is served again until a write goes through the gateway,
 * its maximum age passes or a request asks for a fresh answer, never longer.
 */
@SimulatorTest(properties = { "scst.simulator.state=fresh", "scst.api.list-cache-max-age=5s" })
class ListCacheTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private MeterRegistry registry;

	@Test
	void aListIsServedAgainUntilAWriteGoesThroughTheGateway() {
		MvcTestResult first = devices();
		assertThat(first).hasStatusOk().headers().hasValue(ListCache.CACHE_STATUS, "scst-manager; fwd=miss");
		MvcTestResult second = devices();
		assertThat(second).hasStatusOk();
		assertThat(second.getResponse().getHeader(ListCache.CACHE_STATUS)).startsWith("scst-manager; hit");
		assertThat(body(second)).isEqualTo(body(first));
		assertThat(second.getResponse().getHeader("ETag")).isEqualTo(first.getResponse().getHeader("ETag"));
		assertThat(second.getResponse().getContentType()).isEqualTo(first.getResponse().getContentType());

		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "cached1", java.util.Map.of()));
		MvcTestResult afterWrite = devices();
		assertThat(afterWrite.getResponse().getHeader(ListCache.CACHE_STATUS)).isEqualTo("scst-manager; fwd=miss");
		assertThat(body(afterWrite)).contains("\"cached1\"");
	}

	@Test
	void aChangeMadeOutsideTheServerShowsWithinTheMaximumAge() {
		assertThat(body(devices())).doesNotContain("outside1");
		addDeviceOutside("outside1");
		assertThat(devices().getResponse().getHeader(ListCache.CACHE_STATUS)).startsWith("scst-manager; hit");
		await().atMost(Duration.ofSeconds(20)).until(() -> body(devices()).contains("\"outside1\""));
	}

	@Test
	void aRequestThatAsksForAFreshAnswerReadsScstAndKeepsWhatItRead() {
		assertThat(body(devices())).doesNotContain("outside2");
		assertThat(devices().getResponse().getHeader(ListCache.CACHE_STATUS)).startsWith("scst-manager; hit");
		addDeviceOutside("outside2");
		assertThat(body(devices())).doesNotContain("outside2");
		MvcTestResult fresh = this.mvc.get()
			.uri("/api/v1/devices?limit=100")
			.header("Cache-Control", "max-stale=60, no-cache")
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
		assertThat(fresh).hasStatusOk().headers().hasValue(ListCache.CACHE_STATUS, "scst-manager; fwd=miss");
		assertThat(body(fresh)).contains("\"outside2\"");
		MvcTestResult next = devices();
		assertThat(next.getResponse().getHeader(ListCache.CACHE_STATUS)).startsWith("scst-manager; hit");
		assertThat(body(next)).isEqualTo(body(fresh));
	}

	@Test
	void aFreshAnswerIsAskedForByNoCacheOrMaxAgeZero() {
		for (String[] header : new String[][] { { "Cache-Control", "no-cache" }, { "Cache-Control", "No-Cache" },
				{ "Cache-Control", "max-age=0" }, { "Cache-Control", "private, max-age=0" },
				{ "Pragma", "no-cache" } }) {
			org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest();
			request.addHeader(header[0], header[1]);
			assertThat(ListCache.wantsFresh(request)).as(header[0] + ": " + header[1]).isTrue();
		}
		for (String[] header : new String[][] { { "Cache-Control", "max-age=10" }, { "Cache-Control", "no-store" },
				{ "Cache-Control", "max-age=00" + "1" }, { "Pragma", "x-no-cache" }, { "Accept", "no-cache" } }) {
			org.springframework.mock.web.MockHttpServletRequest request = new org.springframework.mock.web.MockHttpServletRequest();
			request.addHeader(header[0], header[1]);
			assertThat(ListCache.wantsFresh(request)).as(header[0] + ": " + header[1]).isFalse();
		}
	}

	@Test
	void aServedAnswerIsCountedUnderItsRoute() {
		String route = "/api/v1/target-drivers/{driver}/targets";
		double before = requests(route);
		MvcTestResult miss = targets();
		MvcTestResult hit = targets();
		assertThat(hit.getResponse().getHeader(ListCache.CACHE_STATUS)).startsWith("scst-manager; hit");
		assertThat(body(hit)).isEqualTo(body(miss));
		await().atMost(Duration.ofSeconds(10)).until(() -> requests(route) - before == 2);
		assertThat(this.registry.find("http.server.requests").tag("uri", "UNKNOWN").timers()).isEmpty();
	}

	@Test
	void anAnswerThatIsNotAListIsNotKept() {
		MvcTestResult scst = this.mvc.get().uri("/api/v1/scst").accept(MediaType.APPLICATION_JSON).exchange();
		assertThat(scst).hasStatusOk();
		assertThat(scst.getResponse().getHeader(ListCache.CACHE_STATUS)).isNull();
		MvcTestResult missing = this.mvc.get()
			.uri("/api/v1/target-drivers/no_such_driver/targets")
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
		assertThat(missing).hasStatus4xxClientError();
		MvcTestResult again = this.mvc.get()
			.uri("/api/v1/target-drivers/no_such_driver/targets")
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
		assertThat(again.getResponse().getHeader(ListCache.CACHE_STATUS)).isEqualTo("scst-manager; fwd=miss");
	}

	/**
	 * Add a device by writing into the simulator directly, as another tool writes to the
	 * kernel: the gateway does not see it.
	 */
	private void addDeviceOutside(String name) {
		ScstSimulator simulator = ((SimulatedScstSysfs) this.sysfs).simulator();
		simulator.write(io.scst.manager.sysfs.ScstPath.of("handlers", "vdisk_nullio", "mgmt"),
				("add_device " + name + "\n").getBytes(StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(10))
			.until(() -> simulator.list(io.scst.manager.sysfs.ScstPath.of("devices"))
				.stream()
				.anyMatch((entry) -> entry.name().equals(name)));
	}

	private MvcTestResult targets() {
		return this.mvc.get()
			.uri("/api/v1/target-drivers/copy_manager/targets")
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
	}

	private double requests(String route) {
		return this.registry.find("http.server.requests")
			.tag("uri", route)
			.timers()
			.stream()
			.mapToDouble(Timer::count)
			.sum();
	}

	private MvcTestResult devices() {
		return this.mvc.get().uri("/api/v1/devices?limit=100").accept(MediaType.APPLICATION_JSON).exchange();
	}

	private static String body(MvcTestResult result) {
		return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
	}

}
