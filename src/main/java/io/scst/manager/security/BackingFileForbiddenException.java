package io.scst.manager.security;

import io.scst.manager.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A device's backing file is outside what the backing-file policy allows: 403
 * {@code forbidden} with the reason and the {@code field}.
 */
public class BackingFileForbiddenException extends ErrorResponseException {

	private final String reason;

	BackingFileForbiddenException(String field, String filename, String reason) {
		super(HttpStatus.FORBIDDEN, problem(field, filename, reason), null);
		this.reason = reason;
	}

	/**
	 * Why the file is refused.
	 * @return the reason
	 */
	public String reason() {
		return this.reason;
	}

	@Override
	public String getMessage() {
		return this.reason;
	}

	private static ProblemDetail problem(String field, String filename, String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, reason);
		problem.setType(ProblemTypes.FORBIDDEN);
		problem.setTitle("Backing file not allowed");
		problem.setProperty("field", field);
		problem.setProperty("filename", filename);
		problem.setProperty("object", "device");
		return problem;
	}

}
