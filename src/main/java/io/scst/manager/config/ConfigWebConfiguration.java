package io.scst.manager.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Saves the live configuration after every successful change made through the API.
 */
@Configuration(proxyBeanMethods = false)
class ConfigWebConfiguration implements WebMvcConfigurer {

	private final ConfigService service;

	private final ConfigProperties properties;

	ConfigWebConfiguration(ConfigService service, ConfigProperties properties) {
		this.service = service;
		this.properties = properties;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		if (this.properties.saveOnChange()) {
			registry.addInterceptor(new SaveOnChangeInterceptor(this.service))
				.addPathPatterns("/api/v1/**")
				.excludePathPatterns("/api/v1/config/plan");
		}
	}

	/**
	 * After a successful {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE}:
	 * export the live configuration and save it. A failure to save is logged; the change
	 * itself stands.
	 */
	static final class SaveOnChangeInterceptor implements HandlerInterceptor {

		private static final Log logger = LogFactory.getLog(SaveOnChangeInterceptor.class);

		private final ConfigService service;

		SaveOnChangeInterceptor(ConfigService service) {
			this.service = service;
		}

		@Override
		public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
				@Nullable Exception ex) {
			String method = request.getMethod();
			boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
			if (read || ex != null || response.getStatus() >= 300) {
				return;
			}
			try {
				this.service.saveLive();
			}
			catch (RuntimeException failure) {
				logger.warn("Saving the configuration to " + this.service.savedFile() + " failed", failure);
			}
		}

	}

}
