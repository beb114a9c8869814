package io.scst.manager.security;

import java.io.IOException;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: gives every request an id ({@code X-Request-Id} as sent when it
 * is sane, a new UUID otherwise, echoed in the response), and writes an audit entry for
 * every change attempt (a request under {@code /api/} other than GET, HEAD or OPTIONS),
 * whether it was allowed, denied or failed.
 */
final class AuditFilter extends OncePerRequestFilter {

	/** The request id header. */
	static final String REQUEST_ID = "X-Request-Id";

	/** The request attribute holding the request id. */
	static final String REQUEST_ID_ATTRIBUTE = AuditFilter.class.getName() + ".requestId";

	private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	private static final String API = "/api/";

	private static final String API_V1 = "/api/v1/";

	private final AuditRecorder recorder;

	private final AuditLog log;

	AuditFilter(AuditRecorder recorder, AuditLog log) {
		this.recorder = recorder;
		this.log = log;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(REQUEST_ID);
		if (requestId == null || !SANE_ID.matcher(requestId).matches()) {
			requestId = UUID.randomUUID().toString();
		}
		request.setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
		response.setHeader(REQUEST_ID, requestId);
		String path = request.getRequestURI();
		if (READS.contains(request.getMethod()) || !path.startsWith(API)) {
			chain.doFilter(request, response);
			return;
		}
		AuditRecorder.Recording recording = this.recorder.start();
		int status = 500;
		try {
			chain.doFilter(request, response);
			status = response.getStatus();
		}
		finally {
			this.recorder.stop();
			this.log.append(entry(request, requestId, path, recording, status));
		}
	}

	private static AuditEntry entry(HttpServletRequest request, String requestId, String path,
			AuditRecorder.Recording recording, int status) {
		String principal = recording.principal();
		String errno = recording.firstErrno();
		String object = path.startsWith(API_V1) ? path.substring(API_V1.length()) : path.substring(API.length());
		String result = (status < 400) ? "ok" : (status == 401 || status == 403) ? "denied" : "failed";
		return new AuditEntry(Instant.now().toString(), (principal != null) ? principal : "anonymous",
				request.getRemoteAddr(), requestId, request.getMethod(), path, object, recording.commands(), status,
				result, errno);
	}

}
