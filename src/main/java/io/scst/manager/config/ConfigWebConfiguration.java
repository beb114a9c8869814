package io.scst.manager.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Saves the live configuration after every successful change made through the API.
 */
@Configuration(proxyBeanMethods = false)
class ConfigWebConfiguration implements WebMvcConfigurer {

	private final ObjectProvider<ConfigService> service;

	private final ObjectProvider<ConfigProperties> properties;

	/**
	 * Resolves the service at the first request, and not at all in test slices that load
	 * web configuration without it.
	 */
	ConfigWebConfiguration(ObjectProvider<ConfigService> service, ObjectProvider<ConfigProperties> properties) {
		this.service = service;
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SaveOnChangeInterceptor(this.service, this.properties))
			.addPathPatterns("/api/v1/**")
			.excludePathPatterns("/api/v1/config/plan");
	}

	/**
	 * After a successful {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}:
	 * export the live configuration and save it. A failure to save is logged; the change
	 * itself stands.
	 */
	static final class SaveOnChangeInterceptor implements HandlerInterceptor {

		private static final Log logger = LogFactory.getLog(SaveOnChangeInterceptor.class);

		private final ObjectProvider<ConfigService> service;

		private final ObjectProvider<ConfigProperties> properties;

		SaveOnChangeInterceptor(ObjectProvider<ConfigService> service, ObjectProvider<ConfigProperties> properties) {
			this.service = service;
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
			ConfigService configService = this.service.getIfAvailable();
			ConfigProperties config = this.properties.getIfAvailable();
			if (configService == null || config == null || !config.saveOnChange()) {
				return;
			}
			try {
				configService.saveLive();
			}
			catch (RuntimeException failure) {
				logger.warn("Saving the configuration to " + configService.savedFile() + " failed", failure);
			}
		}

	}

}
