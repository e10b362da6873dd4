package org.wenming.platform.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.wenming.platform.DomainException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.validation.BindException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Input that could not even be bound (a control character in a text, a date that is no date),
 * said in the reader's words with the label of the field as the form shows it, so that a page can
 * show it above its form again, keeping what was typed.
 */
public final class BadInput {

	private BadInput() {
	}

	/** Whether the failure is one of bad input this class can name. */
	public static boolean isBadInput(Exception ex) {
		return ex instanceof MethodArgumentTypeMismatchException || ex instanceof BindException
				|| ex instanceof TypeMismatchException;
	}

	/** The name of the field that was refused, or {@code null}. */
	public static String field(Exception ex) {
		if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
			return mismatch.getName();
		}
		if (ex instanceof BindException bind && bind.getFieldError() != null) {
			return bind.getFieldError().getField();
		}
		if (ex instanceof TypeMismatchException mismatch) {
			return mismatch.getPropertyName();
		}
		return null;
	}

	/**
	 * What was wrong, naming the field by its label: {@code labels} maps field names to the bundle
	 * keys of their labels on the form.
	 */
	public static String message(Exception ex, MessageSource messages, Map<String, String> labels) {
		String field = field(ex);
		String label = field == null ? "" : labels.containsKey(field) ? text(messages, labels.get(field)) : field;
		DomainException refused = ApiExceptionHandler.refusedText(ex);
		if (refused == null && ex instanceof BindException bind) {
			refused = bind.getFieldErrors().stream().filter(error -> error.contains(Exception.class))
				.map(error -> ApiExceptionHandler.refusedText(error.unwrap(Exception.class)))
				.filter(r -> r != null)
				.findFirst()
				.orElse(null);
		}
		if (refused != null && refused.args().length > 1) {
			return text(messages, refused.code(), label, refused.args()[1]);
		}
		return text(messages, "error.field.invalid", label);
	}

	/** The fields as they were posted, to show again in the form. */
	public static Map<String, String> typed(HttpServletRequest request) {
		Map<String, String> typed = new java.util.LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (values.length > 0 && !name.equals("_csrf")) {
				typed.put(name, values[0]);
			}
		});
		return typed;
	}

	private static String text(MessageSource messages, String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
