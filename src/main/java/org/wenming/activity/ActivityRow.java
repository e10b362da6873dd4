package org.wenming.activity;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What check-in and the ledger need of an activity, read straight from its table with the path of
 * its organizing org.
 */
record ActivityRow(long id, String title, long organizerOrgId, String organizerPath, Long teamId,
		OffsetDateTime startsAt, OffsetDateTime endsAt, Double lat, Double lng, int radiusM, String audience,
		String hoursRule, BigDecimal fixedCredit, String status, byte[] checkinSecret, String createdBy, String place) {

	static Optional<ActivityRow> find(JdbcClient jdbc, long id) {
		return jdbc.sql("""
				select a.id, a.title, a.organizer_org_id, o.path, a.team_id, a.starts_at, a.ends_at, a.lat, a.lng,
				       a.radius_m, a.audience, a.hours_rule, a.fixed_hours, a.status, a.checkin_secret, a.created_by,
				       a.place
				from activity a join org o on o.id = a.organizer_org_id where a.id = ?""")
			.param(id)
			.query((rs, i) -> new ActivityRow(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, Long.class), rs.getObject(6, OffsetDateTime.class),
					rs.getObject(7, OffsetDateTime.class), rs.getObject(8, Double.class), rs.getObject(9, Double.class),
					rs.getInt(10), rs.getString(11), rs.getString(12), rs.getBigDecimal(13), rs.getString(14),
					rs.getBytes(15), rs.getString(16), rs.getString(17)))
			.optional();
	}

	boolean hasCoordinates() {
		return lat != null && lng != null;
	}

	boolean fixedHours() {
		return "FIXED".equals(hoursRule);
	}

}
