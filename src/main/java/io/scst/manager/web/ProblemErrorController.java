package io.scst.manager.web;

import java.net.URI;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /error}, where Tomcat forwards the errors raised before Spring MVC
 * ({@code sendError} of a filter, Spring Security's default handlers, Tomcat's own 405
 * for {@code TRACE}, an exception thrown by a filter): replaces Spring Boot's
 * {@code BasicErrorController}, whose body is plain JSON, by a problem that
 * {@link ApiExceptionHandler} types by status like every other.
 */
@RestController
@Hidden
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:${error.path:/error}}")
	void error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatusCode status = HttpStatusCode.valueOf(
				(code instanceof Integer value && value >= 400) ? value : HttpStatus.INTERNAL_SERVER_ERROR.value());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				detail(request.getAttribute(RequestDispatcher.ERROR_MESSAGE), status));
		problem.setInstance(instance(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI)));
		Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
		throw new ErrorResponseException(status, problem, (cause instanceof Throwable throwable) ? throwable : null);
	}

	private static String detail(@Nullable Object message, HttpStatusCode status) {
		if (message instanceof String text && !text.isBlank()) {
			return text;
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() : "HTTP " + status.value();
	}

	/** The URL of the failed request (not {@code /error}), when it is a valid URI. */
	private static @Nullable URI instance(@Nullable Object uri) {
		if (uri instanceof String path) {
			try {
				return URI.create(path);
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

}
