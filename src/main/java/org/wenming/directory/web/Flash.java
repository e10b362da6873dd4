package org.wenming.directory.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-line notice the layout shows after a redirect, in the user's language.
 */
@Component
class Flash {

	private final MessageSource messages;

	Flash(MessageSource messages) {
		this.messages = messages;
	}

	void success(RedirectAttributes redirect, String code, Object... args) {
		redirect.addFlashAttribute("flashSuccess", text(code, args));
	}

	void error(RedirectAttributes redirect, String code, Object... args) {
		redirect.addFlashAttribute("flashError", text(code, args));
	}

	String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
