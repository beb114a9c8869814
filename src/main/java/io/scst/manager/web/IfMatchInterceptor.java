package io.scst.manager.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.support.HandlerMethodArgumentResolverComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.ServletInvocableHandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.ServletRequestDataBinderFactory;

/**
 * Optimistic concurrency for {@code PUT}, {@code PATCH} and {@code DELETE}: when the
 * request carries {@code If-Match}, the resource at the same URL is read the way a
 * {@code GET} would read it (live, through its own controller method) and its entity tag
 * compared; a mismatch, or a resource that does not exist, fails with
 * {@link PreconditionFailedException} before the handler writes anything. Runs inside
 * {@link RequestOrderInterceptor}'s exclusive section, so nothing of this API changes
 * between the check and the write.
 */
class IfMatchInterceptor implements HandlerInterceptor {

	private static final Set<String> CONDITIONAL_METHODS = Set.of("PUT", "PATCH", "DELETE");

	private final RequestMappingHandlerMapping mapping;

	private final RequestMappingHandlerAdapter adapter;

	private final EntityTags tags;

	IfMatchInterceptor(RequestMappingHandlerMapping mapping, RequestMappingHandlerAdapter adapter, EntityTags tags) {
		this.mapping = mapping;
		this.adapter = adapter;
		this.tags = tags;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String header = request.getHeader(HttpHeaders.IF_MATCH);
		if (header == null || !CONDITIONAL_METHODS.contains(request.getMethod())) {
			return true;
		}
		List<String> expected = EntityTags.parseIfMatch(header);
		Object current = currentRepresentation(request);
		String currentTag = (current != null) ? this.tags.of(current) : null;
		if (currentTag == null) {
			throw new PreconditionFailedException("If-Match: " + request.getRequestURI() + " does not exist (any more)",
					null);
		}
		if (!expected.contains("*") && !expected.contains(currentTag)) {
			throw new PreconditionFailedException("If-Match: " + request.getRequestURI()
					+ " has changed; read it again (its ETag is now " + currentTag + ")", currentTag);
		}
		return true;
	}

	/**
	 * What {@code GET} on the request's URL answers, or {@code null} when it is not
	 * found.
	 */
	private @Nullable Object currentRepresentation(HttpServletRequest request) throws Exception {
		GetRequest get = new GetRequest(request);
		HandlerExecutionChain chain = this.mapping.getHandler(get);
		if (chain == null || !(chain.getHandler() instanceof HandlerMethod handlerMethod)) {
			return null;
		}
		ServletInvocableHandlerMethod invocable = new ServletInvocableHandlerMethod(handlerMethod);
		HandlerMethodArgumentResolverComposite resolvers = new HandlerMethodArgumentResolverComposite();
		List<org.springframework.web.method.support.HandlerMethodArgumentResolver> list = this.adapter
			.getArgumentResolvers();
		if (list != null) {
			resolvers.addResolvers(list);
		}
		invocable.setHandlerMethodArgumentResolvers(resolvers);
		invocable
			.setDataBinderFactory(new ServletRequestDataBinderFactory(null, this.adapter.getWebBindingInitializer()));
		try {
			Object result = invocable.invokeForRequest(new ServletWebRequest(get), new ModelAndViewContainer());
			return (result instanceof HttpEntity<?> entity) ? entity.getBody() : result;
		}
		catch (NotFoundException ex) {
			return null;
		}
	}

	/**
	 * The request seen as a {@code GET} without conditional headers, with attributes of
	 * its own so that resolving the {@code GET} handler leaves the real request alone.
	 */
	private static final class GetRequest extends WithoutHeaders {

		private final Map<String, @Nullable Object> attributes = new HashMap<>();

		GetRequest(HttpServletRequest request) {
			super(request, Set.of(HttpHeaders.IF_MATCH, HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH));
		}

		@Override
		public String getMethod() {
			return "GET";
		}

		@Override
		public @Nullable Object getAttribute(String name) {
			return this.attributes.containsKey(name) ? this.attributes.get(name) : super.getAttribute(name);
		}

		@Override
		public void setAttribute(String name, @Nullable Object value) {
			this.attributes.put(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			this.attributes.put(name, null);
		}

	}

}
