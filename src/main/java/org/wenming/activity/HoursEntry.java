package org.wenming.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One entry of the hours ledger as stored: a credit for an attendance, or a correction of an
 * earlier entry with its reason and approver.
 */
public record HoursEntry(long id, long personId, Long activityId, String activityTitle, long orgId, Long teamId,
		boolean correction, BigDecimal hours, LocalDate serviceDate, OffsetDateTime periodStart,
		OffsetDateTime periodEnd, String reason, Long correctsEntryId, String recordedBy, String approvedBy,
		OffsetDateTime createdAt) {
}
