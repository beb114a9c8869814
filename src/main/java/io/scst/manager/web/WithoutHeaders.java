package io.scst.manager.web;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

/**
 * A request without some of its headers, for handing it on as if they had not been sent
 * (the {@code GET} behind an {@code If-Match}, a list read whole for the list cache).
 */
class WithoutHeaders extends HttpServletRequestWrapper {

	private final Set<String> hidden;

	/**
	 * @param request the request
	 * @param hidden the names of the headers to hide, in any case
	 */
	WithoutHeaders(HttpServletRequest request, Set<String> hidden) {
		super(request);
		this.hidden = hidden.stream().map((name) -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
	}

	private boolean isHidden(String name) {
		return this.hidden.contains(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public @Nullable String getHeader(String name) {
		return isHidden(name) ? null : super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		return isHidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		List<String> names = Collections.list(super.getHeaderNames());
		names.removeIf(this::isHidden);
		return Collections.enumeration(names);
	}

}
