package org.wenming.platform.web;

import java.util.List;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wenming.platform.notify.Notifications;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.WebAttributes;
import org.wenming.platform.security.WenmingUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Login, the workbench (工作台), the notification inbox and the large-font switch.
 */
@Controller
class PlatformPages {

	private final Notifications notifications;

	private final List<WorkbenchItems> workbench;

	PlatformPages(Notifications notifications, List<WorkbenchItems> workbench) {
		this.notifications = notifications;
		this.workbench = workbench;
	}

	@GetMapping("/login")
	String login(HttpServletRequest request, Model model) {
		if (request.getParameter("error") != null) {
			jakarta.servlet.http.HttpSession session = request.getSession(false);
			Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
			// Disabled is told only after the right password; unknown, wrong and locked answer alike.
			model.addAttribute("loginError",
					failure instanceof DisabledException ? "error.accountUnavailable" : "error.badCredentials");
		}
		return "login";
	}

	@GetMapping({ "/", "/workbench" })
	String workbench(@AuthenticationPrincipal WenmingUser user, Model model) {
		model.addAttribute("todos", workbench.stream().flatMap(items -> items.todosFor(user).stream()).toList());
		model.addAttribute("notifications", notifications.latest(user.getUsername(), 5));
		return "workbench";
	}

	@GetMapping("/notifications")
	String inbox(@AuthenticationPrincipal WenmingUser user, Model model) {
		model.addAttribute("notifications", notifications.latest(user.getUsername(), 200));
		return "notifications";
	}

	@PostMapping("/notifications/{id}/read")
	String read(@AuthenticationPrincipal WenmingUser user, @PathVariable long id) {
		notifications.markRead(user.getUsername(), id);
		return "redirect:/notifications";
	}

	@PostMapping("/notifications/read-all")
	String readAll(@AuthenticationPrincipal WenmingUser user) {
		notifications.markAllRead(user.getUsername());
		return "redirect:/notifications";
	}

	@PostMapping("/preferences/large-font")
	String largeFont(HttpServletRequest request, HttpServletResponse response,
			@RequestHeader(name = "Referer", required = false) String referer) {
		Cookie cookie = new Cookie(LayoutModel.LARGE_FONT_COOKIE, LayoutModel.isLargeFont(request) ? "0" : "1");
		cookie.setPath("/");
		cookie.setHttpOnly(true);
		cookie.setMaxAge(365 * 24 * 3600);
		cookie.setAttribute("SameSite", "Lax");
		response.addCookie(cookie);
		return "redirect:" + sameOriginPath(referer, request);
	}

	/**
	 * The path (with query) of the referring page when it is a page of this site, else {@code /}: a
	 * path that a browser could read as another host ({@code //evil.example}, {@code /\evil.example})
	 * is never redirected to.
	 */
	static String sameOriginPath(String referer, HttpServletRequest request) {
		if (referer == null || referer.isBlank()) {
			return "/";
		}
		try {
			java.net.URI uri = new java.net.URI(referer.strip());
			int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
			String path = uri.getRawPath();
			boolean sameOrigin = request.getScheme().equalsIgnoreCase(uri.getScheme())
					&& request.getServerName().equalsIgnoreCase(uri.getHost()) && request.getServerPort() == port;
			if (!sameOrigin || uri.getRawUserInfo() != null || path == null || !path.startsWith("/")
					|| path.startsWith("//") || path.contains("\\") || path.contains("%5C") || path.contains("%5c")
					|| path.chars().anyMatch(Character::isISOControl)) {
				return "/";
			}
			return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
		}
		catch (java.net.URISyntaxException ex) {
			return "/";
		}
	}

}
