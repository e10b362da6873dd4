package org.wenming.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.AccountThrottle;
import org.wenming.platform.security.WenmingUser;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Limits the {@link DocumentWork} requests of each signed-in account to
 * {@code wenming.document-limit-per-minute} (default 10) a minute, counted in the database so the
 * limit holds across instances. Beyond it the API answers 429 with a problem document and the pages
 * a page saying so, both in the user's language.
 */
@Configuration(proxyBeanMethods = false)
class DocumentLimits implements WebMvcConfigurer, HandlerInterceptor {

	static final String PURPOSE = "document";

	private static final Logger log = LoggerFactory.getLogger(DocumentLimits.class);

	private final AccountThrottle throttle;

	private final int perMinute;

	DocumentLimits(AccountThrottle throttle, @Value("${wenming.document-limit-per-minute:10}") int perMinute) {
		this.throttle = throttle;
		this.perMinute = perMinute;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method) || !isDocumentWork(method)) {
			return true;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof WenmingUser user)) {
			// Only signed-in users reach these endpoints; whoever else does is refused by the security rules.
			return true;
		}
		if (!throttle.tryAcquire(PURPOSE, user.accountId(), perMinute)) {
			log.info("Document limit reached by {} on {}", user.getUsername(), request.getRequestURI());
			response.setHeader(HttpHeaders.RETRY_AFTER, "60");
			throw new TooManyDocuments(perMinute);
		}
		return true;
	}

	private static boolean isDocumentWork(HandlerMethod method) {
		return method.hasMethodAnnotation(DocumentWork.class)
				|| AnnotatedElementUtils.hasAnnotation(method.getBeanType(), DocumentWork.class);
	}

	/** More documents this minute than the account may ask for. */
	static final class TooManyDocuments extends DomainException {

		TooManyDocuments(int perMinute) {
			super(HttpStatus.TOO_MANY_REQUESTS, null, "error.documentLimit", perMinute);
		}

	}

}
