package org.wenming.plan;

import java.util.List;

/**
 * What was read from a plan document: the plans it holds (always at least one) and notes for the user
 * as message keys of {@code i18n/plan.properties}.
 */
public record OutlineResult(List<ParsedPlan> plans, List<OutlineMessage> messages) {

	public OutlineResult {
		plans = List.copyOf(plans);
		messages = List.copyOf(messages);
	}

}
