package io.scst.manager.web;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list cache keeps at most {@link ListCache#MAX_ENTRIES} answers and
 * {@link ListCache#MAX_BYTES} bytes of bodies, dropping the least recently used first,
 * and never keeps a body larger than all of that.
 */
class ListCacheBoundsTests {

	private final ListCache cache = new ListCache(Duration.ofMinutes(1), () -> 0);

	@Test
	void atMostMaxEntriesAnswersAreKept() throws Exception {
		for (int i = 0; i < ListCache.MAX_ENTRIES + 50; i++) {
			get("d" + i, 100);
		}
		assertThat(this.cache.size()).isEqualTo(ListCache.MAX_ENTRIES);
		assertThat(this.cache.bytes()).isEqualTo(100L * ListCache.MAX_ENTRIES);
		assertThat(status(get("d" + (ListCache.MAX_ENTRIES + 49), 100))).startsWith("scst-manager; hit");
		assertThat(status(get("d0", 100))).isEqualTo("scst-manager; fwd=miss");
	}

	@Test
	void atMostMaxBytesOfBodiesAreKeptTheLeastRecentlyUsedGoFirst() throws Exception {
		int body = ListCache.MAX_BYTES / 4;
		get("big0", body);
		get("big1", body);
		get("big2", body);
		get("big3", body);
		assertThat(status(get("big0", body))).startsWith("scst-manager; hit");
		get("big4", body);
		assertThat(this.cache.bytes()).isLessThanOrEqualTo(ListCache.MAX_BYTES);
		assertThat(this.cache.size()).isEqualTo(4);
		assertThat(status(get("big0", body))).startsWith("scst-manager; hit");
		assertThat(status(get("big1", body))).isEqualTo("scst-manager; fwd=miss");
	}

	@Test
	void aBodyLargerThanTheWholeCacheIsNotKept() throws Exception {
		get("small", 10);
		get("huge", ListCache.MAX_BYTES + 1);
		assertThat(this.cache.size()).isEqualTo(1);
		assertThat(this.cache.bytes()).isEqualTo(10);
		assertThat(status(get("huge", ListCache.MAX_BYTES + 1))).isEqualTo("scst-manager; fwd=miss");
	}

	private MockHttpServletResponse get(String after, int bytes) throws ServletException, IOException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/devices");
		request.setQueryString("after=" + after);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.cache.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {

			@Override
			protected void doGet(jakarta.servlet.http.HttpServletRequest req,
					jakarta.servlet.http.HttpServletResponse res) throws IOException {
				res.setContentType("application/json");
				res.getOutputStream().write(new byte[bytes]);
			}

		}));
		return response;
	}

	private static String status(MockHttpServletResponse response) {
		return response.getHeader(ListCache.CACHE_STATUS);
	}

}
