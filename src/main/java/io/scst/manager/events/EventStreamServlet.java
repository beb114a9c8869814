package io.scst.manager.events;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /api/v1/events}: Server-Sent Events from {@link EventService}, on an async
 * servlet request that ends after {@code scst.metrics.events-timeout}.
 * <p>
 * A servlet of its own, outside the dispatcher: it takes no part in the API's request
 * ordering (an open stream must never hold up changes) and writes the frames itself.
 * Being outside the dispatcher, springdoc does not see it; {@code StatsConfiguration}
 * adds it to the OpenAPI document.
 */
final class EventStreamServlet extends HttpServlet {

	static final String PATH = "/api/v1/events";

	private final transient EventService events;

	EventStreamServlet(EventService events) {
		this.events = events;
	}

	@Override
	protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/event-stream");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.setHeader("Cache-Control", "no-cache");
		response.flushBuffer();
		AsyncContext async = request.startAsync();
		async.setTimeout(this.events.timeout().toMillis());
		StreamSubscriber subscriber = new StreamSubscriber(async);
		async.addListener(subscriber);
		this.events.subscribe(subscriber);
	}

	/** One open stream. */
	private final class StreamSubscriber implements EventService.Subscriber, AsyncListener {

		private final AsyncContext async;

		private boolean closed;

		StreamSubscriber(AsyncContext async) {
			this.async = async;
		}

		@Override
		public synchronized boolean send(String frame) {
			if (this.closed) {
				return false;
			}
			try {
				var out = this.async.getResponse().getOutputStream();
				out.write(frame.getBytes(StandardCharsets.UTF_8));
				out.flush();
				return true;
			}
			catch (IOException | IllegalStateException ex) {
				close();
				return false;
			}
		}

		@Override
		public synchronized void close() {
			if (!this.closed) {
				this.closed = true;
				EventStreamServlet.this.events.unsubscribe(this);
				try {
					this.async.complete();
				}
				catch (IllegalStateException ignored) {
					// already completed by the container
				}
			}
		}

		@Override
		public void onComplete(AsyncEvent event) {
			synchronized (this) {
				this.closed = true;
			}
			EventStreamServlet.this.events.unsubscribe(this);
		}

		@Override
		public void onTimeout(AsyncEvent event) {
			close();
		}

		@Override
		public void onError(AsyncEvent event) {
			close();
		}

		@Override
		public void onStartAsync(AsyncEvent event) {
		}

	}

}
