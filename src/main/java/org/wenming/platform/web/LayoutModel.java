package org.wenming.platform.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.wenming.platform.notify.Notifications;
import org.wenming.platform.security.WenmingUser;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout shows: the user, the unread count, the large-font mode.
 */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

	static final String LARGE_FONT_COOKIE = "wm_large_font";

	private final Notifications notifications;

	LayoutModel(Notifications notifications) {
		this.notifications = notifications;
	}

	@ModelAttribute("currentUser")
	WenmingUser currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getPrincipal() instanceof WenmingUser user ? user : null;
	}

	@ModelAttribute("can")
	java.util.Set<String> can() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null) {
			return java.util.Set.of();
		}
		return org.springframework.security.core.authority.AuthorityUtils
			.authorityListToSet(authentication.getAuthorities());
	}

	/**
	 * The user's unread notifications; not counted for the JSON API (its controllers are
	 * {@code @Controller}s too, but render no layout), which would otherwise pay a query per call.
	 */
	@ModelAttribute("unreadCount")
	long unreadCount(HttpServletRequest request) {
		WenmingUser user = currentUser();
		if (user == null || request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
			return 0;
		}
		return notifications.unreadCount(user.getUsername());
	}

	@ModelAttribute("largeFont")
	boolean largeFont(HttpServletRequest request) {
		return isLargeFont(request);
	}

	static boolean isLargeFont(HttpServletRequest request) {
		if (request.getCookies() == null) {
			return false;
		}
		for (Cookie cookie : request.getCookies()) {
			if (LARGE_FONT_COOKIE.equals(cookie.getName())) {
				return "1".equals(cookie.getValue());
			}
		}
		return false;
	}

}
