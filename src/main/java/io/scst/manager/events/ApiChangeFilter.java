package io.scst.manager.events;

import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Publishes an {@code api-change} event for every mutating request under {@code /api/}
 * (method, path, status, request id, principal) and keeps the tree watcher from reporting
 * the API's own changes as changes behind its back. Every {@code /api/} response carries
 * an {@code X-Request-Id}: the request's own when it sent a valid one, a generated UUID
 * otherwise.
 */
final class ApiChangeFilter extends OncePerRequestFilter {

	static final String REQUEST_ID = "X-Request-Id";

	private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

	private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private final EventService events;

	private final TreeWatcher watcher;

	ApiChangeFilter(EventService events, TreeWatcher watcher) {
		this.events = events;
		this.watcher = watcher;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String given = request.getHeader(REQUEST_ID);
		String requestId = (given != null && VALID_ID.matcher(given).matches()) ? given : UUID.randomUUID().toString();
		response.setHeader(REQUEST_ID, requestId);
		if (!MUTATING.contains(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		this.watcher.apiChangeStarts();
		try {
			chain.doFilter(request, response);
		}
		finally {
			this.watcher.apiChangeEnded();
			Principal principal = request.getUserPrincipal();
			this.events.apiChange(request.getMethod(), request.getRequestURI(), response.getStatus(), requestId,
					(principal != null) ? principal.getName() : null);
		}
	}

}
