package org.wenming.plan;

import java.time.Instant;
import java.util.List;

/**
 * A completion report of a task with its evidence, and what the plan's org decided about it.
 *
 * @param decision {@code ACCEPTED}, {@code RETURNED}, or {@code null} while it waits
 * @param reason why it was sent back
 */
public record TaskReport(long id, long taskId, String reportedBy, Instant reportedAt, String text,
		List<Evidence> evidence, String decision, String decidedBy, Instant decidedAt, String reason) {
}
