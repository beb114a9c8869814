package io.scst.manager;

import io.scst.manager.web.ProblemTypes;

import org.springframework.http.MediaType;
import org.springframework.test.json.AbstractJsonContentAssert;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;

import static org.assertj.core.api.Assertions.assertThat;

/** The assertion every API error test starts with: an RFC 9457 problem of one type. */
public final class ProblemAssert {

	private ProblemAssert() {
	}

	/**
	 * Perform a request and assert it answered a problem.
	 * @param request the request
	 * @param status the expected status
	 * @param slug the expected problem type's slug, e.g. {@code not-found}
	 * @return the body, for more assertions
	 */
	public static AbstractJsonContentAssert<?> problem(MockMvcRequestBuilder request, int status, String slug) {
		MvcTestResultAssert result = assertThat(request);
		result.hasStatus(status).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		AbstractJsonContentAssert<?> json = result.bodyJson();
		json.extractingPath("$.type").isEqualTo(ProblemTypes.PREFIX + slug);
		json.extractingPath("$.status").isEqualTo(status);
		return json;
	}

}
