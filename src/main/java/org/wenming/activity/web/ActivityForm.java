package org.wenming.activity.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.wenming.activity.Activity;
import org.wenming.activity.ActivityType;
import org.wenming.activity.Audience;
import org.wenming.activity.HoursRule;
import org.wenming.activity.NewActivity;
import org.wenming.platform.DomainException;
import org.wenming.platform.Times;

import org.springframework.util.StringUtils;

/**
 * The activity form as the browser sends it: times as {@code datetime-local} text in the configured
 * zone ({@link Times}), numbers as text, so that a bad value becomes a field message instead of a
 * binding error.
 */
record ActivityForm(String title, ActivityType type, Long organizerOrgId, String place, String lat, String lng,
		String radiusMeters, String startsAt, String endsAt, String capacity, String signupOpensAt,
		String signupClosesAt, String cancelDeadline, Audience audience, Long audienceOrgId, Long audienceTeamId,
		HoursRule hoursRule, String fixedHours, String serviceTarget, Long careRecipientId, Long teamId,
		Boolean publish) {

	static ActivityForm empty(Long orgId) {
		return new ActivityForm("", ActivityType.VOLUNTEER_SERVICE, orgId, "", "", "", "300", "", "", "20", "", "", "",
				Audience.ANYONE, null, null, HoursRule.ACTUAL, "", "", null, null, false);
	}

	static ActivityForm of(Activity a, Times times) {
		return new ActivityForm(a.title(), a.type(), a.organizerOrgId(), a.place(), text(a.lat()), text(a.lng()),
				String.valueOf(a.radiusMeters()), times.input(a.startsAt()), times.input(a.endsAt()),
				String.valueOf(a.capacity()), times.input(a.signupOpensAt()), times.input(a.signupClosesAt()),
				times.input(a.cancelDeadline()), a.audience(),
				a.audienceOrgId(), a.audienceTeamId(), a.hoursRule(),
				a.fixedHours() == null ? "" : a.fixedHours().toPlainString(), a.serviceTarget(), a.careRecipientId(),
				a.teamId(), false);
	}

	NewActivity toCommand(Times times) {
		boolean coordinates = StringUtils.hasText(lat) || StringUtils.hasText(lng);
		return new NewActivity(title, type, organizerOrgId == null ? 0 : organizerOrgId, teamId, place,
				decimal(lat, "lat"), decimal(lng, "lng"), coordinates ? integer(radiusMeters, "radiusMeters") : null,
				time(times, startsAt, "startsAt"), time(times, endsAt, "endsAt"),
				capacity == null || capacity.isBlank() ? 0 : integer(capacity, "capacity"),
				time(times, signupOpensAt, "signupOpensAt"),
				time(times, signupClosesAt, "signupClosesAt"), time(times, cancelDeadline, "cancelDeadline"), audience,
				audience == Audience.ORG_RESIDENTS ? audienceOrgId : null,
				audience == Audience.TEAM_MEMBERS ? audienceTeamId : null, hoursRule,
				hoursRule == HoursRule.FIXED ? money(fixedHours) : null, serviceTarget, careRecipientId);
	}

	private static String text(Double value) {
		return value == null ? "" : value.toString();
	}

	private static OffsetDateTime time(Times times, String value, String field) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return times.instant(LocalDateTime.parse(value.strip()));
		}
		catch (DateTimeParseException ex) {
			throw DomainException.onField(field, "activity.form.badTime");
		}
	}

	private static Double decimal(String value, String field) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return Double.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw DomainException.onField(field, "activity.form.badNumber");
		}
	}

	private static Integer integer(String value, String field) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return Integer.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw DomainException.onField(field, "activity.form.badNumber");
		}
	}

	private static BigDecimal money(String value) {
		if (!StringUtils.hasText(value)) {
			return null;
		}
		try {
			return new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			throw DomainException.onField("fixedHours", "activity.form.badNumber");
		}
	}

}
