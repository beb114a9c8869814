package io.scst.manager.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Saves the live configuration after every successful change made through the API before
 * the change is answered (read-your-writes: drift and the saved file reflect every
 * answered change), reporting the save in a {@code Server-Timing} header; changes that
 * failed part-way are saved in the background (see {@link ConfigSaver}).
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

	/** The header that reports the save of a change's answer. */
	static final String SERVER_TIMING = "Server-Timing";

	private static final String SAVED = SaveOnChangeInterceptor.class.getName() + ".saved";

	/**
	 * Save now, on the request's thread and in its order, when a change request wrote
	 * something not saved yet; once per request.
	 * @param saver the saver
	 * @param request the request
	 * @param response the response, not committed yet
	 */
	static void saveBeforeAnswer(ConfigSaver saver, HttpServletRequest request, HttpServletResponse response) {
		if (isRead(request) || request.getAttribute(SAVED) != null || response.isCommitted()
				|| response.getStatus() >= 300) {
			return;
		}
		ConfigSaver.Saved saved = saver.flush();
		if (saved != null) {
			request.setAttribute(SAVED, saved);
			response.addHeader(SERVER_TIMING, serverTiming(SaveReport.of(saved)));
		}
	}

	/**
	 * Whether a request only reads ({@code GET}, {@code HEAD}, {@code OPTIONS}): it has
	 * nothing to save, so the saver is not even looked up.
	 */
	static boolean isRead(HttpServletRequest request) {
		String method = request.getMethod();
		return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
	}

	/**
	 * The {@code Server-Timing} entries of an apply: its phases, then its save.
	 */
	static String serverTiming(ApplyResult result) {
		String phases = (result.timing() != null) ? result.timing().serverTiming() : "";
		String save = (result.save() != null) ? serverTiming(result.save()) : "";
		return (phases.isEmpty() || save.isEmpty()) ? phases + save : phases + ", " + save;
	}

	/** The {@code Server-Timing} entry of a save. */
	static String serverTiming(SaveReport save) {
		return String.format(java.util.Locale.ROOT, "save;dur=%.3f;desc=\"configuration %s\"", save.millis(),
				save.outcome());
	}

	/**
	 * After a successful {@code POST}, {@code PUT}, {@code PATCH} or {@code DELETE} that
	 * wrote (the change pipeline announced it to the saver): have the live configuration
	 * saved before the answer when the answer has no body (a body is preceded by
	 * {@link SaveBeforeBodyAdvice}). A failure to save is logged; the change itself
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
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				@Nullable ModelAndView modelAndView) {
			if (isRead(request)) {
				return;
			}
			ConfigSaver saver = this.saver.getIfAvailable();
			ConfigProperties config = this.properties.getIfAvailable();
			if (saver != null && config != null && config.saveOnChange()) {
				saveBeforeAnswer(saver, request, response);
			}
		}

	}

}
