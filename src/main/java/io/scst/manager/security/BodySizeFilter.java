package io.scst.manager.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import io.scst.manager.web.BodyTooLargeException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests whose {@code Content-Length} exceeds
 * {@code scst.security.max-body-size} with 413, before anything reads the body. A body
 * without a declared length (chunked) is counted while it is read and fails with
 * {@link BodyTooLargeException} at the first byte past the limit, which the API answers
 * with the same 413.
 */
final class BodySizeFilter extends OncePerRequestFilter {

	private final long maxBytes;

	private final ProblemResponses problems;

	BodySizeFilter(long maxBytes, ProblemResponses problems) {
		this.maxBytes = maxBytes;
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long length = request.getContentLengthLong();
		if (length > this.maxBytes) {
			this.problems.write(request, response, 413, ProblemResponses.PAYLOAD_TOO_LARGE, "Payload too large",
					"The request body has " + length + " bytes; at most " + this.maxBytes + " are accepted");
			return;
		}
		chain.doFilter((length < 0) ? new LimitedRequest(request, this.maxBytes) : request, response);
	}

	/** A request whose body stream fails past a number of bytes. */
	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final long maxBytes;

		private @Nullable ServletInputStream stream;

		private @Nullable BufferedReader reader;

		LimitedRequest(HttpServletRequest request, long maxBytes) {
			super(request);
			this.maxBytes = maxBytes;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.reader != null) {
				throw new IllegalStateException("getReader() was already called");
			}
			ServletInputStream limited = this.stream;
			if (limited == null) {
				limited = new LimitedStream(super.getInputStream(), this.maxBytes);
				this.stream = limited;
			}
			return limited;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			BufferedReader limited = this.reader;
			if (limited == null) {
				if (this.stream != null) {
					throw new IllegalStateException("getInputStream() was already called");
				}
				String encoding = getCharacterEncoding();
				Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.ISO_8859_1;
				limited = new BufferedReader(
						new InputStreamReader(new LimitedStream(super.getInputStream(), this.maxBytes), charset));
				this.reader = limited;
			}
			return limited;
		}

	}

	/** Counts the bytes read and fails past the limit. */
	private static final class LimitedStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long maxBytes;

		private long count;

		LimitedStream(ServletInputStream in, long maxBytes) {
			this.in = in;
			this.maxBytes = maxBytes;
		}

		@Override
		public int read() throws IOException {
			int b = this.in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = this.in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws BodyTooLargeException {
			this.count += n;
			if (this.count > this.maxBytes) {
				throw new BodyTooLargeException(this.maxBytes);
			}
		}

		@Override
		public boolean isFinished() {
			return this.in.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.in.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.in.close();
		}

	}

}
