package org.wenming.plan;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a task falls due: 每月, 每季度, 每年, 下半年. Each period ends on its last day. The
 * message key {@code plan.task.recurrence.<NAME>} names it.
 */
public enum Recurrence {

	MONTHLY, QUARTERLY, YEARLY, SECOND_HALF;

	/** The last day of the period that contains {@code day}: when a task of that period is due. */
	public LocalDate dueDateOn(LocalDate day) {
		return switch (this) {
			case MONTHLY -> day.with(TemporalAdjusters.lastDayOfMonth());
			case QUARTERLY -> {
				int lastMonth = day.get(IsoFields.QUARTER_OF_YEAR) * 3;
				yield LocalDate.of(day.getYear(), lastMonth, 1).with(TemporalAdjusters.lastDayOfMonth());
			}
			// The second half of a year ends with the year; a task due then may start any time before.
			case YEARLY, SECOND_HALF -> day.with(TemporalAdjusters.lastDayOfYear());
		};
	}

	/**
	 * The due date of the next period once the one due on {@code dueDate} is done: the period after
	 * it, or the period of {@code today} when that is later (periods that went by are not owed twice);
	 * {@code null} when it would end after {@code lastDay}, the end of the plan's year.
	 */
	public LocalDate nextDueDateAfter(LocalDate dueDate, LocalDate today, LocalDate lastDay) {
		LocalDate from = dueDate.plusDays(1);
		LocalDate next = dueDateOn(today.isAfter(from) ? today : from);
		return next.isAfter(lastDay) ? null : next;
	}

}
