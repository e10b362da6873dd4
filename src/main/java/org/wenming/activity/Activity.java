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

	/** Great-circle distance in metres from a position to the activity's place; null when it has none. */
	public Double metersFrom(double fromLat, double fromLng) {
		if (!hasCoordinates()) {
			return null;
		}
		double dLat = Math.toRadians(lat - fromLat);
		double dLng = Math.toRadians(lng - fromLng);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(fromLat))
				* Math.cos(Math.toRadians(lat)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
	}

}
