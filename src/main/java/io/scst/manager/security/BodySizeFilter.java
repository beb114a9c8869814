package io.scst.manager.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests whose {@code Content-Length} exceeds
 * {@code scst.security.max-body-size} with 413, before anything reads the body. (A
 * chunked body without a length is limited by Tomcat's
 * {@code server.tomcat.max-swallow-size}.)
 */
final class BodySizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemResponses problems;

	BodySizeFilter(long maxBytes, ProblemResponses problems) {
		this.maxBytes = maxBytes;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxBytes) {
			this.problems.write(request, response, 413, ProblemResponses.PAYLOAD_TOO_LARGE, "Payload too large",
					"The request body has " + length + " bytes; at most " + this.maxBytes + " are accepted");
			return;
		}
		chain.doFilter(request, response);
	}

}
