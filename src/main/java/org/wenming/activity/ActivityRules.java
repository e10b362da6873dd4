package org.wenming.activity;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.Arrays;

import org.wenming.directory.DataScopes;
import org.wenming.directory.Permission;
import org.wenming.platform.Bounds;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The rules an activity's fields obey, and who may join it: the audience read from the person's
 * orgs, or from the volunteer module's {@link Memberships} (nobody qualifies without it).
 */
@Component
class ActivityRules {

	static final int TITLE_MAX = 200;

	static final int PLACE_MAX = 200;

	static final int TARGET_MAX = 200;

	static final int PHOTO_MAX_BYTES = 5 * 1024 * 1024;

	static final int RADIUS_MIN = 10;

	static final int RADIUS_MAX = 10_000;

	static final int RADIUS_DEFAULT = 300;

	private static final BigDecimal FIXED_MAX = new BigDecimal("24");

	static final int CAPACITY_MAX = 100_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final DataScopes scopes;

	private final ObjectProvider<Memberships> memberships;

	ActivityRules(JdbcClient jdbc, DataScopes scopes, ObjectProvider<Memberships> memberships, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.scopes = scopes;
		this.memberships = memberships;
	}

	/** The fields, checked and tidied, or the first broken rule as a field error. */
	Checked check(NewActivity draft) {
		String title = text(draft.title(), "title", TITLE_MAX, "activity.title.required", "activity.title.tooLong");
		if (draft.type() == null) {
			throw DomainException.onField("type", "activity.type.required");
		}
		String place = text(draft.place(), "place", PLACE_MAX, "activity.place.required", "activity.place.tooLong");
		if (draft.startsAt() == null) {
			throw DomainException.onField("startsAt", "activity.startsAt.required");
		}
		if (draft.endsAt() == null) {
			throw DomainException.onField("endsAt", "activity.endsAt.required");
		}
		Bounds.time("startsAt", draft.startsAt(), clock);
		Bounds.time("endsAt", draft.endsAt(), clock);
		Bounds.time("signupOpensAt", draft.signupOpensAt(), clock);
		Bounds.time("signupClosesAt", draft.signupClosesAt(), clock);
		Bounds.time("cancelDeadline", draft.cancelDeadline(), clock);
		if (!draft.endsAt().isAfter(draft.startsAt())) {
			throw DomainException.onField("endsAt", "activity.endsAt.beforeStart");
		}
		if (draft.capacity() < 1) {
			throw DomainException.onField("capacity", "activity.capacity.min");
		}
		Bounds.number("capacity", draft.capacity(), 1, CAPACITY_MAX);
		if (draft.signupOpensAt() != null && !draft.signupOpensAt().isBefore(draft.startsAt())) {
			throw DomainException.onField("signupOpensAt", "activity.signupOpensAt.afterStart");
		}
		if (draft.signupClosesAt() != null) {
			if (draft.signupClosesAt().isAfter(draft.startsAt())) {
				throw DomainException.onField("signupClosesAt", "activity.signupClosesAt.afterStart");
			}
			if (draft.signupOpensAt() != null && !draft.signupClosesAt().isAfter(draft.signupOpensAt())) {
				throw DomainException.onField("signupClosesAt", "activity.signupClosesAt.beforeOpen");
			}
		}
		if (draft.cancelDeadline() != null && draft.cancelDeadline().isAfter(draft.startsAt())) {
			throw DomainException.onField("cancelDeadline", "activity.cancelDeadline.afterStart");
		}
		if ((draft.lat() == null) != (draft.lng() == null)) {
			throw DomainException.onField(draft.lat() == null ? "lat" : "lng", "activity.coordinates.both");
		}
		int radius = draft.radiusMeters() == null ? RADIUS_DEFAULT : draft.radiusMeters();
		if (draft.lat() != null) {
			if (draft.lat() < -90 || draft.lat() > 90 || draft.lat().isNaN()) {
				throw DomainException.onField("lat", "activity.lat.range");
			}
			if (draft.lng() < -180 || draft.lng() > 180 || draft.lng().isNaN()) {
				throw DomainException.onField("lng", "activity.lng.range");
			}
			if (draft.radiusMeters() == null) {
				throw DomainException.onField("radiusMeters", "activity.radius.required");
			}
		}
		if (radius < RADIUS_MIN || radius > RADIUS_MAX) {
			throw DomainException.onField("radiusMeters", "activity.radius.range", RADIUS_MIN, RADIUS_MAX);
		}
		Audience audience = draft.audience() == null ? Audience.ANYONE : draft.audience();
		if (audience == Audience.ORG_RESIDENTS && draft.audienceOrgId() == null) {
			throw DomainException.onField("audienceOrgId", "activity.audienceOrg.required");
		}
		if (audience == Audience.TEAM_MEMBERS && draft.audienceTeamId() == null) {
			throw DomainException.onField("audienceTeamId", "activity.audienceTeam.required");
		}
		// Every id given must name an open org or team in the caller's activity:write scope; unknown,
		// closed, out-of-scope and out-of-range ids all get the same answer.
		if (draft.audienceOrgId() != null && !writable(openOrgPath(draft.audienceOrgId()))) {
			throw DomainException.onField("audienceOrgId", "activity.audienceOrg.unknown");
		}
		if (draft.audienceTeamId() != null && !writable(openTeamPath(draft.audienceTeamId()))) {
			throw DomainException.onField("audienceTeamId", "activity.audienceTeam.unknown");
		}
		if (draft.teamId() != null && !writable(openTeamPath(draft.teamId()))) {
			throw DomainException.onField("teamId", "activity.team.unknown");
		}
		HoursRule rule = draft.hoursRule() == null ? HoursRule.ACTUAL : draft.hoursRule();
		if (rule == HoursRule.FIXED) {
			if (draft.fixedHours() == null || draft.fixedHours().signum() <= 0 || draft.fixedHours().compareTo(FIXED_MAX) > 0) {
				throw DomainException.onField("fixedHours", "activity.fixedHours.range");
			}
			if (draft.fixedHours().scale() > 2) {
				throw DomainException.onField("fixedHours", "activity.fixedHours.scale");
			}
		}
		String target = StringUtils.hasText(draft.serviceTarget()) ? draft.serviceTarget().strip() : null;
		if (target != null && target.length() > TARGET_MAX) {
			throw DomainException.onField("serviceTarget", "activity.serviceTarget.tooLong", TARGET_MAX);
		}
		if (draft.careRecipientId() != null) {
			String path = jdbc.sql("""
					select o.path from care_recipient c join org o on o.id = c.responsible_org_id
					where c.id = ? and c.closed_at is null""")
				.param(draft.careRecipientId()).query(String.class).optional().orElse(null);
			if (path == null || !scopes.current(Permission.ACTIVITY_WRITE).covers(path)) {
				throw DomainException.onField("careRecipientId", "activity.careRecipient.unknown");
			}
		}
		return new Checked(title, place, radius, audience, rule, target);
	}

	private boolean writable(String orgPath) {
		return orgPath != null && scopes.current(Permission.ACTIVITY_WRITE).covers(orgPath);
	}

	private String openOrgPath(long orgId) {
		return jdbc.sql("select path from org where id = ? and closed_at is null")
			.param(orgId).query(String.class).optional().orElse(null);
	}

	private String openTeamPath(long teamId) {
		Memberships spi = memberships.getIfAvailable();
		Long orgId = spi == null ? null : spi.openTeamOrg(teamId).orElse(null);
		return orgId == null ? null : openOrgPath(orgId);
	}

	/** Whether the person belongs to the activity's audience. */
	boolean mayJoin(Activity activity, long personId) {
		return switch (activity.audience()) {
			case ANYONE -> true;
			case ORG_RESIDENTS -> activity.audienceOrgId() != null && jdbc.sql("""
					select count(*) from person p join org a on a.id = ?
					left join org h on h.id = p.home_org_id left join org w on w.id = p.work_org_id
					where p.id = ? and (h.path like a.path || '%' or w.path like a.path || '%')""")
				.params(activity.audienceOrgId(), personId).query(Long.class).single() > 0;
			case TEAM_MEMBERS -> {
				Memberships spi = memberships.getIfAvailable();
				yield spi != null && activity.audienceTeamId() != null && spi.isTeamMember(activity.audienceTeamId(), personId);
			}
			case VOLUNTEERS -> {
				Memberships spi = memberships.getIfAvailable();
				yield spi != null && spi.isRegisteredVolunteer(personId);
			}
		};
	}

	/** Whether the person holds a sign-up (confirmed, waiting or cancelled) for the activity. */
	boolean signedUp(long activityId, long personId) {
		return jdbc.sql("select count(*) from activity_signup where activity_id = ? and person_id = ?")
			.params(activityId, personId).query(Long.class).single() > 0;
	}

	/** The media type of a photo's bytes (JPEG or PNG), or a field error. */
	static String photoType(byte[] content) {
		if (content == null || content.length == 0) {
			throw DomainException.onField("file", "activity.photo.empty");
		}
		if (content.length > PHOTO_MAX_BYTES) {
			throw DomainException.onField("file", "activity.photo.tooLarge", PHOTO_MAX_BYTES / (1024 * 1024));
		}
		if (content.length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF) {
			return "image/jpeg";
		}
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		if (content.length >= png.length && Arrays.equals(Arrays.copyOf(content, png.length), png)) {
			return "image/png";
		}
		throw DomainException.onField("file", "activity.photo.type");
	}

	/** The signed-in caller's person, or {@code null}. */
	static Long callerPersonId() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof WenmingUser user) {
			return user.personId();
		}
		return null;
	}

	private static String text(String value, String field, int max, String required, String tooLong) {
		String text = value == null ? "" : value.strip();
		if (text.isEmpty()) {
			throw DomainException.onField(field, required);
		}
		if (text.length() > max) {
			throw DomainException.onField(field, tooLong, max);
		}
		return text;
	}

	record Checked(String title, String place, int radiusMeters, Audience audience, HoursRule hoursRule,
			String serviceTarget) {
	}

}
