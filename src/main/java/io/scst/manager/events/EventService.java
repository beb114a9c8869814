package io.scst.manager.events;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import io.scst.manager.metrics.MetricsProperties;
import io.scst.manager.metrics.TreeStructure.TreeChange;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * The event stream: every subscriber gets every event published after it subscribed, as
 * Server-Sent Events frames. Nothing is kept for late subscribers.
 */
@Service
public class EventService implements SmartLifecycle {

	private volatile boolean running;

	private static final Logger logger = LoggerFactory.getLogger(EventService.class);

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	private final AtomicLong ids = new AtomicLong();

	private final Duration timeout;

	private final JsonMapper mapper;

	public EventService(MetricsProperties properties, JsonMapper mapper) {
		this.timeout = properties.eventsTimeout();
		this.mapper = mapper;
	}

	/** How long a stream stays open before the client has to reconnect. */
	public Duration timeout() {
		return this.timeout;
	}

	/**
	 * Add a subscriber; it gets a {@code : connected} comment at once.
	 * @param subscriber where frames go
	 */
	void subscribe(Subscriber subscriber) {
		this.subscribers.add(subscriber);
		if (!subscriber.send(": connected\n\n")) {
			this.subscribers.remove(subscriber);
		}
	}

	/** Remove a subscriber (its stream ended). */
	void unsubscribe(Subscriber subscriber) {
		this.subscribers.remove(subscriber);
	}

	/** How many streams are open. */
	public int subscribers() {
		return this.subscribers.size();
	}

	/**
	 * Publish a change made through the API.
	 * @param method the HTTP method
	 * @param path the request path
	 * @param status the response status
	 * @param requestId the request id
	 * @param principal the user, when known
	 */
	public void apiChange(String method, String path, int status, String requestId, @Nullable String principal) {
		publish(new ScstEvent(this.ids.incrementAndGet(), Instant.now(), ScstEvent.API_CHANGE, method, path, status,
				requestId, principal, null, null, null));
	}

	/**
	 * Publish a change seen in the tree that the API did not make.
	 * @param change the change
	 */
	void treeChange(TreeChange change) {
		publish(new ScstEvent(this.ids.incrementAndGet(), Instant.now(), ScstEvent.TREE_CHANGE, null, null, null, null,
				null, change.object(), change.name(), change.change()));
	}

	private void publish(ScstEvent event) {
		logger.debug("Event {}", event);
		if (this.subscribers.isEmpty()) {
			return;
		}
		String frame = "id:" + event.id() + "\nevent:" + event.type() + "\ndata:"
				+ this.mapper.writeValueAsString(event) + "\n\n";
		for (Subscriber subscriber : this.subscribers) {
			if (!subscriber.send(frame)) {
				this.subscribers.remove(subscriber);
			}
		}
	}

	@Override
	public void start() {
		this.running = true;
	}

	/**
	 * End every open stream, before the web server's graceful shutdown (which would wait
	 * for them).
	 */
	@Override
	public void stop() {
		this.running = false;
		for (Subscriber subscriber : this.subscribers) {
			subscriber.close();
		}
		this.subscribers.clear();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Where a stream's frames go. */
	interface Subscriber {

		/** End the stream. */
		void close();

		/**
		 * Send one frame.
		 * @param frame the Server-Sent Events text
		 * @return {@code false} when the stream is gone
		 */
		boolean send(String frame);

	}

}
