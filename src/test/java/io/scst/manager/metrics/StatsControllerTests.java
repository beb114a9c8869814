package io.scst.manager.metrics;

import java.io.UncheckedIOException;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.scst.manager.ServerTest;
import io.scst.manager.sysfs.MgmtCommand;
import io.scst.manager.sysfs.ScstSysfs;
import io.scst.manager.sysfs.ScstTree;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /api/v1/stats} and the event stream over real HTTP, with the watcher looking
 * every 100 ms.
 */
@ServerTest(properties = { "scst.simulator.state=demo", "scst.simulator.data-dir=target/events-test-data",
		"scst.metrics.watch-period=100ms" })
@Tag("integration")
class StatsControllerTests {

	private static final String TARGET = "scst_local_tgt";

	private static final Duration WAIT = Duration.ofSeconds(10);

	@LocalServerPort
	private int port;

	@Autowired
	private ScstSysfs sysfs;

	@Autowired
	private JsonMapper mapper;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@Test
	void streamsApiChangesAndChangesBehindTheApisBack() throws Exception {
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		HttpRequest subscribe = HttpRequest.newBuilder(uri("/api/v1/events"))
			.header("Accept", "text/event-stream")
			.build();
		CompletableFuture<HttpResponse<Stream<String>>> stream = this.http.sendAsync(subscribe,
				HttpResponse.BodyHandlers.ofLines());
		HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		Thread reader = new Thread(() -> {
			try {
				response.body().forEach(lines::add);
			}
			catch (UncheckedIOException ex) {
				// the test closed the stream in its finally block while this thread read
				// it
			}
		}, "sse-reader");
		reader.setDaemon(true);
		reader.start();
		assertThat(next(lines, (line) -> line.startsWith(":connected") || line.startsWith(": connected"))).isNotNull();
		try {
			HttpResponse<String> created = this.http
				.send(HttpRequest.newBuilder(uri("/api/v1/target-drivers/scst_local/targets/" + TARGET + "/sessions"))
					.header("Content-Type", "application/json")
					.header("X-Request-Id", "events-test-1")
					.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"events_api\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(created.statusCode()).isEqualTo(201);
			assertThat(created.headers().firstValue("X-Request-Id")).contains("events-test-1");
			JsonNode apiChange = nextEvent(lines, "api-change");
			assertThat(apiChange.get("method").asString()).isEqualTo("POST");
			assertThat(apiChange.get("path").asString())
				.isEqualTo("/api/v1/target-drivers/scst_local/targets/" + TARGET + "/sessions");
			assertThat(apiChange.get("status").asInt()).isEqualTo(201);
			assertThat(apiChange.get("requestId").asString()).isEqualTo("events-test-1");

			this.sysfs.mgmt(MgmtCommand.addSession("scst_local", TARGET, "events_behind"));
			List<JsonNode> treeChanges = new ArrayList<>();
			JsonNode behind;
			do {
				behind = nextEvent(lines, "tree-change");
				treeChanges.add(behind);
			}
			while (!behind.get("name").asString().endsWith("/events_behind"));
			assertThat(behind.get("object").asString()).isEqualTo("session");
			assertThat(behind.get("name").asString()).isEqualTo("scst_local/" + TARGET + "/events_behind");
			assertThat(behind.get("change").asString()).isEqualTo("appeared");
			assertThat(treeChanges).as("the API's own session is not reported as a change behind its back")
				.noneMatch((event) -> event.get("name").asString().endsWith("/events_api"));
		}
		finally {
			response.body().close();
			deleteSession("events_api");
			deleteSession("events_behind");
		}
	}

	@Test
	void statsServesTheSnapshotAsJson() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/v1/stats")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode stats = this.mapper.readTree(response.body());
		assertThat(stats.get("available").asBoolean()).isTrue();
		assertThat(stats.get("version").asString()).isEqualTo("3.11.0-pre");
		assertThat(stats.get("devices").get(0).get("device").asString()).isEqualTo("vm_disk1");
		assertThat(response.headers().firstValue("ETag")).isPresent();
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private JsonNode nextEvent(BlockingQueue<String> lines, String type) throws InterruptedException {
		assertThat(next(lines, (line) -> line.equals("event:" + type) || line.equals("event: " + type)))
			.as("an %s event", type)
			.isNotNull();
		String data = next(lines, (line) -> line.startsWith("data:"));
		assertThat(data).isNotNull();
		return this.mapper.readTree(data.substring("data:".length()));
	}

	private static @Nullable String next(BlockingQueue<String> lines, Predicate<String> wanted)
			throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
			if (line != null && wanted.test(line)) {
				return line;
			}
		}
		return null;
	}

	private void deleteSession(String session) {
		if (!this.sysfs.exists(ScstTree.session("scst_local", TARGET, session))) {
			return;
		}
		this.sysfs.mgmt(MgmtCommand.delSession("scst_local", TARGET, session));
		await().atMost(WAIT).until(() -> !this.sysfs.exists(ScstTree.session("scst_local", TARGET, session)));
	}

}
