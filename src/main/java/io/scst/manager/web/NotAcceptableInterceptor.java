package io.scst.manager.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Content negotiation for changes, decided before they run: a {@code POST}, {@code PUT},
 * {@code PATCH} or {@code DELETE} whose answer cannot be written in any media type of its
 * {@code Accept} header fails with {@link HttpMediaTypeNotAcceptableException} (406)
 * before the handler is called, so a 406 has changed nothing. (Spring MVC itself finds
 * out only when it writes the answer, after the change.) Handlers that answer without a
 * body ({@code ResponseEntity<Void>}, {@code void}) accept any {@code Accept}.
 */
class NotAcceptableInterceptor implements HandlerInterceptor {

	private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

	private final ContentNegotiationManager negotiation;

	private final List<HttpMessageConverter<?>> converters;

	NotAcceptableInterceptor(ContentNegotiationManager negotiation, List<HttpMessageConverter<?>> converters) {
		this.negotiation = negotiation;
		this.converters = converters;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws HttpMediaTypeNotAcceptableException {
		if (!CHANGES.contains(request.getMethod()) || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		Class<?> body = bodyType(method.getReturnType());
		if (body == null) {
			return true;
		}
		List<MediaType> acceptable = this.negotiation.resolveMediaTypes(new ServletWebRequest(request));
		List<MediaType> producible = producible(request, body);
		for (MediaType accepted : acceptable) {
			for (MediaType produced : producible) {
				if (accepted.isCompatibleWith(produced)) {
					return true;
				}
			}
		}
		throw new HttpMediaTypeNotAcceptableException(producible);
	}

	/** The class of the body a handler answers with, or {@code null} when it has none. */
	private static @Nullable Class<?> bodyType(MethodParameter returnType) {
		Class<?> type = returnType.getParameterType();
		if (HttpEntity.class.isAssignableFrom(type)) {
			type = ResolvableType.forMethodParameter(returnType).as(HttpEntity.class).getGeneric(0).resolve();
		}
		if (type == null || type == void.class || type == Void.class || type == Object.class) {
			return null;
		}
		return type;
	}

	/**
	 * What the handler may answer: its mapping's {@code produces}, else every
	 * converter's.
	 */
	@SuppressWarnings("unchecked")
	private List<MediaType> producible(HttpServletRequest request, Class<?> body) {
		Object declared = request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE);
		if (declared instanceof Collection<?> types && !types.isEmpty()) {
			return new ArrayList<>((Collection<MediaType>) types);
		}
		List<MediaType> producible = new ArrayList<>();
		for (HttpMessageConverter<?> converter : this.converters) {
			if (converter.canWrite(body, null)) {
				for (MediaType type : converter.getSupportedMediaTypes(body)) {
					if (!producible.contains(type)) {
						producible.add(type);
					}
				}
			}
		}
		return producible;
	}

}
