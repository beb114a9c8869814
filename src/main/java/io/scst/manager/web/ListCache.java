package io.scst.manager.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * A cache of list answers ({@code scst.api.list-cache-max-age}, 1 s by default,
 * {@code 0s} turns it off), for clients that poll lists faster than they change
 * (dashboards, controllers). An answer is served again only while all of these hold:
 * <ul>
 * <li>no write reached SCST through this server's gateway since it was read (every REST
 * change, config apply and restore is one): a client sees its own changes at once;</li>
 * <li>it is younger than the maximum age: changes made outside this server (another tool,
 * initiators logging in, a SCSI scan) show after at most that long;</li>
 * <li>the request does not ask for a fresh answer: {@code Cache-Control: no-cache} or
 * {@code max-age=0} (RFC 9111) reads SCST, and the answer read is kept for the next
 * request.</li>
 * </ul>
 * A request whose {@code If-None-Match} has the answer's {@code ETag} is answered
 * {@code 304 Not Modified} without the body, from a kept answer or a read one. Only
 * {@code GET}s of the list routes with a {@code 200} answer are kept, by path, query and
 * {@code Accept}, at most {@value #MAX_ENTRIES} of them and {@value #MAX_BYTES} bytes of
 * bodies in all (least recently used go first; the production heap is 140 MB). A served
 * answer says so in {@code Cache-Status} (RFC 9211) and is counted under its route in
 * {@code http.server.requests}. The filter runs after authentication and authorisation,
 * so only callers allowed to read get an answer.
 */
public class ListCache extends OncePerRequestFilter {

	/** How many answers are kept at most. */
	static final int MAX_ENTRIES = 256;

	/** How many bytes of bodies are kept at most. */
	static final int MAX_BYTES = 8 * 1024 * 1024;

	static final String CACHE_STATUS = "Cache-Status";

	private static final List<PathPattern> LISTS = List
		.of("/api/v1/handlers", "/api/v1/devices", "/api/v1/target-drivers/{driver}/targets",
				"/api/v1/target-drivers/{driver}/targets/{target}/luns",
				"/api/v1/target-drivers/{driver}/targets/{target}/sessions",
				"/api/v1/target-drivers/{driver}/targets/{target}/ini-groups",
				"/api/v1/target-drivers/{driver}/targets/{target}/ini-groups/{group}/luns")
		.stream()
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	/** The headers that describe a kept body, beside its content type. */
	private static final List<String> KEPT_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LINK);

	private final long maxAgeNanos;

	private final LongSupplier writes;

	/** The kept answers, least recently used first. */
	private final Map<String, Answer> answers = new LinkedHashMap<>(16, 0.75f, true);

	/** The bytes of the kept answers' bodies. */
	private long bytes;

	/**
	 * @param maxAge how long an answer may be served again at most; zero turns the cache
	 * off
	 * @param writes the gateway's count of writes ({@code ScstSysfs#writes()})
	 */
	public ListCache(Duration maxAge, LongSupplier writes) {
		if (maxAge.isNegative()) {
			throw new IllegalArgumentException("The list cache's maximum age must not be negative");
		}
		this.maxAgeNanos = maxAge.toNanos();
		this.writes = writes;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.maxAgeNanos == 0 || !"GET".equals(request.getMethod());
	}

	/** The list route a request is for, or {@code null}. */
	private static @Nullable PathPattern route(HttpServletRequest request) {
		PathContainer path = PathContainer.parsePath(request.getRequestURI());
		for (PathPattern pattern : LISTS) {
			if (pattern.matches(path)) {
				return pattern;
			}
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		PathPattern route = route(request);
		if (route == null) {
			chain.doFilter(request, response);
			return;
		}
		String key = request.getRequestURI() + '?' + request.getQueryString() + ' '
				+ request.getHeader(HttpHeaders.ACCEPT);
		long writesBefore = this.writes.getAsLong();
		long now = System.nanoTime();
		List<String> ifNoneMatch = Collections.list(request.getHeaders(HttpHeaders.IF_NONE_MATCH));
		Answer answer = wantsFresh(request) ? null : lookUp(key, writesBefore, now);
		if (answer != null) {
			serve(request, response, route, answer, now, ifNoneMatch);
			return;
		}
		ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
		wrapper.setHeader(CACHE_STATUS, "scst-manager; fwd=miss");
		// the whole answer is read (and kept), then compared with If-None-Match here
		chain.doFilter(ifNoneMatch.isEmpty() ? request : new WithoutHeaders(request, Set.of(HttpHeaders.IF_NONE_MATCH)),
				wrapper);
		if (wrapper.getStatus() == HttpServletResponse.SC_OK && this.writes.getAsLong() == writesBefore) {
			Map<String, String> headers = new LinkedHashMap<>();
			for (String name : KEPT_HEADERS) {
				String value = wrapper.getHeader(name);
				if (value != null) {
					headers.put(name, value);
				}
			}
			if (wrapper.getContentType() != null) {
				headers.put(HttpHeaders.CONTENT_TYPE, wrapper.getContentType());
			}
			store(key, new Answer(wrapper.getContentAsByteArray(), headers, writesBefore, now));
		}
		String tag = wrapper.getHeader(HttpHeaders.ETAG);
		if (wrapper.getStatus() == HttpServletResponse.SC_OK && tag != null
				&& EntityTags.matchesIfNoneMatch(tag, ifNoneMatch)) {
			wrapper.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		wrapper.copyBodyToResponse();
	}

	/**
	 * Answer from the cache, with the request counted in {@code http.server.requests}
	 * under its route (the handler mapping, which names it otherwise, is not reached).
	 */
	private void serve(HttpServletRequest request, HttpServletResponse response, PathPattern route, Answer answer,
			long now, List<String> ifNoneMatch) throws IOException {
		ServerHttpObservationFilter.findObservationContext(request)
			.ifPresent((context) -> context.setPathPattern(route.getPatternString()));
		answer.headers().forEach(response::setHeader);
		response.setHeader(CACHE_STATUS, "scst-manager; hit; ttl=" + answer.ttlSeconds(now, this.maxAgeNanos));
		String tag = answer.headers().get(HttpHeaders.ETAG);
		if (tag != null && EntityTags.matchesIfNoneMatch(tag, ifNoneMatch)) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		response.setContentLength(answer.body().length);
		response.getOutputStream().write(answer.body());
	}

	/**
	 * Whether the request asks not to be served a kept answer: {@code no-cache} or
	 * {@code max-age=0} in {@code Cache-Control}, or {@code Pragma: no-cache} (RFC 9111,
	 * 5.2.1.1, 5.2.1.4 and 5.4).
	 */
	static boolean wantsFresh(HttpServletRequest request) {
		for (String header : List.of(HttpHeaders.CACHE_CONTROL, HttpHeaders.PRAGMA)) {
			for (String value : Collections.list(request.getHeaders(header))) {
				for (String directive : value.split(",")) {
					String name = directive.strip().toLowerCase(Locale.ROOT);
					if (name.equals("no-cache") || name.startsWith("no-cache=") || name.equals("max-age=0")
							|| name.equals("max-age=\"0\"")) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private synchronized @Nullable Answer lookUp(String key, long writesNow, long now) {
		Answer answer = this.answers.get(key);
		if (answer == null) {
			return null;
		}
		if (answer.writes() != writesNow || now - answer.readAt() >= this.maxAgeNanos) {
			this.answers.remove(key);
			this.bytes -= answer.body().length;
			return null;
		}
		return answer;
	}

	private synchronized void store(String key, Answer answer) {
		if (answer.body().length > MAX_BYTES) {
			return;
		}
		Answer replaced = this.answers.put(key, answer);
		this.bytes += answer.body().length - ((replaced != null) ? replaced.body().length : 0);
		Iterator<Answer> eldest = this.answers.values().iterator();
		while (this.answers.size() > MAX_ENTRIES || this.bytes > MAX_BYTES) {
			this.bytes -= eldest.next().body().length;
			eldest.remove();
		}
	}

	/** How many bytes of bodies are kept now (for tests). */
	synchronized long bytes() {
		return this.bytes;
	}

	/** How many answers are kept now (for tests). */
	synchronized int size() {
		return this.answers.size();
	}

	/**
	 * One kept answer.
	 *
	 * @param body the body as sent
	 * @param headers the headers that describe it (type, ETag, Link)
	 * @param writes the gateway's write count when it was read
	 * @param readAt when it was read ({@link System#nanoTime()})
	 */
	private record Answer(byte[] body, Map<String, String> headers, long writes, long readAt) {

		long ttlSeconds(long now, long maxAgeNanos) {
			return Math.max(0, Duration.ofNanos(maxAgeNanos - (now - this.readAt)).toSeconds());
		}

	}

}
