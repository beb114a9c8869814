package io.scst.manager.web;

import java.util.Enumeration;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * Binds a {@link Page} ({@code ?limit=&after=}) without Spring's data binder when the
 * request gives plain values, which is nearly every request: no {@code limit} and no
 * {@code after} at all, or one decimal {@code limit} from 1 to {@link Page#MAX_LIMIT} and
 * one non-empty {@code after} as query parameters. Such a page is what the binder would
 * build and is valid. Every other request (a value that needs conversion or fails
 * validation, several values, a parameter or header the binder would also look at) goes
 * to the binder as before, so that its answer and its errors stay the same. The binder
 * builds a record by reflection at every request (its constructor's parameter annotations
 * are parsed again each time) and reads every header through the firewall; for a small
 * list that was more than reading the list.
 */
final class PageArgumentResolver implements HandlerMethodArgumentResolver {

	private static final String LIMIT = "limit";

	private static final String AFTER = "after";

	/**
	 * Names the binder also reads a page's fields from: as query parameters, the binder's
	 * field default ({@code !}) and field marker ({@code _}) prefixes; as headers (the
	 * binder binds headers too, and their names compare ignoring case), all of them.
	 */
	private static final Set<String> BINDER_NAMES = Set.of(LIMIT, AFTER, "!" + LIMIT, "!" + AFTER, "_" + LIMIT,
			"_" + AFTER);

	private final HandlerMethodArgumentResolver binder = new ServletModelAttributeMethodProcessor(true);

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == Page.class;
	}

	@Override
	public @Nullable Object resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) throws Exception {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		Page page = (request != null) ? plain(request) : null;
		return (page != null) ? page : this.binder.resolveArgument(parameter, mavContainer, webRequest, binderFactory);
	}

	/**
	 * The page of a request with plain values, or {@code null} when the binder must
	 * decide.
	 */
	static @Nullable Page plain(HttpServletRequest request) {
		String[] limits = request.getParameterValues(LIMIT);
		String[] afters = request.getParameterValues(AFTER);
		if ((limits != null && limits.length != 1) || (afters != null && afters.length != 1)) {
			return null;
		}
		Integer limit = null;
		if (limits != null) {
			limit = plainLimit(limits[0]);
			if (limit == null) {
				return null;
			}
		}
		String after = null;
		if (afters != null) {
			after = afters[0];
			if (after.isEmpty()) {
				return null;
			}
		}
		if ((limits == null || afters == null) && (hasOtherParameter(request) || hasBinderHeader(request))) {
			return null;
		}
		return new Page(limit, after);
	}

	/** A limit written as 1 to 4 decimal digits without a leading zero, within bounds. */
	private static @Nullable Integer plainLimit(String text) {
		int length = text.length();
		if (length == 0 || length > 4 || text.charAt(0) == '0') {
			return null;
		}
		int value = 0;
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
			value = value * 10 + (c - '0');
		}
		return (value <= Page.MAX_LIMIT) ? value : null;
	}

	/** Whether a query parameter has a prefixed name the binder would read. */
	private static boolean hasOtherParameter(HttpServletRequest request) {
		Enumeration<String> names = request.getParameterNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			if (!name.equals(LIMIT) && !name.equals(AFTER) && BINDER_NAMES.contains(name)) {
				return true;
			}
		}
		return false;
	}

	/** Whether a header has a name the binder would read a field from. */
	private static boolean hasBinderHeader(HttpServletRequest request) {
		Enumeration<String> names = request.getHeaderNames();
		while (names.hasMoreElements()) {
			String name = names.nextElement();
			if (name.length() <= 6 && BINDER_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
				return true;
			}
		}
		return false;
	}

}
