package org.wenming.plan;

import java.util.EnumSet;
import java.util.Set;

import org.wenming.platform.DomainException;

/**
 * The states of a task: 未开始 → 进行中 → 待验收 → 已完成, with 已逾期 when the deadline passes and
 * 已取消 at any time before it is done. The message key {@code plan.task.status.<NAME>} names it.
 */
public enum TaskStatus {

	NOT_STARTED, IN_PROGRESS, SUBMITTED, DONE, OVERDUE, CANCELLED;

	/** Whether a task in this state may move to {@code next}. */
	public boolean canMoveTo(TaskStatus next) {
		return successors().contains(next);
	}

	/**
	 * The state after a move to {@code next}.
	 *
	 * @throws DomainException with {@code messageKey} (a conflict) when the move is not allowed
	 */
	public TaskStatus moveTo(TaskStatus next, String messageKey) {
		if (!canMoveTo(next)) {
			throw DomainException.conflict(messageKey);
		}
		return next;
	}

	/** Whether nothing more happens to a task in this state. */
	public boolean isFinal() {
		return this == DONE || this == CANCELLED;
	}

	private Set<TaskStatus> successors() {
		return switch (this) {
			case NOT_STARTED -> EnumSet.of(IN_PROGRESS, OVERDUE, CANCELLED);
			case IN_PROGRESS -> EnumSet.of(SUBMITTED, OVERDUE, CANCELLED);
			// Overdue stays overdue while the owner works on it: only a report ends it.
			case OVERDUE -> EnumSet.of(SUBMITTED, CANCELLED);
			// Accepted (done, or the next period of a recurring task) or sent back.
			case SUBMITTED -> EnumSet.of(DONE, NOT_STARTED, IN_PROGRESS, CANCELLED);
			case DONE, CANCELLED -> EnumSet.noneOf(TaskStatus.class);
		};
	}

}
