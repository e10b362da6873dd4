package org.wenming.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.wenming.directory.DataScopes;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.security.WenmingUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Check-in and check-out by scanned token or typed code, attendance recorded by the leader for a
 * group (集体录入), and the attendance list of an activity.
 * <p>
 * Who may check in: a person with a confirmed sign-up; when the activity is open to anyone
 * ({@link Audience#ANYONE}), anyone who scans its token, sign-up or not. Check-in opens 30 minutes
 * before the start and closes at the end; an activity with coordinates needs the phone's position
 * within its radius. Checking in or out twice changes nothing the second time.
 */
@Service
public class CheckIns {

	/** How long before the start check-in opens. */
	public static final Duration EARLY = Duration.ofMinutes(30);

	/**
	 * A scan this soon after checking in is a second tap, a resubmitted form or a code typed twice,
	 * never a check-out: it leaves the attendance as it is.
	 */
	public static final Duration SECOND_TAP = Duration.ofMinutes(5);

	static final String ATTENDANCE_COLUMNS = """
			t.id, t.activity_id, t.person_id, p.name, t.checked_in_at, t.checked_out_at, t.method, t.recorded_by,
			t.auto_closed, t.needs_review, t.hours_entry_id""";

	private final JdbcClient jdbc;

	private final CheckInTokens tokens;

	private final DataScopes scopes;

	private final People people;

	private final AuditLog audit;

	private final Clock clock;

	private final org.wenming.platform.security.AccountThrottle throttle;

	/** Typed codes an account may try a minute: enough for typing errors, too few to guess a live code. */
	static final int CODES_PER_MINUTE = 10;

	CheckIns(JdbcClient jdbc, CheckInTokens tokens, DataScopes scopes, People people, AuditLog audit, Clock clock,
			org.wenming.platform.security.AccountThrottle throttle) {
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.people = people;
		this.tokens = tokens;
		this.scopes = scopes;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What opening a check-in link shows the caller: the activity its token names (refused when the
	 * token is not one) and the caller's attendance of it, if any.
	 */
	@Transactional(readOnly = true)
	public Visit visit(String token) {
		ActivityRow activity = tokens.activityOf(token);
		return visit(activity, caller().personId());
	}

	/** The caller's attendance of an activity with the activity; "not found" when the caller has none. */
	@Transactional(readOnly = true)
	public Visit visitOf(long activityId) {
		ActivityRow activity = ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound);
		Visit visit = visit(activity, caller().personId());
		if (visit.attendance() == null) {
			throw DomainException.notFound();
		}
		return visit;
	}

	private Visit visit(ActivityRow activity, long personId) {
		Attendance attendance = jdbc.sql("select " + ATTENDANCE_COLUMNS
				+ " from attendance t join person p on p.id = t.person_id where t.activity_id = ? and t.person_id = ?")
			.params(activity.id(), personId)
			.query((rs, i) -> attendance(rs, activity))
			.optional()
			.orElse(null);
		return new Visit(activity.id(), activity.title(), activity.place(), activity.startsAt(), activity.endsAt(),
				attendance);
	}

	/**
	 * Does what a scanned token or a typed code means for the caller now: checks in when not
	 * checked in yet, checks out when checked in, nothing when checked out already. The token names
	 * its activity; a code alone names the activity whose token has it. {@code presentedAt} is when
	 * the server itself saw the token opened on the caller's phone (never a time the phone sends),
	 * so that signing in on the way does not let the token expire.
	 */
	@Transactional
	public Outcome scan(Scan scan, OffsetDateTime presentedAt) {
		WenmingUser user = caller();
		ActivityRow activity;
		if (scan.token() != null && !scan.token().isBlank()) {
			activity = tokens.activityOf(scan.token());
		}
		else if (scan.code() != null && !scan.code().isBlank()) {
			if (!scan.code().trim().matches("\\d{6}")) {
				throw DomainException.onField("code", "hours.checkin.code.format");
			}
			if (!throttle.tryAcquire("checkin-code", user.accountId(), CODES_PER_MINUTE)) {
				throw DomainException.onField("code", "hours.checkin.code.throttled");
			}
			long activityId = tokens.activityOfCode(scan.code(), user.personId())
				.orElseThrow(() -> DomainException.onField("code", "hours.checkin.code.unknown"));
			activity = ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound);
		}
		else {
			throw DomainException.onField("code", "hours.checkin.token.missing");
		}
		Visit before = visit(activity, user.personId());
		if (before.checkedOut()) {
			return new Outcome(before, Step.ALREADY_OUT);
		}
		if (before.checkedIn() && before.attendance()
			.checkedInAt()
			.plus(SECOND_TAP)
			.isAfter(OffsetDateTime.now(clock))) {
			return new Outcome(before, Step.ALREADY_IN);
		}
		if (before.checkedIn()) {
			checkOut(activity, scan, user, presentedAt);
			return new Outcome(visit(activity, user.personId()), Step.CHECKED_OUT);
		}
		checkIn(activity, scan, user, presentedAt);
		return new Outcome(visit(activity, user.personId()), Step.CHECKED_IN);
	}

	/** Checks the caller in with a scanned token or a typed code; the same attendance when checked in already. */
	@Transactional
	public Attendance checkIn(long activityId, Scan scan) {
		WenmingUser user = caller();
		ActivityRow activity = ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound);
		return checkIn(activity, scan, user, null);
	}

	private Attendance checkIn(ActivityRow activity, Scan scan, WenmingUser user, OffsetDateTime presentedAt) {
		long activityId = activity.id();
		CheckInTokens.Used token = tokens.claim(activity, scan.token(), scan.code(), user.personId(), presentedAt);
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (!"OPEN".equals(activity.status()) && !"ONGOING".equals(activity.status())) {
			throw new DomainException("hours.checkin.notRunning");
		}
		if (now.isBefore(activity.startsAt().minus(EARLY))) {
			throw new DomainException("hours.checkin.tooEarly");
		}
		if (now.isAfter(activity.endsAt())) {
			throw new DomainException("hours.checkin.over");
		}
		if (!Audience.ANYONE.name().equals(activity.audience()) && !jdbc.sql("""
				select exists (select 1 from activity_signup where activity_id = ? and person_id = ? and status = 'CONFIRMED')""")
			.params(activityId, user.personId())
			.query(Boolean.class)
			.single()) {
			throw new DomainException("hours.checkin.notSignedUp");
		}
		checkPosition(activity, scan);
		jdbc.sql("""
				insert into attendance (activity_id, person_id, checked_in_at, method, recorded_by)
				values (?, ?, ?, ?, ?) on conflict (activity_id, person_id) do nothing""")
			.params(activityId, user.personId(), now, token.method(), user.getUsername())
			.update();
		return find(activity, user.personId());
	}

	/** Checks the caller out; refused before check-in, the same attendance when checked out already. */
	@Transactional
	public Attendance checkOut(long activityId, Scan scan) {
		WenmingUser user = caller();
		ActivityRow activity = ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound);
		return checkOut(activity, scan, user, null);
	}

	private Attendance checkOut(ActivityRow activity, Scan scan, WenmingUser user, OffsetDateTime presentedAt) {
		long activityId = activity.id();
		tokens.claim(activity, scan.token(), scan.code(), user.personId(), presentedAt);
		Long attendance = jdbc.sql("select id from attendance where activity_id = ? and person_id = ? for update")
			.params(activityId, user.personId())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> DomainException.conflict("hours.checkout.notCheckedIn"));
		checkPosition(activity, scan);
		jdbc.sql("""
				update attendance set checked_out_at = greatest(?, checked_in_at), version = version + 1
				where id = ? and checked_out_at is null""")
			.params(OffsetDateTime.now(clock), attendance)
			.update();
		return find(activity, user.personId());
	}

	/**
	 * Records attendance for a group (集体录入) as the leader or organizer, with {@code activity:write}
	 * over the organizing org: one row per person, replacing what the person recorded themselves
	 * until the hours are confirmed.
	 */
	@Transactional
	public List<Attendance> recordGroup(long activityId, List<GroupEntry> entries) {
		ActivityRow activity = writable(activityId);
		if (entries == null || entries.isEmpty()) {
			throw DomainException.onField("entries", "hours.group.empty");
		}
		String recorder = caller().getUsername();
		List<Attendance> recorded = new ArrayList<>();
		for (GroupEntry entry : entries) {
			if (entry.checkedInAt() == null || entry.checkedOutAt() == null
					|| !entry.checkedOutAt().isAfter(entry.checkedInAt())) {
				throw DomainException.onField("entries", "hours.group.period");
			}
			if (Duration.between(entry.checkedInAt(), entry.checkedOutAt()).toHours() >= 24) {
				throw DomainException.onField("entries", "hours.group.tooLong");
			}
			// Attendance is recorded for what happened, never for a period that has not ended.
			if (entry.checkedOutAt().isAfter(OffsetDateTime.now(clock).plusMinutes(1))) {
				throw DomainException.onField("entries", "hours.group.future");
			}
			// Someone who signed up, or who lives or works in the caller's scope; anyone else is
			// refused like a person who does not exist.
			boolean person = entry.personId() > 0 && (jdbc.sql("""
					select exists (select 1 from activity_signup where activity_id = ? and person_id = ?)""")
				.params(activityId, entry.personId())
				.query(Boolean.class)
				.single() || people.findInScope(entry.personId(), Permission.ACTIVITY_WRITE).isPresent());
			if (!person) {
				throw DomainException.onField("entries", "hours.group.person");
			}
			int written = jdbc.sql("""
					insert into attendance (activity_id, person_id, checked_in_at, checked_out_at, method, recorded_by)
					values (?, ?, ?, ?, 'GROUP', ?)
					on conflict (activity_id, person_id) do update set checked_in_at = excluded.checked_in_at,
					  checked_out_at = excluded.checked_out_at, method = 'GROUP', recorded_by = excluded.recorded_by,
					  auto_closed = false, needs_review = false, version = attendance.version + 1
					where attendance.hours_entry_id is null""")
				.params(activityId, entry.personId(), entry.checkedInAt(), entry.checkedOutAt(), recorder)
				.update();
			if (written == 0) {
				throw DomainException.conflict("hours.group.confirmed");
			}
			recorded.add(find(activity, entry.personId()));
		}
		audit.record("ATTENDANCE_GROUP", "activity", activityId, activity.organizerOrgId(),
				"集体录入签到：" + activity.title() + "，" + entries.size() + "人");
		return recorded;
	}

	/** The attendance of an activity the caller may read, in check-in order. */
	@Transactional(readOnly = true)
	public List<Attendance> ofActivity(long activityId) {
		ActivityRow activity = ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.ACTIVITY_READ, activity.organizerPath());
		return jdbc.sql("select " + ATTENDANCE_COLUMNS
				+ " from attendance t join person p on p.id = t.person_id where t.activity_id = ? order by t.checked_in_at, t.id")
			.param(activityId)
			.query((rs, i) -> attendance(rs, activity))
			.list();
	}

	/** How many people have checked in to an activity the caller may read, and how many of them out. */
	@Transactional(readOnly = true)
	public Counts counts(long activityId) {
		ActivityRow activity = ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.ACTIVITY_READ, activity.organizerPath());
		return jdbc.sql("select count(*), count(checked_out_at) from attendance where activity_id = ?")
			.param(activityId)
			.query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2)))
			.single();
	}

	/**
	 * Attendances checked out and not credited yet, of activities organized in the caller's
	 * {@code hours:confirm} scope, those flagged for review first.
	 */
	@Transactional(readOnly = true)
	public List<Waiting> awaitingConfirmation() {
		List<Object> params = new ArrayList<>();
		String inScope = scopes.current(Permission.HOURS_CONFIRM).sqlCondition("o.path", params);
		return jdbc.sql("""
				select a.id, a.title, t.id, p.name, t.checked_in_at, t.checked_out_at, t.needs_review
				from attendance t join activity a on a.id = t.activity_id join org o on o.id = a.organizer_org_id
				join person p on p.id = t.person_id
				where t.checked_out_at is not null and t.hours_entry_id is null and %s
				order by t.needs_review desc, t.checked_out_at, t.id limit 500""".formatted(inScope))
			.params(params)
			.query((rs, i) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class), rs.getObject(6, OffsetDateTime.class), rs.getBoolean(7)))
			.list();
	}

	Attendance find(long activityId, long personId) {
		return find(ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound), personId);
	}

	private Attendance find(ActivityRow activity, long personId) {
		return jdbc.sql("select " + ATTENDANCE_COLUMNS
				+ " from attendance t join person p on p.id = t.person_id where t.activity_id = ? and t.person_id = ?")
			.params(activity.id(), personId)
			.query((rs, i) -> attendance(rs, activity))
			.single();
	}

	ActivityRow writable(long activityId) {
		ActivityRow activity = ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.ACTIVITY_READ, activity.organizerPath());
		if (!scopes.current(Permission.ACTIVITY_WRITE).covers(activity.organizerPath())) {
			throw DomainException.forbidden();
		}
		return activity;
	}

	private static Attendance attendance(java.sql.ResultSet rs, ActivityRow activity) throws java.sql.SQLException {
		OffsetDateTime in = rs.getObject("checked_in_at", OffsetDateTime.class);
		OffsetDateTime out = rs.getObject("checked_out_at", OffsetDateTime.class);
		return new Attendance(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("person_id"), rs.getString("name"),
				in, out, rs.getString("method"), rs.getString("recorded_by"), rs.getBoolean("auto_closed"),
				rs.getBoolean("needs_review"), out == null ? null : hours(activity, in, out),
				rs.getObject("hours_entry_id", Long.class));
	}

	/**
	 * The hours an attendance is worth. Only the time within the activity counts: checking in early
	 * is allowed, but nothing before the start (or after the end) is credited. With a fixed credit,
	 * the credit when the attendance overlaps the activity at all; otherwise the time from the later
	 * of check-in and start to the earlier of check-out and end, rounded down to a tenth of an hour.
	 * Zero when the two do not overlap (touching at the start or the end is no overlap). Counted in
	 * elapsed time, so activities across midnight count like any other.
	 */
	static BigDecimal hours(ActivityRow activity, OffsetDateTime in, OffsetDateTime out) {
		OffsetDateTime from = in.isAfter(activity.startsAt()) ? in : activity.startsAt();
		OffsetDateTime to = out.isBefore(activity.endsAt()) ? out : activity.endsAt();
		if (!to.isAfter(from)) {
			return BigDecimal.ZERO.setScale(1);
		}
		if (activity.fixedHours()) {
			return activity.fixedCredit();
		}
		long seconds = Duration.between(from, to).toSeconds();
		return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 1, RoundingMode.DOWN);
	}

	/**
	 * The position is a second factor that a phone can forge: the rotating token shown on the
	 * organizer's screen is the proof of presence. What is checked here is only what no phone could
	 * truly report: a latitude or longitude out of range, and an accuracy (when sent) too coarse to
	 * tell inside the geofence from outside.
	 */
	private static void checkPosition(ActivityRow activity, Scan scan) {
		if (scan.lat() != null && (!Double.isFinite(scan.lat()) || Math.abs(scan.lat()) > 90)) {
			throw DomainException.onField("lat", "hours.checkin.position.impossible");
		}
		if (scan.lng() != null && (!Double.isFinite(scan.lng()) || Math.abs(scan.lng()) > 180)) {
			throw DomainException.onField("lng", "hours.checkin.position.impossible");
		}
		if (scan.accuracy() != null && (!Double.isFinite(scan.accuracy()) || scan.accuracy() < 0)) {
			throw DomainException.onField("accuracy", "hours.checkin.position.impossible");
		}
		if (!activity.hasCoordinates()) {
			return;
		}
		if (scan.accuracy() != null && scan.accuracy() > activity.radiusM()) {
			throw DomainException.onField("accuracy", "hours.checkin.position.inaccurate", Math.round(scan.accuracy()),
					activity.radiusM());
		}
		if (scan.lat() == null || scan.lng() == null) {
			throw DomainException.onField("lat", "hours.checkin.position.missing");
		}
		double distance = distanceMetres(activity.lat(), activity.lng(), scan.lat(), scan.lng());
		if (distance > activity.radiusM()) {
			throw DomainException.onField("lat", "hours.checkin.position.far", Math.round(distance), activity.radiusM());
		}
	}

	/** The great-circle distance in metres (haversine). */
	static double distanceMetres(double lat1, double lng1, double lat2, double lng2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	static WenmingUser caller() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof WenmingUser user)) {
			throw DomainException.forbidden();
		}
		return user;
	}

	/**
	 * What the phone sends: the scanned token or the typed code, and its position when it has one
	 * (with the accuracy in metres the phone gives, optional).
	 */
	public record Scan(String token, String code, Double lat, Double lng, Double accuracy) {

		public Scan(String token, String code, Double lat, Double lng) {
			this(token, code, lat, lng, null);
		}

	}

	/**
	 * An activity as its check-in link shows it, with the caller's attendance ({@code null} before
	 * check-in).
	 */
	public record Visit(long activityId, String title, String place, OffsetDateTime startsAt, OffsetDateTime endsAt,
			Attendance attendance) {

		public boolean checkedIn() {
			return attendance != null && attendance.checkedOutAt() == null;
		}

		public boolean checkedOut() {
			return attendance != null && attendance.checkedOutAt() != null;
		}

	}

	/** The people checked in to an activity, and those of them checked out. */
	public record Counts(int checkedIn, int checkedOut) {
	}

	/** What a scan did. */
	public enum Step {

		CHECKED_IN, CHECKED_OUT, ALREADY_IN, ALREADY_OUT

	}

	/** What a scan did, and where the caller stands afterwards. */
	public record Outcome(Visit visit, Step step) {
	}

	/** An attendance waiting for its hours to be confirmed. */
	public record Waiting(long activityId, String activityTitle, long attendanceId, String personName,
			OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt, boolean needsReview) {
	}

	/** One person's attendance recorded by the leader. */
	public record GroupEntry(long personId, OffsetDateTime checkedInAt, OffsetDateTime checkedOutAt) {
	}

}
