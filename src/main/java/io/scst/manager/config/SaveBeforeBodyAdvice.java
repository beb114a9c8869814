package io.scst.manager.config;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Saves the live configuration before a successful change's body is written (see
 * {@link ConfigWebConfiguration#saveBeforeAnswer}): a body is written before the
 * interceptors' {@code postHandle}, and the client may have it as soon as it is.
 */
@RestControllerAdvice(basePackages = "io.scst.manager")
class SaveBeforeBodyAdvice implements ResponseBodyAdvice<Object> {

	/** Looked up at the first answer, not at every one (a lookup is a bean search). */
	private final SingletonSupplier<ConfigSaver> saver;

	private final SingletonSupplier<ConfigProperties> properties;

	SaveBeforeBodyAdvice(ObjectProvider<ConfigSaver> saver, ObjectProvider<ConfigProperties> properties) {
		this.saver = SingletonSupplier.of(saver::getIfAvailable);
		this.properties = SingletonSupplier.of(properties::getIfAvailable);
	}

	@Override
	public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
		return true;
	}

	@Override
	public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
			MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
			ServerHttpRequest request, ServerHttpResponse response) {
		if (body instanceof ProblemDetail || !(request instanceof ServletServerHttpRequest servletRequest)
				|| !(response instanceof ServletServerHttpResponse servletResponse)
				|| ConfigWebConfiguration.isRead(servletRequest.getServletRequest())) {
			return body;
		}
		if (body instanceof ApplyResult result && (result.save() != null || result.timing() != null)) {
			// the apply saved before building its answer; one header for all its phases
			servletResponse.getServletResponse()
				.addHeader(ConfigWebConfiguration.SERVER_TIMING, ConfigWebConfiguration.serverTiming(result));
			return body;
		}
		ConfigSaver saver = this.saver.get();
		ConfigProperties config = this.properties.get();
		if (saver != null && config != null && config.saveOnChange()) {
			ConfigWebConfiguration.saveBeforeAnswer(saver, servletRequest.getServletRequest(),
					servletResponse.getServletResponse());
		}
		return body;
	}

}
