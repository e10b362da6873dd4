package org.wenming.activity.web;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.wenming.activity.ActivityType;
import org.wenming.activity.Audience;
import org.wenming.activity.HoursRule;
import org.wenming.activity.NewActivity;

/**
 * An activity as JSON: the fields of {@link NewActivity}, all optional here (the rules say which
 * are missing), and whether to publish it at once.
 */
record ActivityBody(String title, ActivityType type, Long organizerOrgId, Long teamId, String place, Double lat,
		Double lng, Integer radiusMeters, OffsetDateTime startsAt, OffsetDateTime endsAt, Integer capacity,
		OffsetDateTime signupOpensAt, OffsetDateTime signupClosesAt, OffsetDateTime cancelDeadline, Audience audience,
		Long audienceOrgId, Long audienceTeamId, HoursRule hoursRule, BigDecimal fixedHours, String serviceTarget,
		Long careRecipientId, Boolean publish) {

	NewActivity toCommand() {
		return new NewActivity(title, type, organizerOrgId == null ? 0 : organizerOrgId, teamId, place, lat, lng,
				radiusMeters, startsAt, endsAt, capacity == null ? 0 : capacity, signupOpensAt, signupClosesAt,
				cancelDeadline, audience, audienceOrgId, audienceTeamId, hoursRule, fixedHours, serviceTarget,
				careRecipientId);
	}

}
