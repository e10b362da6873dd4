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

	private final Navigation navigation;

	LayoutModel(Notifications notifications, Navigation navigation) {
		this.notifications = notifications;
		this.navigation = navigation;
	}

	/**
	 * The sidebar's groups and links the user may follow, the current page marked; empty for the
	 * JSON API and for nobody signed in.
	 */
	@ModelAttribute("nav")
	java.util.List<Navigation.Section> nav(HttpServletRequest request) {
		WenmingUser user = currentUser();
		if (user == null || isApi(request)) {
			return java.util.List.of();
		}
		return navigation.sectionsFor(user, can(), path(request));
	}

	/** The bottom tab bar of the phone pages ({@code /m…}), none elsewhere. */
	@ModelAttribute("tabs")
	java.util.List<Navigation.Tab> tabs(HttpServletRequest request) {
		String path = path(request);
		if (currentUser() == null || !Navigation.isPhonePage(path)) {
			return java.util.List.of();
		}
		return navigation.tabsFor(path);
	}

	/**
	 * What every layout needs, for views that are not rendered by a controller's handler method (the
	 * error pages of exception handlers get no {@code @ModelAttribute}s).
	 */
	void addTo(org.springframework.web.servlet.ModelAndView view, HttpServletRequest request) {
		view.addObject("currentUser", currentUser());
		view.addObject("can", can());
		view.addObject("unreadCount", unreadCount(request));
		view.addObject("largeFont", largeFont(request));
		view.addObject("nav", nav(request));
		view.addObject("tabs", tabs(request));
	}

	/** The page's path within the site; on an error dispatch the path that failed. */
	static String path(HttpServletRequest request) {
		Object failed = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		String uri = failed != null ? failed.toString() : request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}

	private static boolean isApi(HttpServletRequest request) {
		return path(request).startsWith("/api/");
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
		if (user == null || isApi(request)) {
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
