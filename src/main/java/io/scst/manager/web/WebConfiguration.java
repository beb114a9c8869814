package io.scst.manager.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Content negotiation before changes, request ordering and {@code If-Match} for every API
 * request under {@code /api/}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final ApplicationContext context;

	private final EntityTags tags;

	private final RequestOrder order;

	/**
	 * The order is the application's bean, or (in test slices without it) one of its own.
	 */
	WebConfiguration(ApplicationContext context, JsonMapper mapper, ObjectProvider<RequestOrder> order) {
		this.context = context;
		this.tags = new EntityTags(mapper);
		this.order = order.getIfAvailable(RequestOrder::new);
	}

	/**
	 * Tomcat's error report (requests refused before any servlet) as a problem: replaces
	 * the host's {@code ErrorReportValve}, the one Spring Boot adds included.
	 */
	@Bean
	static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemReportValve() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				for (Valve valve : host.getPipeline().getValves()) {
					if (valve instanceof ErrorReportValve) {
						host.getPipeline().removeValve(valve);
					}
				}
				host.getPipeline().addValve(new ProblemReportValve());
				host.setErrorReportValveClass(ProblemReportValve.class.getName());
			}
		});
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new LazyNotAcceptable()).addPathPatterns("/api/**");
		registry.addInterceptor(new RequestOrderInterceptor(this.order)).addPathPatterns("/api/**");
		registry.addInterceptor(new LazyIfMatch()).addPathPatterns("/api/**");
	}

	/**
	 * Resolves the MVC infrastructure beans at the first request: they are built after
	 * the interceptors are registered.
	 */
	private final class LazyNotAcceptable implements HandlerInterceptor {

		private volatile @Nullable NotAcceptableInterceptor delegate;

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws Exception {
			NotAcceptableInterceptor target = this.delegate;
			if (target == null) {
				ApplicationContext context = WebConfiguration.this.context;
				target = new NotAcceptableInterceptor(
						context.getBean("mvcContentNegotiationManager", ContentNegotiationManager.class),
						context.getBean("requestMappingHandlerAdapter", RequestMappingHandlerAdapter.class)
							.getMessageConverters());
				this.delegate = target;
			}
			return target.preHandle(request, response, handler);
		}

	}

	/**
	 * Resolves the MVC infrastructure beans at the first request: they are built after
	 * the interceptors are registered.
	 */
	private final class LazyIfMatch implements HandlerInterceptor {

		private volatile @Nullable IfMatchInterceptor delegate;

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws Exception {
			IfMatchInterceptor target = this.delegate;
			if (target == null) {
				ApplicationContext context = WebConfiguration.this.context;
				target = new IfMatchInterceptor(
						context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class),
						context.getBean("requestMappingHandlerAdapter", RequestMappingHandlerAdapter.class),
						WebConfiguration.this.tags);
				this.delegate = target;
			}
			return target.preHandle(request, response, handler);
		}

	}

}
