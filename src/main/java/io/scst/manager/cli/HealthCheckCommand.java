package io.scst.manager.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * {@code healthcheck [URL]}: ask a running server for its health, without starting one.
 * Exits {@code 0} when the URL answers 2xx (actuator health answers 200 for {@code UP}
 * and 503 for {@code DOWN}) and {@code 1} otherwise, so a container image without
 * {@code curl} can use it as its {@code HEALTHCHECK}. The URL defaults to
 * {@code http://127.0.0.1:$SERVER_PORT/actuator/health/readiness} (port 8080 when
 * {@code SERVER_PORT} is not set): the SCST tree and its writable management files. The
 * overall health also compares the live configuration with the saved one: a whole export
 * (0.3 to 0.5 s at 1,000 targets on the simulator; on a kernel it reads every object's
 * files) that never turns the health {@code DOWN}.
 */
public final class HealthCheckCommand {

	/** The first argument that selects this command. */
	public static final String NAME = "healthcheck";

	static final String USAGE = "Usage: java -jar scst-manager.jar " + NAME + " [URL]";

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private HealthCheckCommand() {
	}

	/**
	 * Ask once and report the outcome on standard output or standard error.
	 * @param args the arguments after the command name: nothing, or the URL
	 * @return {@code 0} healthy, {@code 1} unhealthy or unreachable, {@code 2} bad usage
	 */
	public static int run(String... args) {
		if (args.length > 1) {
			System.err.println(USAGE);
			return 2;
		}
		URI uri;
		try {
			uri = URI.create((args.length == 1) ? args[0] : defaultUrl(System.getenv("SERVER_PORT")));
		}
		catch (IllegalArgumentException ex) {
			System.err.println("Not a URL: " + args[0]);
			System.err.println(USAGE);
			return 2;
		}
		if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
			System.err.println("Not an http(s) URL: " + uri);
			return 2;
		}
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
			HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			boolean healthy = response.statusCode() / 100 == 2;
			(healthy ? System.out : System.err).println(uri + ": " + response.statusCode() + " " + response.body());
			return healthy ? 0 : 1;
		}
		catch (IOException ex) {
			System.err.println(uri + ": " + ex);
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	static String defaultUrl(@Nullable String port) {
		String effectivePort = (port == null || port.isBlank()) ? "8080" : port.strip();
		return "http://127.0.0.1:" + effectivePort + "/actuator/health/readiness";
	}

}
