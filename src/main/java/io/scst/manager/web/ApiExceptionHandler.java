package io.scst.manager.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import io.scst.manager.sysfs.InvalidNameException;
import io.scst.manager.sysfs.KernelRejectedException;
import io.scst.manager.sysfs.ScstBusyException;
import io.scst.manager.sysfs.ScstUnavailableException;
import io.scst.manager.sysfs.SysfsException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The one place where exceptions become responses: every error is an RFC 9457
 * {@code application/problem+json} body whose {@code type} is one of
 * {@link ProblemTypes}.
 *
 * <table>
 * <caption>Mapping</caption>
 * <tr>
 * <th>thrown</th>
 * <th>status</th>
 * <th>type</th>
 * <th>extra properties</th>
 * </tr>
 * <tr>
 * <td>{@link NotFoundException}</td>
 * <td>404</td>
 * <td>not-found</td>
 * <td>object</td>
 * </tr>
 * <tr>
 * <td>{@link ConflictException}</td>
 * <td>409</td>
 * <td>conflict</td>
 * <td>object</td>
 * </tr>
 * <tr>
 * <td>bean validation, binding, unreadable body, {@link IllegalArgumentException}</td>
 * <td>400</td>
 * <td>invalid-request</td>
 * <td>errors[] (field, message) for validation</td>
 * </tr>
 * <tr>
 * <td>{@link InvalidNameException} (a name or value SCST would split or rename)</td>
 * <td>400</td>
 * <td>invalid-request</td>
 * <td>errors[] with the one field</td>
 * </tr>
 * <tr>
 * <td>{@link PreconditionFailedException} ({@code If-Match})</td>
 * <td>412</td>
 * <td>precondition-failed</td>
 * <td>currentEtag when the resource exists</td>
 * </tr>
 * <tr>
 * <td>{@link KernelRejectedException}</td>
 * <td>422</td>
 * <td>kernel-rejected</td>
 * <td>errno, errnoCode, path, command, lastSysfsMgmtRes</td>
 * </tr>
 * <tr>
 * <td>{@link ScstBusyException}</td>
 * <td>503 + {@code Retry-After}</td>
 * <td>busy</td>
 * <td>path, command</td>
 * </tr>
 * <tr>
 * <td>{@link ScstUnavailableException}</td>
 * <td>503</td>
 * <td>scst-unavailable</td>
 * <td>path</td>
 * </tr>
 * <tr>
 * <td>anything else</td>
 * <td>500</td>
 * <td>internal</td>
 * <td>none; the stack is logged once and nothing else is revealed</td>
 * </tr>
 * </table>
 * Problems that Spring MVC builds itself, and those of errors raised before it (Tomcat's
 * {@code sendError}, forwarded to {@link ErrorController}), are typed by their status
 * ({@link ProblemTypes#forStatus(int)}): 400 {@code invalid-request}, 404
 * {@code not-found} (unknown URLs too), 405 {@code method-not-allowed} (with
 * {@code Allow}), 406 {@code not-acceptable}, 413 {@code payload-too-large}, 415
 * {@code unsupported-media-type}, any other 4xx {@code invalid-request} and any other 5xx
 * {@code internal}.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private static final String INVALID_REQUEST_TITLE = "Invalid request";

	private static final String INTERNAL_TITLE = "Internal server error";

	private static final String INTERNAL_DETAIL = "An unexpected error occurred; the server log has the details.";

	/** Seconds a client should wait before retrying a request that found SCST busy. */
	static final String RETRY_AFTER_SECONDS = "1";

	@ExceptionHandler
	ResponseEntity<Object> handleNotFound(NotFoundException ex, WebRequest request) {
		return objectProblem(ex, HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleConflict(ConflictException ex, WebRequest request) {
		return objectProblem(ex, HttpStatus.CONFLICT, ProblemTypes.CONFLICT, request);
	}

	private ResponseEntity<Object> objectProblem(ObjectProblemException ex, HttpStatus status, URI type,
			WebRequest request) {
		ProblemDetail problem = problem(status, type, ex.title(), ex.getMessage());
		problem.setProperty("object", ex.object());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), status, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleKernelRejected(KernelRejectedException ex, WebRequest request) {
		this.logger.debug("SCST rejected an operation", ex);
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemTypes.KERNEL_REJECTED,
				"The kernel rejected the operation", ex.getMessage());
		problem.setProperty("errno", ex.errno().symbol());
		problem.setProperty("errnoCode", ex.errno().code());
		addLocation(problem, ex);
		if (ex.lastResult() != null) {
			problem.setProperty("lastSysfsMgmtRes", ex.lastResult());
		}
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.UNPROCESSABLE_CONTENT, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleBusy(ScstBusyException ex, WebRequest request) {
		this.logger.warn(ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.BUSY, "SCST is busy",
				ex.getMessage() + "; the operation may still complete, retry later");
		addLocation(problem, ex);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleUnavailable(ScstUnavailableException ex, WebRequest request) {
		this.logger.warn("SCST unavailable: " + ex.getMessage(), ex.getCause());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SCST_UNAVAILABLE,
				"SCST is not available", ex.getMessage());
		problem.setProperty("path", ex.path().toString());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		for (ConstraintViolation<?> violation : ex.getConstraintViolations()) {
			errors.add(new InvalidField(violation.getPropertyPath().toString(), violation.getMessage()));
		}
		return handleExceptionInternal(ex, invalid(errors), new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleInvalidName(InvalidNameException ex, WebRequest request) {
		return handleExceptionInternal(ex, invalid(List.of(new InvalidField(ex.field(), ex.reason()))),
				new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handlePreconditionFailed(PreconditionFailedException ex, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.PRECONDITION_FAILED, ProblemTypes.PRECONDITION_FAILED,
				"Precondition failed", ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		if (ex.currentEtag() != null) {
			problem.setProperty("currentEtag", ex.currentEtag());
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatus.PRECONDITION_FAILED, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleIllegalArgument(IllegalArgumentException ex, WebRequest request) {
		this.logger.debug("Invalid request", ex);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, INVALID_REQUEST_TITLE,
				ex.getMessage());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		this.logger.error("Unexpected failure for " + request.getDescription(false), ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL, INTERNAL_TITLE,
				INTERNAL_DETAIL);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new InvalidField(error.getField(), message(error)));
		}
		for (ObjectError error : ex.getBindingResult().getGlobalErrors()) {
			errors.add(new InvalidField(error.getObjectName(), message(error)));
		}
		return handleExceptionInternal(ex, invalid(errors), headers, status, request);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<InvalidField> errors = new ArrayList<>();
		for (ParameterValidationResult result : ex.getParameterValidationResults()) {
			String parameter = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				String field = (error instanceof FieldError fieldError) ? fieldError.getField() : parameter;
				errors.add(new InvalidField((field != null) ? field : "", message(error)));
			}
		}
		for (MessageSourceResolvable error : ex.getCrossParameterValidationResults()) {
			errors.add(new InvalidField("", message(error)));
		}
		return handleExceptionInternal(ex, invalid(errors), headers, status, request);
	}

	/**
	 * A client that went away while its response was written (broken pipe, connection
	 * reset) is nothing to answer and no failure of this server: logged at debug level.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotWritable(HttpMessageNotWritableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
			this.logger.debug("The client went away for " + request.getDescription(false) + ": " + ex.getMessage());
			return null;
		}
		return super.handleHttpMessageNotWritable(ex, headers, status, request);
	}

	/**
	 * A body that grew past the size limit while it was read is 413, not an unreadable
	 * body.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BodyTooLargeException tooLarge) {
				ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, ProblemTypes.PAYLOAD_TOO_LARGE,
						"Payload too large",
						"The request body is larger than the " + tooLarge.maxBytes() + " bytes accepted");
				return handleExceptionInternal(ex, problem, headers, HttpStatus.CONTENT_TOO_LARGE, request);
			}
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	/**
	 * Gives the problems that Spring MVC builds itself (unreadable body, type mismatch,
	 * unknown path, wrong method, media types, ...) and those of {@link ErrorController}
	 * (errors raised before Spring MVC) this API's types: by status, with
	 * {@code invalid-request} for any other 4xx and {@code internal} for any other 5xx.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse errorResponse) {
			body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		if (body instanceof ProblemDetail problem && isUntyped(problem)) {
			URI type = ProblemTypes.forStatus(statusCode.value());
			problem.setType(type);
			problem.setTitle(ProblemTypes.titleOf(type));
			if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
				problem.setDetail("Nothing is at " + path(request));
			}
			if (statusCode.value() == HttpStatus.INTERNAL_SERVER_ERROR.value()) {
				this.logger.error("Unexpected failure for " + request.getDescription(false), ex);
				problem.setDetail(INTERNAL_DETAIL);
			}
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static String path(WebRequest request) {
		return (request instanceof ServletWebRequest servlet) ? servlet.getRequest().getRequestURI()
				: request.getDescription(false);
	}

	private static boolean isUntyped(ProblemDetail problem) {
		return problem.getType() == null || ABOUT_BLANK.equals(problem.getType());
	}

	private static ProblemDetail problem(HttpStatus status, URI type, String title, @Nullable String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		problem.setTitle(title);
		return problem;
	}

	private static ProblemDetail invalid(List<InvalidField> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_REQUEST, INVALID_REQUEST_TITLE,
				(errors.size() == 1) ? "1 invalid value" : errors.size() + " invalid values");
		problem.setProperty("errors", errors);
		return problem;
	}

	private static void addLocation(ProblemDetail problem, SysfsException ex) {
		problem.setProperty("path", ex.path().toString());
		if (ex.written() != null) {
			problem.setProperty("command", ex.written());
		}
	}

	private static String message(MessageSourceResolvable error) {
		String message = error.getDefaultMessage();
		return (message != null) ? message : "is invalid";
	}

	/**
	 * One invalid value of a request.
	 *
	 * @param field the field or parameter, as named in the request
	 * @param message what is wrong with it
	 */
	record InvalidField(String field, String message) {

	}

}
