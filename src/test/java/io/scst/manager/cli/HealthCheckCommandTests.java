package io.scst.manager.cli;

import java.io.IOException;
import java.net.ServerSocket;

import io.scst.manager.ServerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code healthcheck} command against a real server on the simulator. */
@ServerTest
@Tag("integration")
class HealthCheckCommandTests {

	@LocalServerPort
	private int port;

	@Test
	void healthyServerExitsZero() {
		assertThat(HealthCheckCommand.run(url("/actuator/health"))).isZero();
		assertThat(HealthCheckCommand.run(url("/actuator/health/liveness"))).isZero();
		assertThat(HealthCheckCommand.run(url("/actuator/health/readiness"))).isZero();
	}

	@Test
	void errorStatusExitsOne() {
		assertThat(HealthCheckCommand.run(url("/actuator/no-such-endpoint"))).isOne();
	}

	@Test
	void nothingListeningExitsOne() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		assertThat(HealthCheckCommand.run("http://127.0.0.1:" + closedPort + "/actuator/health")).isOne();
	}

	@Test
	void badUsageExitsTwo() {
		assertThat(HealthCheckCommand.run("a", "b")).isEqualTo(2);
		assertThat(HealthCheckCommand.run("not a url")).isEqualTo(2);
		assertThat(HealthCheckCommand.run("ftp://127.0.0.1/health")).isEqualTo(2);
	}

	@Test
	void defaultUrlUsesServerPortOr8080() {
		assertThat(HealthCheckCommand.defaultUrl(null)).isEqualTo("http://127.0.0.1:8080/actuator/health/readiness");
		assertThat(HealthCheckCommand.defaultUrl(" ")).isEqualTo("http://127.0.0.1:8080/actuator/health/readiness");
		assertThat(HealthCheckCommand.defaultUrl("9090")).isEqualTo("http://127.0.0.1:9090/actuator/health/readiness");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
