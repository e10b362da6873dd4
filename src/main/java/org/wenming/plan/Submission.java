package org.wenming.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What one child org submits (报送) for a distributed task, and how the sender reviewed it.
 *
 * @param taskTitle what is asked, as the task says
 * @param review the sender's comment; why it was returned, when it was
 */
public record Submission(long id, long taskId, String taskTitle, String taskDescription, long planOrgId, long orgId,
		String orgName, LocalDate deadline, SubmissionStatus status, String text, List<Evidence> evidence,
		String submittedBy, Instant submittedAt, BigDecimal score, String review, String reviewedBy,
		Instant reviewedAt, int reminders, Instant remindedAt, LocalDate overdueSince, Instant escalatedAt,
		int version) {
}
