package io.scst.manager.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Saves the live configuration after every successful change made through the API (in the
 * background, see {@link ConfigSaver}).
 */
@Configuration(proxyBeanMethods = false)
class ConfigWebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<ConfigSaver> saver;

	private final ObjectProvider<ConfigProperties> properties;

	/**
	 * Resolves the saver at the first request, and not at all in test slices that load
	 * web configuration without it.
	 */
	ConfigWebConfiguration(ObjectProvider<ConfigSaver> saver, ObjectProvider<ConfigProperties> properties) {
		this.saver = saver;
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SaveOnChangeInterceptor(this.saver, this.properties))
			.addPathPatterns("/api/v1/**")
			.excludePathPatterns("/api/v1/config/plan");
	}

	/**
	 * After a successful {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}: have
	 * the live configuration saved. A failure to save is logged; the change itself
	 * stands.
	 */
	static final class SaveOnChangeInterceptor implements HandlerInterceptor {

		private final ObjectProvider<ConfigSaver> saver;

		private final ObjectProvider<ConfigProperties> properties;

		SaveOnChangeInterceptor(ObjectProvider<ConfigSaver> saver, ObjectProvider<ConfigProperties> properties) {
			this.saver = saver;
			this.properties = properties;
		}

		@Override
		public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
				@Nullable Exception ex) {
			String method = request.getMethod();
			boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
			if (read || ex != null || response.getStatus() >= 300) {
				return;
			}
			ConfigSaver saver = this.saver.getIfAvailable();
			ConfigProperties config = this.properties.getIfAvailable();
			if (saver != null && config != null && config.saveOnChange()) {
				saver.changed();
			}
		}

	}

}
