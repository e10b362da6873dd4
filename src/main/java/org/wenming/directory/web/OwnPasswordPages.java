package org.wenming.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.wenming.directory.Accounts;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 修改密码: the signed-in user changes their own password (the current one, the new one twice),
 * and is held here by {@link PasswordChangeGate} while an admin-set password must be changed.
 */
@Controller
class OwnPasswordPages {

	private final Accounts accounts;

	private final Flash flash;

	OwnPasswordPages(Accounts accounts, Flash flash) {
		this.accounts = accounts;
		this.flash = flash;
	}

	@GetMapping(PasswordChangeGate.PAGE)
	String form(@AuthenticationPrincipal WenmingUser user, Model model) {
		if (!model.containsAttribute("ownPasswordForm")) {
			model.addAttribute("ownPasswordForm", new OwnPasswordForm(null, null, null));
		}
		model.addAttribute("mustChange", user != null && accounts.mustChangePassword(user.accountId()));
		return "directory/password";
	}

	@PostMapping(PasswordChangeGate.PAGE)
	String change(@AuthenticationPrincipal WenmingUser user, @Valid @ModelAttribute("ownPasswordForm") OwnPasswordForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletRequest request,
			HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		if (!result.hasErrors()) {
			try {
				accounts.changeOwnPassword(form.currentPassword(), form.password(), form.repeatPassword());
				// A new password, a new session id: whoever knew the old session cannot ride on the new one.
				request.changeSessionId();
				flash.success(redirect, "account.password.changed");
				return "redirect:/";
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(result.hasFieldErrors("currentPassword") && result.getFieldError("currentPassword") != null
				&& "account.callerPassword.tooMany".equals(result.getFieldError("currentPassword").getCode())
						? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.UNPROCESSABLE_CONTENT.value());
		// Passwords are never sent back: the page's inputs do not show the form's values.
		model.addAttribute("mustChange", user != null && accounts.mustChangePassword(user.accountId()));
		return "directory/password";
	}

	record OwnPasswordForm(@Size(max = 128, message = "{account.currentPassword.wrong}") String currentPassword,
			@Size(max = 128, message = "{account.password.weak}") String password,
			@Size(max = 128, message = "{account.password.mismatch}") String repeatPassword) {
	}

}
