package org.wenming.platform.web;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.wenming.platform.security.ProblemWriter;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * For an API request carrying an {@code Idempotency-Key}: reads the body once so that
 * {@link IdempotencyInterceptor} can hash it before the handler reads it, and keeps the answer so
 * that a request the interceptor claimed stores it for replays. Other requests pass untouched.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 100)
class IdempotencyFilter extends OncePerRequestFilter {

	static final String HEADER = "Idempotency-Key";

	static final String BODY = IdempotencyFilter.class.getName() + ".body";

	static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";

	private static final Set<String> METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

	/** The largest body kept for hashing and replay: the idempotent creates take small JSON bodies. */
	static final int MAX_BODY = 1024 * 1024;

	private final IdempotencyKeys keys;

	private final ProblemWriter problems;

	IdempotencyFilter(IdempotencyKeys keys, ProblemWriter problems) {
		this.keys = keys;
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return request.getHeader(HEADER) == null || !METHODS.contains(request.getMethod())
				|| !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body;
		try {
			if (request.getContentLengthLong() > MAX_BODY) {
				problems.write(request, response, 413, "idempotency.body.tooLarge");
				return;
			}
			// Read no more than the limit, whatever the client says of the length: nobody may make
			// the application hold a large body in memory by adding the header.
			body = request.getInputStream().readNBytes(MAX_BODY + 1);
		}
		catch (IOException ex) {
			// The size limit ends the read with an IOException of its own.
			problems.write(request, response, 413, "error.tooLarge");
			return;
		}
		if (body.length > MAX_BODY) {
			problems.write(request, response, 413, "idempotency.body.tooLarge");
			return;
		}
		request.setAttribute(BODY, body);
		ContentCachingResponseWrapper caching = new ContentCachingResponseWrapper(response);
		boolean done = false;
		try {
			chain.doFilter(new BufferedRequest(request, body), caching);
			done = true;
		}
		finally {
			if (request.getAttribute(CLAIM) instanceof Claimed claimed) {
				if (done && caching.getStatus() < 500) {
					keys.complete(claimed.owner(), claimed.key(), caching.getStatus(), caching.getContentType(),
							caching.getHeader(HttpHeaders.LOCATION), caching.getContentAsByteArray());
				}
				else {
					keys.release(claimed.owner(), claimed.key());
				}
			}
			caching.copyBodyToResponse();
		}
	}

	/** The key an {@link IdempotencyInterceptor} claimed for this request. */
	record Claimed(String owner, String key) {
	}

	private static final class BufferedRequest extends HttpServletRequestWrapper {

		private final byte[] body;

		BufferedRequest(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException();
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			Charset charset = getCharacterEncoding() == null ? StandardCharsets.UTF_8
					: Charset.forName(getCharacterEncoding());
			return new BufferedReader(new InputStreamReader(getInputStream(), charset));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

	}

}
