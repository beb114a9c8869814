package io.scst.manager.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Tomcat's error report for requests it refuses before any servlet runs (an encoded
 * {@code /} or {@code \}, {@code %00}, a malformed URL or header): a problem
 * ({@code application/problem+json}) typed by status as {@link ApiExceptionHandler} types
 * them, in place of Tomcat's HTML page. Errors of requests that reached the application
 * are answered there (through {@code /error}); this valve only writes when nothing else
 * has.
 */
class ProblemReportValve extends ErrorReportValve {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		AtomicBoolean ioAllowed = new AtomicBoolean(false);
		response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
		if (!ioAllowed.get()) {
			return;
		}
		URI type = ProblemTypes.forStatus(status);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", ProblemTypes.titleOf(type));
		problem.put("status", status);
		problem.put("detail", detail(status, (status < 500) ? response.getMessage() : null));
		String uri = request.getDecodedRequestURI();
		if (uri != null) {
			problem.put("instance", uri);
		}
		try {
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write(MAPPER.writeValueAsString(problem));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client went away or the response was committed: nothing more to say.
		}
	}

	private static String detail(int status, String message) {
		if (message != null && !message.isBlank()) {
			return "The request was refused: " + message;
		}
		HttpStatus known = HttpStatus.resolve(status);
		return "The request was refused" + ((known != null) ? ": " + known.getReasonPhrase() : "");
	}

}
