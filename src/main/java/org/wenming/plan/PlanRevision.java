package org.wenming.plan;

import java.time.OffsetDateTime;

/** One change of a published plan: its number, who made it, when, and what it was. */
public record PlanRevision(int number, String changedBy, OffsetDateTime changedAt, String summary) {

	/** A revision with the whole plan as it read after the change. */
	public record WithSnapshot(int number, String changedBy, OffsetDateTime changedAt, String summary,
			String snapshot) {
	}

}
