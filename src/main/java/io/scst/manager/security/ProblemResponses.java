package io.scst.manager.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.scst.manager.web.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Writes the problem responses (RFC 9457) of the security filters, which run before
 * Spring MVC and so before the API's exception handler: 401 {@code unauthorized}, 403
 * {@code forbidden}, 413 {@code payload-too-large} and 400 {@code invalid-request} for a
 * URL that the firewall refuses (a bean of this type is Spring Security's
 * {@link RequestRejectedHandler}).
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

	/** 413: the request body is larger than {@code scst.security.max-body-size}. */
	static final URI PAYLOAD_TOO_LARGE = ProblemTypes.PAYLOAD_TOO_LARGE;

	/** The challenge sent with a 401. */
	static final String CHALLENGE = "Bearer realm=\"scst-manager\", Basic realm=\"scst-manager\"";

	private final JsonMapper mapper;

	ProblemResponses(JsonMapper mapper) {
		this.mapper = mapper;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException authException) throws IOException {
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
		write(request, response, 401, ProblemTypes.UNAUTHORIZED, "Authentication required",
				"Send 'Authorization: Bearer <token>' or HTTP Basic credentials"
						+ ((request.getHeader(HttpHeaders.AUTHORIZATION) != null)
								? "; the credentials sent are not valid" : ""));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			AccessDeniedException accessDeniedException) throws IOException {
		write(request, response, 403, ProblemTypes.FORBIDDEN, "Forbidden",
				"Your role does not allow " + request.getMethod() + " " + request.getRequestURI());
	}

	/**
	 * A URL that Spring Security's firewall refuses (matrix parameters {@code ;}, an
	 * encoded {@code /}, {@code //}, {@code ..}, ...): 400 {@code invalid-request}.
	 */
	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response,
			RequestRejectedException requestRejectedException) throws IOException {
		write(request, response, 400, ProblemTypes.INVALID_REQUEST, "Invalid request",
				"The URL was refused: " + requestRejectedException.getMessage());
	}

	void write(HttpServletRequest request, HttpServletResponse response, int status, URI type, String title,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.toString());
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter().write(this.mapper.writeValueAsString(problem));
		response.getWriter().flush();
	}

}
