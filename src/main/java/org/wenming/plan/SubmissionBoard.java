package org.wenming.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The sender's board of a distributed task: who has submitted, how each was scored, how often each
 * was reminded (催报).
 */
public record SubmissionBoard(long taskId, String taskTitle, LocalDate deadline, int total, int submitted,
		int accepted, int overdue, List<Row> rows) {

	/** One child org's submission. */
	public record Row(long submissionId, long orgId, String orgName, SubmissionStatus status, Instant submittedAt,
			BigDecimal score, int reminders, Instant remindedAt, LocalDate overdueSince) {
	}

}
