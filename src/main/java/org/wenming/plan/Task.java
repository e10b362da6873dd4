package org.wenming.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A task of a plan's section, as read: the owner org (责任单位) does it, cooperating orgs (配合单位)
 * help, the plan's org accepts it.
 *
 * @param planOrgId the org whose plan this is: it accepts, sends back, distributes and reviews
 * @param deadline the day the task, or the current period of a recurring one, is due
 * @param returnReason why the last report was sent back (退回), while the owner works on it again
 * @param overdueSince the first day the task was overdue
 * @param escalatedAt when the parent of the owner org was told it is overdue
 */
public record Task(long id, long planId, long planOrgId, long sectionId, String title, String description,
		long ownerOrgId, List<Long> cooperatingOrgIds, String leader, LocalDate deadline, Recurrence recurrence,
		Priority priority, BigDecimal weight, TaskStatus status, int progress, String returnReason,
		String cancelReason, LocalDate overdueSince, Instant escalatedAt, Instant createdAt, Instant completedAt,
		int version) {

	/** Every org the task names: the plan's, the owner and the cooperating orgs. */
	List<Long> orgIds() {
		List<Long> ids = new java.util.ArrayList<>(List.of(planOrgId, ownerOrgId));
		ids.addAll(cooperatingOrgIds);
		return ids;
	}

}
