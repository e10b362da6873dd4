package org.wenming.directory.web;

import java.util.List;

import org.wenming.directory.Accounts;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.notify.Notifications;
import org.wenming.platform.security.ApiTokens;
import org.wenming.platform.security.HttpAuthorizationRules;
import org.wenming.platform.security.SignedInSessions;
import org.wenming.platform.security.WenmingUser;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 个人中心: my account and roles, the page sessions I am signed in with (ending the others), my API
 * tokens (revoking one or all) and which kinds of notification reach my inbox. Everything acts on
 * the caller's own account only.
 */
@Controller
class MePages {

	private final Accounts accounts;

	private final SignedInSessions sessions;

	private final ApiTokens tokens;

	private final Notifications notifications;

	private final AuditLog audit;

	private final MessageSource messages;

	MePages(Accounts accounts, SignedInSessions sessions, ApiTokens tokens, Notifications notifications,
			AuditLog audit, MessageSource messages) {
		this.accounts = accounts;
		this.sessions = sessions;
		this.tokens = tokens;
		this.notifications = notifications;
		this.audit = audit;
		this.messages = messages;
	}

	@GetMapping("/me")
	String me(@AuthenticationPrincipal WenmingUser user, Model model) {
		model.addAttribute("account", accounts.findByUsername(user.getUsername()).orElse(null));
		model.addAttribute("sessions", sessions.of(user.getUsername()));
		model.addAttribute("tokens", tokens.of(user.getUsername()));
		model.addAttribute("kinds", Notifications.KINDS);
		model.addAttribute("muted", notifications.muted(user.getUsername()));
		return "directory/me";
	}

	@PostMapping("/me/sessions/{key}/end")
	String endSession(@AuthenticationPrincipal WenmingUser user, @PathVariable String key, RedirectAttributes redirect) {
		if (key.length() <= 36 && sessions.end(user.getUsername(), key)) {
			audit.record("SESSION_END", "account", user.accountId(), null, "1");
			redirect.addFlashAttribute("flashSuccess", text("me.sessions.ended", "1"));
		}
		else {
			redirect.addFlashAttribute("flashError", text("me.sessions.gone"));
		}
		return "redirect:/me#sessions";
	}

	@PostMapping("/me/sessions/end-others")
	String endOthers(@AuthenticationPrincipal WenmingUser user, RedirectAttributes redirect) {
		int ended = sessions.endOthers(user.getUsername());
		if (ended > 0) {
			audit.record("SESSION_END", "account", user.accountId(), null, String.valueOf(ended));
		}
		redirect.addFlashAttribute("flashSuccess", text("me.sessions.ended", String.valueOf(ended)));
		return "redirect:/me#sessions";
	}

	@PostMapping("/me/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal WenmingUser user, @PathVariable long id, RedirectAttributes redirect) {
		if (tokens.revoke(user.getUsername(), id)) {
			audit.record("TOKEN_REVOKE", "account", user.accountId(), null, "1");
			redirect.addFlashAttribute("flashSuccess", text("me.tokens.revoked", "1"));
		}
		else {
			redirect.addFlashAttribute("flashError", text("me.tokens.gone"));
		}
		return "redirect:/me#tokens";
	}

	@PostMapping("/me/tokens/revoke-all")
	String revokeAll(@AuthenticationPrincipal WenmingUser user, RedirectAttributes redirect) {
		int revoked = tokens.revokeAll(user.getUsername());
		if (revoked > 0) {
			audit.record("TOKEN_REVOKE", "account", user.accountId(), null, String.valueOf(revoked));
		}
		redirect.addFlashAttribute("flashSuccess", text("me.tokens.revoked", String.valueOf(revoked)));
		return "redirect:/me#tokens";
	}

	@PostMapping("/me/notifications")
	String notificationSettings(@AuthenticationPrincipal WenmingUser user,
			@RequestParam(name = "receive", required = false) List<String> receive, RedirectAttributes redirect) {
		notifications.receiveOnly(user.getUsername(), receive == null ? List.of() : receive);
		redirect.addFlashAttribute("flashSuccess", text("me.notifications.saved"));
		return "redirect:/me#notification-settings";
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	/** 个人中心 is for every signed-in user, on their own account. */
	@Component
	static class Authorization implements HttpAuthorizationRules {

		@Override
		public void configure(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules) {
			rules.requestMatchers("/me", "/me/**").authenticated();
		}

	}

}
