package io.scst.manager.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PageArgumentResolver}: which requests it binds itself and which it leaves to
 * Spring's data binder (the controllers' tests check what the binder answers).
 */
class PageArgumentResolverTests {

	@Test
	void noLimitAndNoAfterIsTheWholeList() {
		assertThat(PageArgumentResolver.plain(request())).isEqualTo(Page.all());
	}

	@Test
	void plainValuesAreBoundDirectly() {
		MockHttpServletRequest request = request();
		request.addParameter("limit", "100");
		request.addParameter("after", "disk 7");
		assertThat(PageArgumentResolver.plain(request)).isEqualTo(new Page(100, "disk 7"));
		MockHttpServletRequest first = request();
		first.addParameter("limit", "1");
		assertThat(PageArgumentResolver.plain(first)).isEqualTo(Page.first(1));
		MockHttpServletRequest most = request();
		most.addParameter("limit", String.valueOf(Page.MAX_LIMIT));
		assertThat(PageArgumentResolver.plain(most)).isEqualTo(Page.first(Page.MAX_LIMIT));
		MockHttpServletRequest after = request();
		after.addParameter("after", "x");
		assertThat(PageArgumentResolver.plain(after)).isEqualTo(new Page(null, "x"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "1001", "9999", "10000", "01", "+5", "-1", " 5", "5 ", "abc", "0x10", "", "1e2" })
	void aLimitThatIsNotPlainIsLeftToTheBinder(String limit) {
		MockHttpServletRequest request = request();
		request.addParameter("limit", limit);
		assertThat(PageArgumentResolver.plain(request)).isNull();
	}

	@Test
	void severalValuesOrAnEmptyAfterAreLeftToTheBinder() {
		MockHttpServletRequest limits = request();
		limits.addParameter("limit", "2", "3");
		assertThat(PageArgumentResolver.plain(limits)).isNull();
		MockHttpServletRequest afters = request();
		afters.addParameter("after", "a", "b");
		assertThat(PageArgumentResolver.plain(afters)).isNull();
		MockHttpServletRequest empty = request();
		empty.addParameter("after", "");
		assertThat(PageArgumentResolver.plain(empty)).isNull();
	}

	@Test
	void namesTheBinderAlsoReadsAreLeftToIt() {
		// the binder reads a missing field from the prefixed parameters and from headers
		for (String parameter : new String[] { "_limit", "!limit", "_after", "!after" }) {
			MockHttpServletRequest request = request();
			request.addParameter(parameter, "4");
			assertThat(PageArgumentResolver.plain(request)).as(parameter).isNull();
		}
		for (String header : new String[] { "Limit", "after", "_LIMIT", "!after" }) {
			MockHttpServletRequest request = request();
			request.addHeader(header, "4");
			assertThat(PageArgumentResolver.plain(request)).as(header).isNull();
		}
	}

	@Test
	void whenBothAreGivenAsParametersHeadersDoNotMatter() {
		MockHttpServletRequest request = request();
		request.addParameter("limit", "3");
		request.addParameter("after", "b");
		request.addHeader("limit", "7");
		assertThat(PageArgumentResolver.plain(request)).isEqualTo(new Page(3, "b"));
	}

	@Test
	void otherHeadersAndParametersDoNotMatter() {
		MockHttpServletRequest request = request();
		request.addParameter("handler", "vdisk_nullio");
		request.addHeader("Accept", "application/json");
		request.addHeader("X-Limit", "7");
		assertThat(PageArgumentResolver.plain(request)).isEqualTo(Page.all());
	}

	private static MockHttpServletRequest request() {
		return new MockHttpServletRequest("GET", "/api/v1/devices");
	}

}
