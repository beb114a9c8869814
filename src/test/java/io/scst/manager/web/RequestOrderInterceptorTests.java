package io.scst.manager.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** Changes run alone; reads run together; a streaming read does not hold up changes. */
class RequestOrderInterceptorTests {

	private final RequestOrderInterceptor interceptor = new RequestOrderInterceptor(new RequestOrder());

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@Test
	void readsDoNotWaitForEachOther() throws Exception {
		MockHttpServletRequest first = request("GET");
		this.interceptor.preHandle(first, this.response, this);
		CompletableFuture<Boolean> second = CompletableFuture.supplyAsync(() -> {
			MockHttpServletRequest request = request("GET");
			this.interceptor.preHandle(request, this.response, this);
			this.interceptor.afterCompletion(request, this.response, this, null);
			return true;
		});
		assertThat(second.get(5, TimeUnit.SECONDS)).isTrue();
		this.interceptor.afterCompletion(first, this.response, this, null);
	}

	@Test
	void aChangeWaitsUntilTheReadIsDone() throws Exception {
		MockHttpServletRequest read = request("GET");
		this.interceptor.preHandle(read, this.response, this);
		CountDownLatch changed = new CountDownLatch(1);
		CompletableFuture<Void> change = CompletableFuture.runAsync(() -> {
			MockHttpServletRequest request = request("PUT");
			this.interceptor.preHandle(request, this.response, this);
			changed.countDown();
			this.interceptor.afterCompletion(request, this.response, this, null);
		});
		assertThat(changed.await(300, TimeUnit.MILLISECONDS)).as("the change waits while the read runs").isFalse();
		this.interceptor.afterCompletion(read, this.response, this, null);
		change.get(5, TimeUnit.SECONDS);
		assertThat(changed.getCount()).isZero();
	}

	@Test
	void aStreamingReadReleasesWhenItsThreadLetsGo() throws Exception {
		MockHttpServletRequest stream = request("GET");
		this.interceptor.preHandle(stream, this.response, this);
		this.interceptor.afterConcurrentHandlingStarted(stream, this.response, this);
		CompletableFuture<Void> change = CompletableFuture.runAsync(() -> {
			MockHttpServletRequest request = request("POST");
			this.interceptor.preHandle(request, this.response, this);
			this.interceptor.afterCompletion(request, this.response, this, null);
		});
		change.get(5, TimeUnit.SECONDS);
		// the stream's completion later must not release a second time
		this.interceptor.afterCompletion(stream, this.response, this, null);
		MockHttpServletRequest next = request("DELETE");
		this.interceptor.preHandle(next, this.response, this);
		this.interceptor.afterCompletion(next, this.response, this, null);
	}

	private static MockHttpServletRequest request(String method) {
		return new MockHttpServletRequest(method, "/api/v1/devices");
	}

}
