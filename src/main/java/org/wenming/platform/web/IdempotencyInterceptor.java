package org.wenming.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Honours {@code Idempotency-Key} on the endpoints marked {@link Idempotent}: claims the key of the
 * calling account for a hash of method, path and body before the handler runs; replays the first
 * answer for the same request, refuses another request under the same key (422) and a duplicate
 * while the first still runs (409). {@link IdempotencyFilter} stores the answer afterwards.
 */
@Configuration(proxyBeanMethods = false)
class IdempotencyInterceptor implements HandlerInterceptor, WebMvcConfigurer {

	static final int KEY_MAX = 255;

	private final IdempotencyKeys keys;

	IdempotencyInterceptor(IdempotencyKeys keys) {
		this.keys = keys;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/api/**");
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		String key = request.getHeader(IdempotencyFilter.HEADER);
		if (key == null || !(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(Idempotent.class)) {
			return true;
		}
		String owner = owner();
		if (owner == null) {
			return true;
		}
		if (key.isBlank() || key.length() > KEY_MAX || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7E)) {
			throw DomainException.onField(IdempotencyFilter.HEADER, "idempotency.key.invalid", KEY_MAX);
		}
		IdempotencyKeys.Claim claim = keys.claim(owner, key, hash(request));
		switch (claim.kind()) {
			case CLAIMED -> {
				request.setAttribute(IdempotencyFilter.CLAIM, new IdempotencyFilter.Claimed(owner, key));
				return true;
			}
			case MISMATCH -> throw new DomainException("idempotency.key.reused");
			case IN_FLIGHT -> throw DomainException.conflict("idempotency.key.inFlight");
			default -> {
				IdempotencyKeys.Stored first = claim.first();
				response.setStatus(first.status());
				if (first.contentType() != null) {
					response.setContentType(first.contentType());
				}
				if (first.location() != null) {
					response.setHeader(HttpHeaders.LOCATION, first.location());
				}
				response.setHeader("Idempotent-Replayed", "true");
				if (first.body() != null) {
					response.getOutputStream().write(first.body());
				}
				return false;
			}
		}
	}

	private static String owner() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof WenmingUser user
				? "account:" + user.accountId() : null;
	}

	private static byte[] hash(HttpServletRequest request) throws NoSuchAlgorithmException {
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		String line = request.getMethod() + " " + request.getRequestURI()
				+ (request.getQueryString() == null ? "" : "?" + request.getQueryString()) + "\n";
		digest.update(line.getBytes(StandardCharsets.UTF_8));
		if (request.getAttribute(IdempotencyFilter.BODY) instanceof byte[] body) {
			digest.update(body);
		}
		return digest.digest();
	}

}
