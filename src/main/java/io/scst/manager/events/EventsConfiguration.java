package io.scst.manager.events;

import io.scst.manager.change.ChangePipeline;
import io.scst.manager.metrics.MetricsProperties;
import io.scst.manager.metrics.StatsService;
import io.scst.manager.sysfs.ScstSysfs;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The wiring of the tree watcher and the event stream.
 */
@Configuration(proxyBeanMethods = false)
class EventsConfiguration {

	@Bean
	TreeWatcher treeWatcher(StatsService stats, EventService events, MetricsProperties properties, ScstSysfs sysfs,
			ChangePipeline changes) {
		TreeWatcher watcher = new TreeWatcher(stats, events, properties, sysfs);
		changes.beforeWrites(watcher::writesStart);
		return watcher;
	}

	@Bean
	FilterRegistrationBean<ApiChangeFilter> apiChangeFilter(EventService events, TreeWatcher watcher) {
		FilterRegistrationBean<ApiChangeFilter> registration = new FilterRegistrationBean<>(
				new ApiChangeFilter(events, watcher));
		registration.addUrlPatterns("/api/*");
		registration.setAsyncSupported(true);
		return registration;
	}

	/** {@code GET /api/v1/events} (see {@link EventStreamServlet} for why a servlet). */
	@Bean
	ServletRegistrationBean<EventStreamServlet> eventStreamServlet(EventService events) {
		ServletRegistrationBean<EventStreamServlet> registration = new ServletRegistrationBean<>(
				new EventStreamServlet(events), EventStreamServlet.PATH);
		registration.setAsyncSupported(true);
		registration.setName("scstEventStream");
		return registration;
	}

	/**
	 * The event stream in the OpenAPI document (a servlet, so springdoc does not see it);
	 * ordered before the customizer that adds the common responses.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	OpenApiCustomizer eventStreamDocumentation() {
		return (openApi) -> {
			Operation get = new Operation().operationId("events")
				.addTagsItem("events")
				.summary("Stream changes as Server-Sent Events")
				.description("Starts with a ': connected' comment, then 'event:api-change' frames for every change "
						+ "made through the API (id, time, method, path, status, requestId, principal) and "
						+ "'event:tree-change' frames for targets, sessions and devices that appeared or disappeared "
						+ "without the API. The stream ends after scst.metrics.events-timeout; reconnect.")
				.responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("The event stream")
					.content(new Content()
						.addMediaType("text/event-stream", new MediaType().schema(new StringSchema().example(
								"event:api-change\ndata:{\"id\":3,\"type\":\"api-change\",\"method\":\"POST\"}\n\n"))))));
			openApi.path(EventStreamServlet.PATH, new PathItem().get(get));
		};
	}

}
