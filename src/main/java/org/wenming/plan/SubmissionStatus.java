package org.wenming.plan;

import java.util.EnumSet;
import java.util.Set;

import org.wenming.platform.DomainException;

/**
 * The states of a child org's submission (报送) of a distributed task: 待提交 → 已提交 → 已采纳, or
 * 已退回 and submitted again; 已逾期 when the deadline passes unsubmitted. The message key
 * {@code plan.submission.status.<NAME>} names it.
 */
public enum SubmissionStatus {

	PENDING, SUBMITTED, ACCEPTED, RETURNED, OVERDUE;

	public boolean canMoveTo(SubmissionStatus next) {
		return successors().contains(next);
	}

	/**
	 * The state after a move to {@code next}.
	 *
	 * @throws DomainException with {@code messageKey} (a conflict) when the move is not allowed
	 */
	public SubmissionStatus moveTo(SubmissionStatus next, String messageKey) {
		if (!canMoveTo(next)) {
			throw DomainException.conflict(messageKey);
		}
		return next;
	}

	/** Whether the child org still has to submit. */
	public boolean awaitsSubmission() {
		return this == PENDING || this == RETURNED || this == OVERDUE;
	}

	private Set<SubmissionStatus> successors() {
		return switch (this) {
			case PENDING, RETURNED -> EnumSet.of(SUBMITTED, OVERDUE);
			case OVERDUE -> EnumSet.of(SUBMITTED);
			case SUBMITTED -> EnumSet.of(ACCEPTED, RETURNED);
			case ACCEPTED -> EnumSet.noneOf(SubmissionStatus.class);
		};
	}

}
