package io.scst.manager.web;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Gives every successful {@code GET} of the API an {@code ETag} computed from its body,
 * the tag that {@code If-Match} is checked against (see {@link IfMatchInterceptor}), and
 * answers {@code 304 Not Modified} without the body when the request's
 * {@code If-None-Match} has it. A JSON body gets it from
 * {@link TaggingJsonHttpMessageConverter} while it is written.
 */
@RestControllerAdvice(basePackages = "io.scst.manager")
class EntityTagAdvice implements ResponseBodyAdvice<Object> {

	private final EntityTags tags;

	EntityTagAdvice(JsonMapper mapper) {
		this.tags = new EntityTags(mapper);
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body != null && !(body instanceof ProblemDetail) && HttpMethod.GET.equals(request.getMethod())
				&& request.getURI().getPath().startsWith("/api/")
				&& !response.getHeaders().containsHeader(HttpHeaders.ETAG)) {
			List<String> ifNoneMatch = request.getHeaders().getOrEmpty(HttpHeaders.IF_NONE_MATCH);
			if (selectedConverterType == TaggingJsonHttpMessageConverter.class && !(body instanceof CanonicalText)
					&& !(body instanceof CharSequence)) {
				// tagged while it is written, from the same bytes: one serialization
				return new TaggingJsonHttpMessageConverter.Tagged(body, ifNoneMatch);
			}
			String tag = this.tags.of(body);
			response.getHeaders().setETag(tag);
			if (EntityTags.matchesIfNoneMatch(tag, ifNoneMatch)) {
				response.setStatusCode(HttpStatus.NOT_MODIFIED);
				return null;
			}
		}
		return body;
	}

}
