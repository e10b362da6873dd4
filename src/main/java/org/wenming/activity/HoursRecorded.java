package org.wenming.activity;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An entry was appended to the hours ledger: a credit (positive hours) or a correction (positive
 * or negative). Published inside the transaction that appends it, so listeners that keep points or
 * star levels commit or roll back with the entry.
 *
 * @param entryId the ledger entry
 * @param personId whose hours
 * @param activityId the activity served, if any
 * @param orgId the organizing org that recorded and certified the hours
 * @param teamId the volunteer team that ran the activity, if any
 * @param hours the hours added (negative for a correction downwards)
 * @param serviceDate the day the service was given
 * @param correction whether the entry is a correction
 */
public record HoursRecorded(long entryId, long personId, Long activityId, long orgId, Long teamId, BigDecimal hours,
		LocalDate serviceDate, boolean correction) {
}
