package org.wenming.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An activity as stored, with how many sign-ups are confirmed.
 */
public record Activity(long id, String title, ActivityType type, long organizerOrgId, Long teamId, String place,
		Double lat, Double lng, int radiusMeters, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
		int confirmedCount, OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt,
		OffsetDateTime cancelDeadline, Audience audience, Long audienceOrgId, Long audienceTeamId, HoursRule hoursRule,
		BigDecimal fixedHours, String serviceTarget, Long careRecipientId, String summary, ActivityStatus status,
		String createdBy, OffsetDateTime createdAt, int version) {

	public boolean hasCoordinates() {
		return lat != null && lng != null;
	}

}
