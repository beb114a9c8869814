package io.scst.manager.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.servlet.AsyncHandlerInterceptor;

/**
 * Orders API requests so that each sees a consistent SCST: requests that change something
 * ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) run one at a time, together
 * with their {@code If-Match} check and every step of a multi-step change; reads run
 * concurrently with each other but never see a change half done. The gateway serialises
 * single writes anyway; this extends it to whole requests of this server. Changes made by
 * other tools (scstadmin, shell) are not ordered by it.
 */
class RequestOrderInterceptor implements AsyncHandlerInterceptor {

	private static final String HELD = RequestOrderInterceptor.class.getName() + ".held";

	private final RequestOrder order;

	RequestOrderInterceptor(RequestOrder order) {
		this.order = order;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		boolean read = isRead(request.getMethod());
		if (read) {
			this.order.readLock().lock();
		}
		else {
			this.order.writeLock().lock();
		}
		request.setAttribute(HELD, read);
		return true;
	}

	/**
	 * A streaming response (server-sent events) leaves the request thread here: release
	 * the lock now, on the thread that took it, so an open stream never holds up changes.
	 */
	@Override
	public void afterConcurrentHandlingStarted(HttpServletRequest request, HttpServletResponse response,
			Object handler) {
		release(request);
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		release(request);
	}

	private void release(HttpServletRequest request) {
		Object held = request.getAttribute(HELD);
		if (held == null) {
			return;
		}
		request.removeAttribute(HELD);
		if ((Boolean) held) {
			this.order.readLock().unlock();
		}
		else {
			this.order.writeLock().unlock();
		}
	}

	private static boolean isRead(String method) {
		return method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");
	}

}
