package org.wenming.directory.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wenming.directory.Accounts;
import org.wenming.platform.security.WenmingUser;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds an account that must change its password (opened by an admin, or its password reset by
 * one) at {@code /me/password} until it has: every page redirects there, an htmx request is sent
 * there, and an API call (session or bearer token alike) is refused with 403, since whoever chose
 * the password still knows it. Signing out, the page itself and static files stay open. Runs after
 * the security filters, with the user they established.
 */
@Component
class PasswordChangeGate extends OncePerRequestFilter {

	static final String PAGE = "/me/password";

	private final Accounts accounts;

	private final MessageSource messages;

	PasswordChangeGate(Accounts accounts, MessageSource messages) {
		this.accounts = accounts;
		this.messages = messages;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
		if (signedIn == null || !(signedIn.getPrincipal() instanceof WenmingUser user) || open(request)
				|| !accounts.mustChangePassword(user.accountId())) {
			chain.doFilter(request, response);
			return;
		}
		String path = path(request);
		if (path.startsWith("/api/")) {
			String detail = messages.getMessage("account.password.mustChange", null, LocaleContextHolder.getLocale());
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			response.setContentType("application/problem+json;charset=UTF-8");
			response.getWriter().write("{\"status\":403,\"title\":\"Forbidden\",\"detail\":\""
					+ detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"code\":\"account.password.mustChange\"}");
			return;
		}
		String target = request.getContextPath() + PAGE;
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", target);
			response.setStatus(HttpServletResponse.SC_NO_CONTENT);
			return;
		}
		response.sendRedirect(target);
	}

	private static boolean open(HttpServletRequest request) {
		String path = path(request);
		return path.equals(PAGE) || path.equals("/logout") || path.equals("/login") || path.equals("/error")
				|| path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/")
				|| path.startsWith("/images/") || path.startsWith("/img/") || path.equals("/favicon.ico")
				|| path.startsWith("/actuator/");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
