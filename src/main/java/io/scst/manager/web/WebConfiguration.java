package io.scst.manager.web;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.converter.autoconfigure.ServerHttpMessageConvertersCustomizer;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.accept.ContentNegotiationManager;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
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

	/**
	 * The JSON converter that tags a body while writing it (see
	 * {@link TaggingJsonHttpMessageConverter}); it takes the place of Spring Boot's
	 * (order 0), with the same mapper.
	 */
	@Bean
	@Order(1)
	static ServerHttpMessageConvertersCustomizer taggingJsonConverter(JsonMapper mapper) {
		return (builder) -> builder.withJsonConverter(new TaggingJsonHttpMessageConverter(mapper));
	}

	/** Request mappings matched by path first (see {@link PathFirstHandlerMapping}). */
	@Bean
	static WebMvcRegistrations pathFirstHandlerMapping() {
		return new WebMvcRegistrations() {

			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstHandlerMapping();
			}

		};
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(new PageArgumentResolver());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new Lazy(this::notAcceptable)).addPathPatterns("/api/**");
		registry.addInterceptor(new RequestOrderInterceptor(this.order)).addPathPatterns("/api/**");
		registry.addInterceptor(new Lazy(this::ifMatch)).addPathPatterns("/api/**");
	}

	private NotAcceptableInterceptor notAcceptable() {
		return new NotAcceptableInterceptor(
				this.context.getBean("mvcContentNegotiationManager", ContentNegotiationManager.class),
				this.context.getBean("requestMappingHandlerAdapter", RequestMappingHandlerAdapter.class)
					.getMessageConverters());
	}

	private IfMatchInterceptor ifMatch() {
		return new IfMatchInterceptor(
				this.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class),
				this.context.getBean("requestMappingHandlerAdapter", RequestMappingHandlerAdapter.class), this.tags);
	}

	/**
	 * An interceptor built at the first request: it needs MVC infrastructure beans that
	 * are built after the interceptors are registered.
	 */
	private static final class Lazy implements HandlerInterceptor {

		private final SingletonSupplier<HandlerInterceptor> delegate;

		Lazy(Supplier<HandlerInterceptor> factory) {
			this.delegate = SingletonSupplier.of(factory);
		}

		@Override
		public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
				throws Exception {
			return this.delegate.obtain().preHandle(request, response, handler);
		}

	}

}
