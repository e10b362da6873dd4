package org.wenming.activity;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.web.Page;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creating, publishing, running, finishing and cancelling activities, within the caller's data
 * scope for {@code activity:read} / {@code activity:write}.
 */
@Service
public class Activities {

	static final String COLUMNS = """
			a.id, a.title, a.type, a.organizer_org_id, a.team_id, a.place, a.lat, a.lng, a.radius_m, a.starts_at,
			a.ends_at, a.capacity, a.confirmed_count, a.signup_opens_at, a.signup_closes_at, a.cancel_deadline,
			a.audience, a.audience_org_id, a.audience_team_id, a.hours_rule, a.fixed_hours, a.service_target,
			a.care_recipient_id, a.summary, a.status, a.created_by, a.created_at, a.version""";

	static final String FROM = " from activity a join org o on o.id = a.organizer_org_id ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final OrgDirectory orgs;

	private final ActivityRules rules;

	private final ActivityNotices notices;

	private final AuditLog audit;

	private final Clock clock;

	Activities(JdbcClient jdbc, DataScopes scopes, OrgDirectory orgs, ActivityRules rules, ActivityNotices notices,
			AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.orgs = orgs;
		this.rules = rules;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- commands ---------------------------------------------------------------------------------

	/**
	 * Creates an activity in 草稿 for the organizing org, which must lie in the caller's scope for
	 * {@code activity:write}.
	 */
	@Transactional
	public Activity create(NewActivity draft) {
		Org organizer = writableOrg(draft.organizerOrgId());
		ActivityRules.Checked checked = rules.check(draft);
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		long id = jdbc.sql("""
				insert into activity (title, type, organizer_org_id, team_id, place, lat, lng, radius_m, starts_at, ends_at,
				capacity, signup_opens_at, signup_closes_at, cancel_deadline, audience, audience_org_id, audience_team_id,
				hours_rule, fixed_hours, service_target, care_recipient_id, checkin_secret, created_by, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(checked.title(), draft.type().name(), organizer.id(), draft.teamId(), checked.place(), draft.lat(),
					draft.lng(), checked.radiusMeters(), draft.startsAt(), draft.endsAt(), draft.capacity(),
					draft.signupOpensAt(), draft.signupClosesAt(), draft.cancelDeadline(), checked.audience().name(),
					draft.audienceOrgId(), draft.audienceTeamId(), checked.hoursRule().name(), draft.fixedHours(),
					checked.serviceTarget(), draft.careRecipientId(), secret, AuditLog.currentActor(), now())
			.query(Long.class)
			.single();
		audit.record("CREATE", "activity", id, organizer.id(), "新建活动：" + checked.title());
		return get(id);
	}

	/**
	 * Creates an activity and, when asked, opens it for sign-up in the same transaction: when
	 * publishing is refused nothing is stored, so that a retry makes no duplicate.
	 */
	@Transactional
	public Activity create(NewActivity draft, boolean publish) {
		Activity activity = create(draft);
		return publish ? publish(activity.id()) : activity;
	}

	/**
	 * Changes what an activity is while it is a draft or open for sign-up. The capacity cannot go
	 * below the confirmed sign-ups; the organizing org stays.
	 */
	@Transactional
	public Activity update(long id, NewActivity changed) {
		Activity activity = locked(writable(id));
		if (activity.status() != ActivityStatus.DRAFT && activity.status() != ActivityStatus.OPEN) {
			throw DomainException.conflict("activity.update.illegal");
		}
		if (changed.organizerOrgId() != activity.organizerOrgId()) {
			writableOrg(changed.organizerOrgId());
		}
		ActivityRules.Checked checked = rules.check(changed);
		if (changed.capacity() < activity.confirmedCount()) {
			throw DomainException.onField("capacity", "activity.capacity.belowConfirmed", activity.confirmedCount());
		}
		jdbc.sql("""
				update activity set title = ?, type = ?, organizer_org_id = ?, team_id = ?, place = ?, lat = ?, lng = ?,
				radius_m = ?, starts_at = ?, ends_at = ?, capacity = ?, signup_opens_at = ?, signup_closes_at = ?,
				cancel_deadline = ?, audience = ?, audience_org_id = ?, audience_team_id = ?, hours_rule = ?, fixed_hours = ?,
				service_target = ?, care_recipient_id = ?, version = version + 1 where id = ?""")
			.params(checked.title(), changed.type().name(), changed.organizerOrgId(), changed.teamId(), checked.place(),
					changed.lat(), changed.lng(), checked.radiusMeters(), changed.startsAt(), changed.endsAt(),
					changed.capacity(), changed.signupOpensAt(), changed.signupClosesAt(), changed.cancelDeadline(),
					checked.audience().name(), changed.audienceOrgId(), changed.audienceTeamId(),
					checked.hoursRule().name(), changed.fixedHours(), checked.serviceTarget(), changed.careRecipientId(), id)
			.update();
		audit.record("UPDATE", "activity", id, changed.organizerOrgId(), "修改活动：" + checked.title());
		return get(id);
	}

	/** Opens a draft for sign-up (草稿 → 报名中). */
	@Transactional
	public Activity publish(long id) {
		Activity activity = locked(writable(id));
		if (activity.status() != ActivityStatus.DRAFT) {
			throw DomainException.conflict("activity.publish.illegal");
		}
		if (!activity.endsAt().isAfter(now())) {
			throw new DomainException("activity.publish.over");
		}
		setStatus(id, ActivityStatus.OPEN);
		audit.record("PUBLISH", "activity", id, activity.organizerOrgId(), "发布活动：" + activity.title());
		return get(id);
	}

	/**
	 * The organizer ends a running (or open, once started) activity now; confirmed sign-ups without
	 * an attendance become no-shows.
	 */
	@Transactional
	public Activity finish(long id) {
		Activity activity = locked(writable(id));
		boolean started = !activity.startsAt().isAfter(now());
		if (activity.status() != ActivityStatus.ONGOING && !(activity.status() == ActivityStatus.OPEN && started)) {
			throw DomainException.conflict("activity.finish.illegal");
		}
		finished(id);
		audit.record("FINISH", "activity", id, activity.organizerOrgId(), "结束活动：" + activity.title());
		return get(id);
	}

	/**
	 * Cancels the activity at any time before its end, with a reason; everyone signed up, confirmed
	 * or waiting, is told.
	 */
	@Transactional
	public Activity cancel(long id, String reason) {
		Activity activity = locked(writable(id));
		String text = reason == null ? "" : reason.strip();
		if (text.isEmpty()) {
			throw DomainException.onField("reason", "activity.cancel.reasonRequired");
		}
		if (text.length() > 500) {
			throw DomainException.onField("reason", "activity.cancel.reasonTooLong", 500);
		}
		if (activity.status() == ActivityStatus.CANCELLED || activity.status() == ActivityStatus.FINISHED
				|| !activity.endsAt().isAfter(now())) {
			throw DomainException.conflict("activity.cancel.illegal");
		}
		jdbc.sql("""
				update activity set status = 'CANCELLED', cancelled_at = ?, cancel_reason = ?, version = version + 1
				where id = ?""").params(now(), text, id).update();
		List<Long> people = jdbc.sql("""
				select person_id from activity_signup where activity_id = ? and status in ('CONFIRMED', 'WAITLISTED')
				order by seq""").param(id).query(Long.class).list();
		notices.cancelled(activity, text, people);
		audit.record("CANCEL", "activity", id, activity.organizerOrgId(),
				"取消活动：" + activity.title() + "（原因：" + text + "）");
		return get(id);
	}

	/** The organizer writes what happened, once the activity has started. */
	@Transactional
	public Activity summarize(long id, String summary) {
		Activity activity = locked(writable(id));
		if (activity.status() != ActivityStatus.ONGOING && activity.status() != ActivityStatus.FINISHED) {
			throw DomainException.conflict("activity.summary.illegal");
		}
		String text = summary == null ? "" : summary.strip();
		if (text.isEmpty()) {
			throw DomainException.onField("summary", "activity.summary.required");
		}
		if (text.length() > 20_000) {
			throw DomainException.onField("summary", "activity.summary.tooLong", 20_000);
		}
		jdbc.sql("update activity set summary = ?, version = version + 1 where id = ?").params(text, id).update();
		audit.record("SUMMARY", "activity", id, activity.organizerOrgId(), "填写活动总结：" + activity.title());
		return get(id);
	}

	/** Adds a photo (JPEG or PNG, size-limited) once the activity has started. */
	@Transactional
	public ActivityPhoto addPhoto(long id, String fileName, byte[] content) {
		Activity activity = locked(writable(id));
		if (activity.status() != ActivityStatus.ONGOING && activity.status() != ActivityStatus.FINISHED) {
			throw DomainException.conflict("activity.photo.illegal");
		}
		String contentType = ActivityRules.photoType(content);
		String name = StringUtils.hasText(fileName) ? StringUtils.getFilename(fileName.strip()) : "photo";
		if (name.length() > 200) {
			name = name.substring(name.length() - 200);
		}
		long photoId = jdbc.sql("""
				insert into activity_photo (activity_id, file_name, content_type, content, uploaded_by, uploaded_at)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(id, name, contentType, content, AuditLog.currentActor(), now())
			.query(Long.class)
			.single();
		audit.record("PHOTO", "activity", id, activity.organizerOrgId(), "上传活动照片：" + name);
		return new ActivityPhoto(photoId, id, name, contentType, content.length, AuditLog.currentActor(), now());
	}

	// ---- queries ----------------------------------------------------------------------------------

	/**
	 * The activity if it exists and lies in the caller's scope for {@code activity:read}, or, for
	 * anyone signed in, if it is open, running or finished and the caller may join it or has signed
	 * up for it.
	 */
	@Transactional(readOnly = true)
	public Optional<Activity> find(long id) {
		Optional<Activity> found = jdbc.sql("select " + COLUMNS + ", o.path" + FROM + " where a.id = ?")
			.param(id)
			.query((rs, i) -> new Scoped(activity(rs, i), rs.getString("path")))
			.optional()
			.filter(scoped -> scopes.current(Permission.ACTIVITY_READ).covers(scoped.path()) || visibleToCaller(scoped.activity()))
			.map(Scoped::activity);
		return found;
	}

	/** The activity in the caller's scope for {@code activity:read} (or visible to it), else 404. */
	@Transactional(readOnly = true)
	public Activity get(long id) {
		return find(id).orElseThrow(DomainException::notFound);
	}

	/** Whether the caller may change the activity (its organizer lies in the {@code activity:write} scope). */
	@Transactional(readOnly = true)
	public boolean canWrite(Activity activity) {
		return orgs.find(activity.organizerOrgId())
			.map(org -> scopes.current(Permission.ACTIVITY_WRITE).covers(org))
			.orElse(false);
	}

	/** Whether the activity's organizer lies in the caller's {@code activity:read} scope. */
	@Transactional(readOnly = true)
	public boolean canRead(Activity activity) {
		return orgs.find(activity.organizerOrgId())
			.map(org -> scopes.current(Permission.ACTIVITY_READ).covers(org))
			.orElse(false);
	}

	/**
	 * Activities organized in the caller's {@code activity:read} scope, newest start first; for a
	 * caller without that permission, the open, running and finished ones it may join.
	 */
	@Transactional(readOnly = true)
	public Page<Activity> list(ActivityQuery query, int page, int size) {
		DataScope scope = scopes.current(Permission.ACTIVITY_READ);
		Long personId = ActivityRules.callerPersonId();
		if (scope.isEmpty() && personId != null) {
			return joinableList(query, personId, page, size);
		}
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where ").append(scope.sqlCondition("o.path", params));
		if (query.status() != null) {
			where.append(" and a.status = ?");
			params.add(query.status().name());
		}
		if (query.type() != null) {
			where.append(" and a.type = ?");
			params.add(query.type().name());
		}
		if (query.orgId() != null) {
			Org org = orgs.find(query.orgId()).filter(scope::covers).orElseThrow(DomainException::notFound);
			where.append(" and o.path like ?");
			params.add(org.path() + "%");
		}
		if (StringUtils.hasText(query.text())) {
			where.append(" and a.title ilike ?");
			params.add("%" + query.text().strip().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		int pageSize = Math.max(1, Math.min(size, 200));
		int number = Math.max(0, page);
		long total = jdbc.sql("select count(*)" + FROM + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(pageSize);
		pageParams.add((long) number * pageSize);
		List<Activity> items = jdbc.sql("select " + COLUMNS + FROM + where + " order by a.starts_at desc, a.id desc limit ? offset ?")
			.params(pageParams)
			.query(Activities::activity)
			.list();
		return new Page<>(items, number, pageSize, total, null);
	}

	private Page<Activity> joinableList(ActivityQuery query, long personId, int page, int size) {
		List<Object> params = new ArrayList<>();
		StringBuilder where = new StringBuilder(" where a.status in ('OPEN', 'ONGOING', 'FINISHED')");
		if (query.status() != null) {
			where.append(" and a.status = ?");
			params.add(query.status().name());
		}
		if (query.type() != null) {
			where.append(" and a.type = ?");
			params.add(query.type().name());
		}
		if (query.orgId() != null) {
			Org org = orgs.find(query.orgId()).orElseThrow(DomainException::notFound);
			where.append(" and o.path like ?");
			params.add(org.path() + "%");
		}
		if (StringUtils.hasText(query.text())) {
			where.append(" and a.title ilike ?");
			params.add("%" + query.text().strip().replace("%", "\\%").replace("_", "\\_") + "%");
		}
		List<Activity> all = jdbc.sql("select " + COLUMNS + FROM + where + " order by a.starts_at desc, a.id desc limit 2000")
			.params(params)
			.query(Activities::activity)
			.list()
			.stream()
			.filter(activity -> rules.mayJoin(activity, personId) || rules.signedUp(activity.id(), personId))
			.toList();
		int pageSize = Math.max(1, Math.min(size, 200));
		int number = Math.max(0, page);
		int from = (int) Math.min((long) number * pageSize, all.size());
		return new Page<>(all.subList(from, Math.min(from + pageSize, all.size())), number, pageSize, all.size(), null);
	}

	/**
	 * Activities open for sign-up or running that the person may join (or has joined), soonest
	 * first; at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	public List<Activity> joinable(long personId, int limit) {
		return jdbc.sql("select " + COLUMNS + FROM + """
				where a.status in ('OPEN', 'ONGOING') and a.ends_at > ? order by a.starts_at, a.id limit 2000""")
			.param(now())
			.query(Activities::activity)
			.list()
			.stream()
			.filter(activity -> rules.mayJoin(activity, personId) || rules.signedUp(activity.id(), personId))
			.limit(Math.max(1, limit))
			.toList();
	}

	/** The activities a volunteer team runs, newest first. */
	@Transactional(readOnly = true)
	public List<Activity> byTeam(long teamId) {
		return jdbc.sql("select " + COLUMNS + FROM + " where a.team_id = ? order by a.starts_at desc, a.id desc")
			.param(teamId)
			.query(Activities::activity)
			.list();
	}

	/** How many finished activities the person signed up for (confirmed) and never attended. */
	@Transactional(readOnly = true)
	public int noShows(long personId) {
		return jdbc.sql("select count(*) from activity_signup where person_id = ? and no_show")
			.param(personId)
			.query(Integer.class)
			.single();
	}

	/** The photos of an activity the caller can see, oldest first, without their content. */
	@Transactional(readOnly = true)
	public List<ActivityPhoto> photos(long id) {
		get(id);
		return jdbc.sql("""
				select id, activity_id, file_name, content_type, octet_length(content) as size, uploaded_by, uploaded_at
				from activity_photo where activity_id = ? order by id""")
			.param(id)
			.query((rs, i) -> new ActivityPhoto(rs.getLong("id"), rs.getLong("activity_id"), rs.getString("file_name"),
					rs.getString("content_type"), rs.getLong("size"), rs.getString("uploaded_by"),
					rs.getObject("uploaded_at", OffsetDateTime.class)))
			.list();
	}

	/** One photo's bytes, if the caller can see the activity. */
	@Transactional(readOnly = true)
	public PhotoContent photo(long id, long photoId) {
		get(id);
		return jdbc.sql("select file_name, content_type, content from activity_photo where id = ? and activity_id = ?")
			.params(photoId, id)
			.query((rs, i) -> new PhotoContent(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional()
			.orElseThrow(DomainException::notFound);
	}

	/** The reason an activity was cancelled, if it was. */
	@Transactional(readOnly = true)
	public Optional<String> cancelReason(long id) {
		get(id);
		return jdbc.sql("select cancel_reason from activity where id = ?").param(id).query(String.class).optional();
	}

	/** The bytes of a photo and how to serve them. */
	public record PhotoContent(String fileName, String contentType, byte[] content) {
	}

	// ---- the clock --------------------------------------------------------------------------------

	/**
	 * Moves open activities that have started to 进行中 and running (or open) ones that have ended
	 * to 已结束, marking no-shows; returns how many changed. Run by the scheduler every minute.
	 */
	@Transactional
	public int advance() {
		OffsetDateTime now = now();
		List<Long> ended = jdbc.sql("""
				select id from activity where status in ('OPEN', 'ONGOING') and ends_at <= ? order by id for update skip locked""")
			.param(now)
			.query(Long.class)
			.list();
		ended.forEach(this::finished);
		int started = jdbc.sql("""
				update activity set status = 'ONGOING', version = version + 1
				where id in (select id from activity where status = 'OPEN' and starts_at <= ? for update skip locked)""")
			.param(now)
			.update();
		return ended.size() + started;
	}

	// ---- internals --------------------------------------------------------------------------------

	private void finished(long id) {
		setStatus(id, ActivityStatus.FINISHED);
		jdbc.sql("""
				update activity_signup s set no_show = true where s.activity_id = ? and s.status = 'CONFIRMED'
				and not exists (select 1 from attendance t where t.activity_id = s.activity_id and t.person_id = s.person_id)""")
			.param(id)
			.update();
	}

	private void setStatus(long id, ActivityStatus status) {
		jdbc.sql("update activity set status = ?, version = version + 1 where id = ?").params(status.name(), id).update();
	}

	private boolean visibleToCaller(Activity activity) {
		Long personId = ActivityRules.callerPersonId();
		if (personId == null) {
			return false;
		}
		if (rules.signedUp(activity.id(), personId)) {
			return true;
		}
		return activity.status() != ActivityStatus.DRAFT && activity.status() != ActivityStatus.CANCELLED
				&& rules.mayJoin(activity, personId);
	}

	private Org writableOrg(long orgId) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.ACTIVITY_WRITE, org.path());
		return org;
	}

	/** The activity, when its organizer lies in the caller's {@code activity:write} scope. */
	private Activity writable(long id) {
		Activity activity = jdbc.sql("select " + COLUMNS + FROM + " where a.id = ?")
			.param(id)
			.query(Activities::activity)
			.optional()
			.orElseThrow(DomainException::notFound);
		// Outside the write scope it does not exist for this caller, even when it may join it.
		if (!canWrite(activity)) {
			throw DomainException.notFound();
		}
		return activity;
	}

	private Activity locked(Activity activity) {
		return jdbc.sql("select " + COLUMNS + FROM + " where a.id = ? for update of a")
			.param(activity.id())
			.query(Activities::activity)
			.single();
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	static Activity activity(ResultSet rs, int row) throws SQLException {
		return new Activity(rs.getLong("id"), rs.getString("title"), ActivityType.valueOf(rs.getString("type")),
				rs.getLong("organizer_org_id"), rs.getObject("team_id", Long.class), rs.getString("place"),
				rs.getObject("lat", Double.class), rs.getObject("lng", Double.class), rs.getInt("radius_m"),
				rs.getObject("starts_at", OffsetDateTime.class), rs.getObject("ends_at", OffsetDateTime.class),
				rs.getInt("capacity"), rs.getInt("confirmed_count"), rs.getObject("signup_opens_at", OffsetDateTime.class),
				rs.getObject("signup_closes_at", OffsetDateTime.class), rs.getObject("cancel_deadline", OffsetDateTime.class),
				Audience.valueOf(rs.getString("audience")), rs.getObject("audience_org_id", Long.class),
				rs.getObject("audience_team_id", Long.class), HoursRule.valueOf(rs.getString("hours_rule")),
				rs.getBigDecimal("fixed_hours"), rs.getString("service_target"),
				rs.getObject("care_recipient_id", Long.class), rs.getString("summary"),
				ActivityStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
	}

	private record Scoped(Activity activity, String path) {
	}

}
