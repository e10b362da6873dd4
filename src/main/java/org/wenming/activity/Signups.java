package org.wenming.activity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing up for activities and giving places back. Capacity holds under any number of concurrent
 * requests: each sign-up locks the activity's row and counts on its {@code confirmed_count}
 * (which a check constraint keeps within the capacity); past capacity people wait in order of
 * arrival and move up, first come first served, when a confirmed person cancels. Each person's
 * sign-ups are serialized by a lock on the person's row, so that no two overlapping activities are
 * held at once.
 */
@Service
public class Signups {

	private static final String COLUMNS = """
			s.id, s.activity_id, s.person_id, p.name as person_name, s.status, s.created_at, s.confirmed_at,
			s.cancelled_at, s.no_show,
			case when s.status = 'WAITLISTED' then (select count(*) from activity_signup w where w.activity_id = s.activity_id
			  and w.status = 'WAITLISTED' and w.seq <= s.seq) end as position""";

	private static final String FROM = " from activity_signup s join person p on p.id = s.person_id ";

	private final JdbcClient jdbc;

	private final Activities activities;

	private final ActivityRules rules;

	private final ActivityNotices notices;

	private final AuditLog audit;

	private final Clock clock;

	Signups(JdbcClient jdbc, Activities activities, ActivityRules rules, ActivityNotices notices, AuditLog audit,
			Clock clock) {
		this.jdbc = jdbc;
		this.activities = activities;
		this.rules = rules;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	/** Signs the caller's own person up. */
	@Transactional
	public SignupResult signUp(long activityId) {
		return signUp(activityId, callerPerson());
	}

	/**
	 * Signs the person up: a place while there is one, else the waiting list. Refused (422) outside
	 * the sign-up window, for someone outside the audience, or when the person holds an
	 * overlapping activity (the message names it); 409 when the person is signed up already.
	 */
	@Transactional
	public SignupResult signUp(long activityId, long personId) {
		// Person first, then activity: every path that takes both takes them in this order.
		boolean personExists = jdbc.sql("select id from person where id = ? for update").param(personId)
			.query(Long.class).optional().isPresent();
		if (!personExists) {
			throw DomainException.notFound();
		}
		Activity activity = lockedActivity(activityId);
		if (!rules.mayJoin(activity, personId)) {
			if (activity.status() == ActivityStatus.DRAFT) {
				throw DomainException.notFound();
			}
			throw new DomainException("activity.signup.audience");
		}
		OffsetDateTime now = now();
		if (activity.status() != ActivityStatus.OPEN) {
			throw new DomainException("activity.signup.closed");
		}
		if (activity.signupOpensAt() != null && now.isBefore(activity.signupOpensAt())) {
			throw new DomainException("activity.signup.notYetOpen",
					notices.time(activity.signupOpensAt()));
		}
		OffsetDateTime closes = activity.signupClosesAt() != null ? activity.signupClosesAt() : activity.startsAt();
		if (!now.isBefore(closes)) {
			throw new DomainException("activity.signup.closed");
		}
		boolean already = jdbc.sql("""
				select count(*) from activity_signup where activity_id = ? and person_id = ? and status <> 'CANCELLED'""")
			.params(activityId, personId).query(Long.class).single() > 0;
		if (already) {
			throw DomainException.conflict("activity.signup.already");
		}
		Optional<Activity> overlapping = jdbc.sql("select " + Activities.COLUMNS + Activities.FROM + """
				join activity_signup s on s.activity_id = a.id
				where s.person_id = ? and s.status in ('CONFIRMED', 'WAITLISTED') and a.status <> 'CANCELLED'
				and a.id <> ? and a.starts_at < ? and a.ends_at > ? order by a.starts_at limit 1""")
			.params(personId, activityId, activity.endsAt(), activity.startsAt())
			.query(Activities::activity)
			.optional();
		if (overlapping.isPresent()) {
			throw new DomainException("activity.signup.overlap", overlapping.get().title(),
					notices.when(overlapping.get()));
		}
		if (activity.confirmedCount() < activity.capacity()) {
			jdbc.sql("update activity set confirmed_count = confirmed_count + 1 where id = ?").param(activityId).update();
			jdbc.sql("""
					insert into activity_signup (activity_id, person_id, status, created_at, confirmed_at)
					values (?, ?, 'CONFIRMED', ?, ?)""").params(activityId, personId, now, now).update();
			audit.record("SIGNUP", "activity", activityId, activity.organizerOrgId(), "报名活动：" + activity.title());
			return new SignupResult(SignupStatus.CONFIRMED, null);
		}
		long seq = jdbc.sql("""
				insert into activity_signup (activity_id, person_id, status, created_at) values (?, ?, 'WAITLISTED', ?)
				returning seq""").params(activityId, personId, now).query(Long.class).single();
		int position = jdbc.sql("""
				select count(*) from activity_signup where activity_id = ? and status = 'WAITLISTED' and seq <= ?""")
			.params(activityId, seq).query(Integer.class).single();
		audit.record("SIGNUP", "activity", activityId, activity.organizerOrgId(),
				"候补报名活动：" + activity.title() + "（第 " + position + " 位）");
		return new SignupResult(SignupStatus.WAITLISTED, position);
	}

	/** The caller gives back its place (or leaves the waiting list). */
	@Transactional
	public void cancelMine(long activityId) {
		cancel(activityId, callerPerson());
	}

	/**
	 * The person gives back the place before the cancellation deadline (the start, when none); the
	 * first on the waiting list takes it and is told.
	 */
	@Transactional
	public void cancel(long activityId, long personId) {
		Activity activity = lockedActivity(activityId);
		Optional<Signup> signup = jdbc.sql("select " + COLUMNS + FROM + """
				where s.activity_id = ? and s.person_id = ? and s.status <> 'CANCELLED'""")
			.params(activityId, personId).query(Signups::signup).optional();
		if (signup.isEmpty()) {
			throw DomainException.notFound();
		}
		OffsetDateTime now = now();
		OffsetDateTime deadline = activity.cancelDeadline() != null ? activity.cancelDeadline() : activity.startsAt();
		if (activity.status() != ActivityStatus.OPEN && activity.status() != ActivityStatus.DRAFT || !now.isBefore(deadline)) {
			throw new DomainException("activity.signup.cancelTooLate",
					notices.time(deadline));
		}
		jdbc.sql("update activity_signup set status = 'CANCELLED', cancelled_at = ? where id = ?")
			.params(now, signup.get().id()).update();
		audit.record("SIGNUP_CANCEL", "activity", activityId, activity.organizerOrgId(), "取消报名：" + activity.title());
		if (signup.get().status() != SignupStatus.CONFIRMED) {
			return;
		}
		Optional<Long> next = jdbc.sql("""
				select id from activity_signup where activity_id = ? and status = 'WAITLISTED' order by seq limit 1""")
			.param(activityId).query(Long.class).optional();
		if (next.isEmpty()) {
			jdbc.sql("update activity set confirmed_count = confirmed_count - 1 where id = ?").param(activityId).update();
			return;
		}
		long promoted = jdbc.sql("""
				update activity_signup set status = 'CONFIRMED', confirmed_at = ? where id = ? returning person_id""")
			.params(now, next.get()).query(Long.class).single();
		notices.promoted(activity, promoted);
	}

	/** The caller's sign-up for the activity that is not cancelled, if any. */
	@Transactional(readOnly = true)
	public Optional<Signup> mine(long activityId) {
		Long personId = ActivityRules.callerPersonId();
		if (personId == null) {
			return Optional.empty();
		}
		return jdbc.sql("select " + COLUMNS + FROM + " where s.activity_id = ? and s.person_id = ? order by s.seq desc limit 1")
			.params(activityId, personId).query(Signups::signup).optional();
	}

	/** The person's sign-ups with their activities, latest start first. */
	@Transactional(readOnly = true)
	public List<MySignup> ofPerson(long personId) {
		List<Signup> signups = jdbc.sql("select " + COLUMNS + FROM + """
				join activity a on a.id = s.activity_id where s.person_id = ? order by a.starts_at desc, s.id desc limit 500""")
			.param(personId)
			.query(Signups::signup)
			.list();
		Map<Long, Activity> byId = new HashMap<>();
		jdbc.sql("select " + Activities.COLUMNS + Activities.FROM + " where a.id = any(?)")
			.param(signups.stream().map(Signup::activityId).distinct().toArray(Long[]::new))
			.query(Activities::activity)
			.list()
			.forEach(activity -> byId.put(activity.id(), activity));
		return signups.stream().map(signup -> new MySignup(signup, byId.get(signup.activityId()))).toList();
	}

	/** The caller's own sign-ups. */
	@Transactional(readOnly = true)
	public List<MySignup> ofCaller() {
		return ofPerson(callerPerson());
	}

	/**
	 * The sign-ups of an activity in the caller's {@code activity:read} scope: confirmed ones in
	 * order of confirmation, then the waiting list in order.
	 */
	@Transactional(readOnly = true)
	public List<Signup> ofActivity(long activityId) {
		Activity activity = activities.get(activityId);
		if (!activities.canRead(activity)) {
			throw DomainException.notFound();
		}
		return jdbc.sql("select " + COLUMNS + FROM + """
				where s.activity_id = ? and s.status <> 'CANCELLED'
				order by case s.status when 'CONFIRMED' then 0 else 1 end, s.seq""")
			.param(activityId).query(Signups::signup).list();
	}

	/** A sign-up with its activity. */
	public record MySignup(Signup signup, Activity activity) {
	}

	private Activity lockedActivity(long activityId) {
		return jdbc.sql("select " + Activities.COLUMNS + Activities.FROM + " where a.id = ? for update of a")
			.param(activityId)
			.query(Activities::activity)
			.optional()
			.orElseThrow(DomainException::notFound);
	}

	private static long callerPerson() {
		Long personId = ActivityRules.callerPersonId();
		if (personId == null) {
			throw DomainException.forbidden();
		}
		return personId;
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	static Signup signup(ResultSet rs, int row) throws SQLException {
		Long position = rs.getObject("position", Long.class);
		return new Signup(rs.getLong("id"), rs.getLong("activity_id"), rs.getLong("person_id"), rs.getString("person_name"),
				SignupStatus.valueOf(rs.getString("status")), position == null ? null : position.intValue(),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("confirmed_at", OffsetDateTime.class),
				rs.getObject("cancelled_at", OffsetDateTime.class), rs.getBoolean("no_show"));
	}

}
