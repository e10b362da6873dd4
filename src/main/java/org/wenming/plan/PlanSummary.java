package org.wenming.plan;

import java.time.OffsetDateTime;

/** A plan as lists show it. */
public record PlanSummary(long id, long orgId, String orgName, int year, String title, String leadText,
		PlanStatus status, String statusLabel, String createdBy, OffsetDateTime createdAt,
		OffsetDateTime publishedAt, OffsetDateTime archivedAt, int version) {

	static PlanSummary of(PlanStore.PlanRow plan, String orgName) {
		return new PlanSummary(plan.id(), plan.orgId(), orgName, plan.year(), plan.title(), plan.leadText(),
				plan.status(), plan.status().label(), plan.createdBy(), plan.createdAt(), plan.publishedAt(),
				plan.archivedAt(), plan.version());
	}

}
