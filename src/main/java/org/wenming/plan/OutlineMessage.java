package org.wenming.plan;

import java.util.List;

/** A note about the outline for the user: a key of {@code i18n/plan.properties} and its arguments. */
public record OutlineMessage(String code, List<String> args) {

	public OutlineMessage {
		args = List.copyOf(args);
	}

	static OutlineMessage of(String code, String... args) {
		return new OutlineMessage(code, List.of(args));
	}

}
