package io.scst.manager.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.scst.manager.ServerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the server answers is a typed problem ({@code application/problem+json}),
 * including those that Tomcat, the security filters and Spring MVC raise before a
 * controller runs. Over real HTTP with a raw socket: MockMvc bypasses Tomcat, and
 * {@code java.net.http} refuses to send most of these requests.
 */
@ServerTest
@Tag("integration")
class ErrorResponsesIntegrationTests {

	private static final String LUNS = "/api/v1/target-drivers/scst_local/targets/x/luns/";

	@LocalServerPort
	private int port;

	@ParameterizedTest
	@ValueSource(strings = { "..%2f", "a%2Fb", "a%5cb", "a%00b", "a%zzb" })
	void urlsThatTomcatRefusesAreInvalidRequestProblems(String lun) throws IOException {
		Answer answer = send("GET " + LUNS + lun + " HTTP/1.1\r\n\r\n");
		answer.assertProblem(400, "invalid-request");
	}

	@ParameterizedTest
	@ValueSource(strings = { LUNS + "1;2", LUNS + "1;x=2", LUNS + "1%3b2", LUNS + "../../y", "/api/v1//devices" })
	void urlsThatTheFirewallRefusesAreInvalidRequestProblems(String path) throws IOException {
		Answer answer = send("GET " + path + " HTTP/1.1\r\n\r\n");
		answer.assertProblem(400, "invalid-request");
		assertThat(answer.body()).contains("The URL was refused");
	}

	@Test
	void malformedRequestsAreInvalidRequestProblems() throws IOException {
		send("GET /api/v1/devices HTTP/1.1\r\nBad Header: x\r\n\r\n").assertProblem(400, "invalid-request");
		send("GET /api/v1/dev{ices HTTP/1.1\r\n\r\n").assertProblem(400, "invalid-request");
	}

	@Test
	void anUnknownUrlIsANotFoundProblem() throws IOException {
		Answer answer = send("GET /api/v1/nope HTTP/1.1\r\n\r\n");
		answer.assertProblem(404, "not-found");
		assertThat(answer.body()).contains("Nothing is at /api/v1/nope").doesNotContain("static resource");
		send("GET /nope HTTP/1.1\r\n\r\n").assertProblem(404, "not-found");
	}

	@Test
	void aWrongMethodIsAMethodNotAllowedProblemWithAllow() throws IOException {
		Answer delete = send("DELETE /api/v1/devices HTTP/1.1\r\n\r\n");
		delete.assertProblem(405, "method-not-allowed");
		assertThat(delete.headers().get("allow")).contains("GET").contains("POST");
		Answer trace = send("TRACE /api/v1/devices HTTP/1.1\r\n\r\n");
		trace.assertProblem(405, "method-not-allowed");
		assertThat(trace.headers()).containsKey("allow");
	}

	@Test
	void mediaTypeErrorsAreTypedProblems() throws IOException {
		send(post("/api/v1/devices", "image/png", "ab")).assertProblem(415, "unsupported-media-type");
		send("GET /api/v1/devices HTTP/1.1\r\nAccept: image/png\r\n\r\n").assertProblem(406, "not-acceptable");
	}

	@Test
	void bodyErrorsAreTypedProblems() throws IOException {
		send(post("/api/v1/devices", "application/json", "{x")).assertProblem(400, "invalid-request");
		send("POST /api/v1/devices HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\n\r\n{")
			.assertProblem(413, "payload-too-large");
	}

	private static String post(String path, String contentType, String body) {
		return "POST " + path + " HTTP/1.1\r\nContent-Type: " + contentType + "\r\nContent-Length: "
				+ body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

	/**
	 * Send one request as written, with {@code Host} and {@code Connection: close} added
	 * after the request line, and read the whole answer.
	 */
	private Answer send(String request) throws IOException {
		int endOfLine = request.indexOf("\r\n");
		String raw = request.substring(0, endOfLine + 2) + "Host: localhost\r\nConnection: close\r\n"
				+ request.substring(endOfLine + 2);
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(raw.getBytes(StandardCharsets.UTF_8));
			out.flush();
			// Half-close: a server still waiting for a declared body sees its end.
			socket.shutdownOutput();
			InputStream in = socket.getInputStream();
			return Answer.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
	}

	/** A raw HTTP/1.1 answer; header names in lower case, the body de-chunked. */
	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(String text) {
			int end = text.indexOf("\r\n\r\n");
			assertThat(end).as("an HTTP answer: %s", text).isPositive();
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				StringBuilder joined = new StringBuilder();
				int at = 0;
				while (true) {
					int lineEnd = body.indexOf("\r\n", at);
					int size = Integer.parseInt(body.substring(at, lineEnd).strip(), 16);
					if (size == 0) {
						break;
					}
					joined.append(body, lineEnd + 2, lineEnd + 2 + size);
					at = lineEnd + 2 + size + 2;
				}
				body = joined.toString();
			}
			return new Answer(status, headers, body);
		}

		void assertProblem(int expectedStatus, String slug) {
			assertThat(this.status).as("status of %s", this).isEqualTo(expectedStatus);
			assertThat(this.headers.get("content-type")).as("content type of %s", this)
				.startsWith("application/problem+json");
			assertThat(this.body).as("body")
				.contains("\"type\":\"" + ProblemTypes.PREFIX + slug + "\"")
				.contains("\"status\":" + expectedStatus);
		}

	}

}
