package io.scst.manager.security;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.scst.manager.ServerTest;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.simulation.SimulatedScstSysfs;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies sent without a length (chunked, over real HTTP) are held to
 * {@code scst.security.max-body-size} too: 413 and nothing written.
 */
@ServerTest(properties = { "scst.simulator.state=fresh", "scst.security.max-body-size=4KB" })
@Tag("integration")
class ChunkedBodyLimitTests {

	@LocalServerPort
	private int port;

	@Autowired
	private ScstSysfs sysfs;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void aChunkedJsonBodyOverTheLimitIs413AndWritesNothing() throws Exception {
		long writes = writes();
		String body = "{\"name\":\"chunky\",\"handler\":\"vdisk_nullio\",\"parameters\":{\"x\":\"" + "a".repeat(8192)
				+ "\"}}";
		HttpResponse<String> response = send("POST", "/api/v1/devices", "application/json", body);
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("urn:scst-mgmt:problem:payload-too-large");
		assertThat(writes()).isEqualTo(writes);
	}

	@Test
	void aChunkedTextBodyOverTheLimitIs413AndAppliesNothing() throws Exception {
		long writes = writes();
		StringBuilder config = new StringBuilder("HANDLER vdisk_nullio {\n");
		for (int i = 0; i < 400; i++) {
			config.append("\tDEVICE chunk").append(i).append('\n');
		}
		config.append("}\n");
		HttpResponse<String> response = send("PUT", "/api/v1/config", "text/plain", config.toString());
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.body()).contains("urn:scst-mgmt:problem:payload-too-large");
		assertThat(writes()).isEqualTo(writes);
	}

	@Test
	void aChunkedBodyUnderTheLimitIsRead() throws Exception {
		HttpResponse<String> response = send("POST", "/api/v1/devices", "application/json",
				"{\"name\":\"chunk_ok\",\"handler\":\"vdisk_nullio\"}");
		assertThat(response.statusCode()).isEqualTo(201);
	}

	private HttpResponse<String> send(String method, String path, String type, String body)
			throws IOException, InterruptedException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", type)
			.method(method, HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)))
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private long writes() {
		return ((SimulatedScstSysfs) this.sysfs).simulator().writeCount();
	}

}
