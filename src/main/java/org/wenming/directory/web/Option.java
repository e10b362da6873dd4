package org.wenming.directory.web;

import java.util.List;
import java.util.Locale;

import org.wenming.directory.Org;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * One choice of a select, as {@code fragments/forms :: select} shows it.
 */
record Option(String value, String text) {

	/** Orgs in tree order, indented by depth so that the tree shows in the list. */
	static List<Option> orgs(List<Org> orgs) {
		int top = orgs.stream().mapToInt(Org::depth).min().orElse(0);
		return orgs.stream()
			.map(org -> new Option(String.valueOf(org.id()), "\u3000".repeat(org.depth() - top) + org.name()))
			.toList();
	}

	/** Stored values shown in the reader's language ({@code person.value.*}, the value itself without one). */
	static List<Option> words(List<String> values, MessageSource messages) {
		Locale locale = LocaleContextHolder.getLocale();
		return values.stream()
			.map(value -> new Option(value, messages.getMessage("person.value." + value, null, value, locale)))
			.toList();
	}

	static List<Option> of(List<String> values) {
		return values.stream().map(value -> new Option(value, value)).toList();
	}

}
