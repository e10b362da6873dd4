package org.wenming.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A person's attendance of an activity: check-in, check-out, how it was recorded, whether it was
 * closed for them at the scheduled end, and the hours it is worth (credited once confirmed).
 *
 * @param hours the hours by the activity's rule, {@code null} while the person has not checked out
 * @param hoursEntryId the ledger entry that credited it, once confirmed
 */
public record Attendance(long id, long activityId, long personId, String personName, OffsetDateTime checkedInAt,
		OffsetDateTime checkedOutAt, String method, String recordedBy, boolean autoClosed, boolean needsReview,
		BigDecimal hours, Long hoursEntryId) {

	public boolean confirmed() {
		return hoursEntryId != null;
	}

}
