package io.scst.manager.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import io.scst.manager.sysfs.simulation.ScstSimulator;
import io.scst.manager.sysfs.simulation.ScstTreeFixtures;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The SCST series of {@code /actuator/prometheus} on the demo simulator. */
@MetricsTest
class ScstMetricsCollectorTests {

	private static final String TARGET = "scst_local_tgt";

	/**
	 * Health components are shown to authenticated callers with a role that reads the
	 * API.
	 */
	private static final RequestPostProcessor VIEWER = user("viewer").roles("VIEWER");

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private StatsService stats;

	private ScstSimulator simulator() {
		return ((SimulatedScstSysfs) this.sysfs).simulator();
	}

	static Scrape scrape(MockMvcTester mvc) {
		var result = mvc.get().uri("/actuator/prometheus").exchange();
		assertThat(result).hasStatusOk();
		return Scrape.parse(new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8));
	}

	private static Map<String, String> session(String session) {
		return Map.of("driver", "scst_local", "target", TARGET, "session", session, "initiator", session);
	}

	private static Map<String, String> with(Map<String, String> labels, String name, String value) {
		java.util.Map<String, String> all = new java.util.HashMap<>(labels);
		all.put(name, value);
		return all;
	}

	@Test
	void sessionCountersAreScrapedWithLabelsAndKilobytesAsBytes() throws InterruptedException {
		this.sysfs.mgmt(MgmtCommand.addSession("scst_local", TARGET, "metrics_io"));
		try {
			simulator().addIo("scst_local", TARGET, "metrics_io", 3, 12, 5, 40);
			simulator().addIo("scst_local", TARGET, "metrics_io", "write", 0, 0, 2);
			Scrape scrape = scrape(this.mvc);
			Map<String, String> labels = session("metrics_io");
			assertThat(scrape.value("scst_session_completed_commands_total", with(labels, "direction", "read")))
				.contains(3.0);
			assertThat(scrape.value("scst_session_completed_commands_total", with(labels, "direction", "write")))
				.contains(5.0);
			assertThat(scrape.value("scst_session_transferred_bytes_total", with(labels, "direction", "read")))
				.contains(12.0 * 1024);
			assertThat(scrape.value("scst_session_transferred_bytes_total", with(labels, "direction", "write")))
				.contains(40.0 * 1024);
			assertThat(scrape.value("scst_session_unaligned_commands_total", with(labels, "direction", "write")))
				.contains(2.0);
			assertThat(scrape.value("scst_session_completed_commands_total", with(labels, "direction", "none")))
				.contains(0.0);
			assertThat(scrape.value("scst_session_transferred_bytes_total", with(labels, "direction", "none")))
				.isEmpty();
			assertThat(scrape.value("scst_session_commands_in_flight", labels)).contains(0.0);
			assertThat(scrape.value("scst_session_active_commands", labels)).contains(0.0);
			assertThat(scrape.find("scst_session_completed_commands_total", labels).get(0).labels())
				.containsOnlyKeys("driver", "target", "session", "initiator", "direction");
			assertThat(scrape.value("scst_target_sessions", Map.of("driver", "scst_local", "target", TARGET)))
				.contains(2.0);
		}
		finally {
			deleteSession("metrics_io");
		}
	}

	@Test
	void aDeletedSessionsSeriesDisappear() throws InterruptedException {
		this.sysfs.mgmt(MgmtCommand.addSession("scst_local", TARGET, "metrics_gone"));
		simulator().addIo("scst_local", TARGET, "metrics_gone", 1, 4, 0, 0);
		assertThat(scrape(this.mvc).find("scst_session_completed_commands_total", Map.of("session", "metrics_gone")))
			.hasSize(5);
		deleteSession("metrics_gone");
		Scrape after = scrape(this.mvc);
		assertThat(after.samples()).noneMatch((s) -> "metrics_gone".equals(s.labels().get("session")));
		assertThat(after.find("scst_session_completed_commands_total", Map.of("session", "scst_local_host")))
			.isNotEmpty();
	}

	@Test
	void devicesTargetsCoreAndLocalDriverAreScraped() {
		Scrape scrape = scrape(this.mvc);
		Map<String, String> disk = Map.of("device", "vm_disk1");
		assertThat(scrape.value("scst_device_info", Map.of("device", "vm_disk1", "handler", "vdisk_fileio")))
			.contains(1.0);
		assertThat(scrape.value("scst_device_size_bytes", disk)).contains((double) ScstTreeFixtures.DEMO_DISK_SIZE);
		assertThat(scrape.value("scst_device_block_size_bytes", disk)).contains(512.0);
		assertThat(scrape.value("scst_device_read_only", disk)).contains(0.0);
		assertThat(scrape.value("scst_device_exported_luns", disk)).contains(2.0);
		assertThat(scrape.value("scst_target_luns", Map.of("driver", "scst_local", "target", TARGET))).isPresent();
		assertThat(scrape.value("scst_build_info", Map.of("version", "3.11.0-pre"))).contains(1.0);
		assertThat(scrape.value("scst_up", Map.of())).contains(1.0);
		assertThat(scrape.value("scst_threads", Map.of())).hasValueSatisfying((v) -> assertThat(v).isPositive());
		assertThat(scrape.value("scst_local_error_handler_requests_total", Map.of("kind", "aborts"))).contains(0.0);
		assertThat(scrape.value("scst_local_error_handler_requests_total", Map.of("kind", "device_resets")))
			.contains(0.0);
		assertThat(scrape.value("scst_metrics_dropped_objects_total", Map.of("kind", "session"))).contains(0.0);
		assertThat(scrape.find("scst_session_dif_checks_failed_total", Map.of("session", "copy_manager_sess")))
			.hasSize(9);
	}

	@Test
	void aSuspensionShowsInTheSuspendCount() {
		assertThat(scrape(this.mvc).value("scst_io_suspended", Map.of())).contains(0.0);
		this.sysfs.write(ScstTree.SUSPEND, "5");
		try {
			assertThat(scrape(this.mvc).value("scst_io_suspended", Map.of())).contains(1.0);
		}
		finally {
			this.sysfs.write(ScstTree.SUSPEND, "-1");
		}
		assertThat(scrape(this.mvc).value("scst_io_suspended", Map.of())).contains(0.0);
	}

	@Test
	void oneScrapeIsOneWalkOfTheTree() {
		long before = this.stats.walks();
		scrape(this.mvc);
		assertThat(this.stats.walks() - before).isEqualTo(1);
	}

	@Test
	void managementOperationsAreTimedByOperationAndOutcome() {
		this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "metrics_op", Map.of()));
		KernelRejectedException failure = null;
		try {
			this.sysfs.mgmt(MgmtCommand.addDevice("vdisk_nullio", "metrics_op", Map.of()));
		}
		catch (KernelRejectedException ex) {
			failure = ex;
		}
		finally {
			this.sysfs.mgmt(MgmtCommand.delDevice("vdisk_nullio", "metrics_op"));
		}
		assertThat(failure).isNotNull();
		Scrape scrape = scrape(this.mvc);
		assertThat(scrape.value("scst_management_operations_seconds_count",
				Map.of("operation", "add_device", "outcome", "ok")))
			.hasValueSatisfying((count) -> assertThat(count).isGreaterThanOrEqualTo(1));
		assertThat(scrape.value("scst_management_operations_seconds_count",
				Map.of("operation", "add_device", "outcome", failure.errno().symbol())))
			.hasValueSatisfying((count) -> assertThat(count).isGreaterThanOrEqualTo(1));
		assertThat(scrape.value("scst_management_operations_seconds_count",
				Map.of("operation", "del_device", "outcome", "ok")))
			.isPresent();
		assertThat(failure.errno().symbol()).isNotEqualTo("ok");
	}

	@Test
	void readinessNeedsScstAndTheGatewayAndLivenessOnlyTheProcess() {
		var readiness = this.mvc.get().uri("/actuator/health/readiness").with(VIEWER).exchange();
		assertThat(readiness).hasStatusOk();
		assertThat(readiness).bodyJson().extractingPath("$.components.scst.status").isEqualTo("UP");
		assertThat(readiness).bodyJson().extractingPath("$.components.scstGateway.status").isEqualTo("UP");
		var liveness = this.mvc.get().uri("/actuator/health/liveness").with(VIEWER).exchange();
		assertThat(liveness).hasStatusOk();
		assertThat(liveness).bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(liveness).bodyJson().doesNotHavePath("$.components.scst");
		var health = this.mvc.get().uri("/actuator/health").with(VIEWER).exchange();
		assertThat(health).bodyJson().extractingPath("$.components.scstLocal.status").isEqualTo("UP");
	}

	/**
	 * promtool parses and lints the whole scrape, framework meters included: no findings
	 * (exit 0). Deliberate exceptions, made in {@link FrameworkMeterFilter} rather than
	 * here: {@code spring_security_*}, {@code tomcat_sessions_*} (a real server's only),
	 * {@code jvm_compilation_time_ms_total} and {@code process_cpu_time_ns_total} are not
	 * exported ({@code process_cpu_seconds_total} replaces the last), and
	 * {@code system_cpu_count} is exported as {@code system_cpus}.
	 */
	@Test
	void wholeScrapePassesPromtool(@TempDir Path dir) throws IOException, InterruptedException {
		Path promtool = Promtool.find();
		assumeThat(promtool).as("promtool (Debian package prometheus) is not installed; .ci/run installs it")
			.isNotNull();
		assertThat(this.mvc.get().uri("/api/v1/devices")).hasStatusOk();
		String text = scrape(this.mvc).text();
		assertThat(text).contains("scst_session_transferred_bytes_total", "http_server_requests_seconds_count",
				"jvm_memory_used_bytes", "process_cpu_seconds_total", "system_cpus");
		Promtool.Result all = Promtool.checkMetrics(promtool, dir.resolve("all.txt"), text);
		assertThat(all.exitCode()).as(all.output()).isZero();
		assertThat(all.output()).isBlank();
	}

	private void deleteSession(String session) {
		this.sysfs.mgmt(MgmtCommand.delSession("scst_local", TARGET, session));
		await("session " + session + " gone").atMost(Duration.ofSeconds(10))
			.until(() -> !this.sysfs.exists(ScstTree.session("scst_local", TARGET, session)));
	}

}
