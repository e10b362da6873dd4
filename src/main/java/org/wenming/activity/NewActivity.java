package org.wenming.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * What it takes to create an activity. Optional fields are {@code null}: no coordinates, no
 * sign-up window (open from publishing until the start), no cancellation deadline (until the start),
 * no team.
 */
public record NewActivity(String title, ActivityType type, long organizerOrgId, Long teamId, String place, Double lat,
		Double lng, Integer radiusMeters, OffsetDateTime startsAt, OffsetDateTime endsAt, int capacity,
		OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt, OffsetDateTime cancelDeadline, Audience audience,
		Long audienceOrgId, Long audienceTeamId, HoursRule hoursRule, BigDecimal fixedHours, String serviceTarget,
		Long careRecipientId) {
}
