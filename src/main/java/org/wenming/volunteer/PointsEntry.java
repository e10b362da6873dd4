package org.wenming.volunteer;

import java.time.OffsetDateTime;

/**
 * One entry of the points ledger: what changed the balance, by how much, and the balance after it.
 */
public record PointsEntry(long id, long personId, PointsKind kind, int delta, long balanceAfter, String reason,
		Long hoursEntryId, Long redemptionId, String createdBy, OffsetDateTime createdAt) {
}
