package org.wenming.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What creates a task on a section: a deadline, or a recurrence from which the clock gives the
 * next due date, never both.
 *
 * @param priority {@link Priority#NORMAL} when {@code null}
 * @param weight 1 when {@code null}; more than 0
 */
public record TaskCommand(Long sectionId, String title, String description, Long ownerOrgId,
		List<Long> cooperatingOrgIds, String leader, LocalDate deadline, Recurrence recurrence, Priority priority,
		BigDecimal weight) {
}
