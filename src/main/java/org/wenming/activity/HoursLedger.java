package org.wenming.activity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.Times;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.security.WenmingUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hours ledger: append-only credits and corrections, the totals derived from them, and
 * leaderboards over a period. Totals are always sums of entries; leaderboards read the monthly
 * sums the database keeps beside the entries in the same transaction.
 */
@Service
public class HoursLedger {

	static final String ENTRY_COLUMNS = """
			e.id, e.person_id, e.activity_id, a.title as activity_title, e.org_id, e.team_id, e.kind, e.hours,
			e.service_date, e.period_start, e.period_end, e.reason, e.corrects_entry_id, e.recorded_by,
			e.approved_by, e.created_at""";

	static final String ENTRY_FROM = " from hours_entry e left join activity a on a.id = e.activity_id ";

	private static final int RANKING_MAX = 500;

	/** At most this many hours may be credited to one person on one day. */
	static final BigDecimal DAY_LIMIT = BigDecimal.valueOf(24);

	private final JdbcClient jdbc;

	private final OrgDirectory orgs;

	private final DataScopes scopes;

	private final ApplicationEventPublisher events;

	private final AuditLog audit;

	/** The days of the ledger are days in the configured zone (Beijing time). */
	private final ZoneId zone;

	private final ActivityNotices notices;

	HoursLedger(JdbcClient jdbc, OrgDirectory orgs, DataScopes scopes, ApplicationEventPublisher events,
			AuditLog audit, Times times, ActivityNotices notices) {
		this.zone = times.zone();
		this.notices = notices;
		this.jdbc = jdbc;
		this.orgs = orgs;
		this.scopes = scopes;
		this.events = events;
		this.audit = audit;
	}

	/**
	 * Credits the hours of one checked-out attendance (谁组织谁记录，谁记录谁证明): the caller needs
	 * {@code hours:confirm} over the organizing org and may not be the person who served. Returns the
	 * new entry; the person is notified.
	 */
	@Transactional
	public HoursEntry confirm(long activityId, long attendanceId) {
		ActivityRow activity = confirmable(activityId);
		WenmingUser approver = CheckIns.caller();
		Pending pending = pending(activity, "t.id = ?", attendanceId).stream()
			.findFirst()
			.orElseThrow(DomainException::notFound);
		if (pending.entryId() != null) {
			throw DomainException.conflict("hours.confirm.already");
		}
		return credit(activity, pending, approver);
	}

	/**
	 * Credits every checked-out attendance of the activity not credited yet, except the caller's own;
	 * the new entries. Refused as a whole when one of them breaks a rule of the ledger.
	 */
	@Transactional
	public List<HoursEntry> confirmAll(long activityId) {
		ActivityRow activity = confirmable(activityId);
		WenmingUser approver = CheckIns.caller();
		List<HoursEntry> credited = new ArrayList<>();
		for (Pending pending : pending(activity, "t.hours_entry_id is null and t.person_id <> ?", approver.personId())) {
			if (pending.out() != null && CheckIns.hours(activity, pending.in(), pending.out()).signum() > 0) {
				credited.add(credit(activity, pending, approver));
			}
		}
		return credited;
	}

	/**
	 * Appends a correction of an entry with its reason, approved by the caller ({@code hours:confirm}
	 * over the entry's org, never the person themself). The person's net hours for the entry's
	 * activity (or for the entry, when it has none) may not fall below zero.
	 */
	@Transactional
	public HoursEntry correct(long entryId, BigDecimal hours, String reason) {
		HoursEntry corrected = jdbc.sql("select " + ENTRY_COLUMNS + ENTRY_FROM + " where e.id = ?")
			.param(entryId)
			.query(HoursLedger::entry)
			.optional()
			.orElseThrow(DomainException::notFound);
		Org org = orgs.find(corrected.orgId()).orElseThrow(DomainException::notFound);
		if (!scopes.current(Permission.HOURS_CONFIRM).covers(org)) {
			throw DomainException.notFound();
		}
		WenmingUser approver = CheckIns.caller();
		if (approver.personId() == corrected.personId()) {
			throw new DomainException("hours.self");
		}
		if (reason == null || reason.isBlank()) {
			throw DomainException.onField("reason", "hours.correction.reason");
		}
		if (reason.length() > 500) {
			throw DomainException.onField("reason", "hours.correction.reasonLength");
		}
		if (hours == null || hours.signum() == 0 || hours.scale() > 2 || hours.abs().compareTo(DAY_LIMIT) > 0) {
			throw DomainException.onField("hours", "hours.correction.hours");
		}
		lockPerson(corrected.personId());
		BigDecimal net = corrected.activityId() != null
				? jdbc.sql("select coalesce(sum(hours), 0) from hours_entry where person_id = ? and activity_id = ?")
					.params(corrected.personId(), corrected.activityId())
					.query(BigDecimal.class)
					.single()
				: jdbc.sql("select coalesce(sum(hours), 0) from hours_entry where id = ? or corrects_entry_id = ?")
					.params(entryId, entryId)
					.query(BigDecimal.class)
					.single();
		if (net.add(hours).signum() < 0) {
			throw DomainException.onField("hours", "hours.correction.negative", net.stripTrailingZeros().toPlainString());
		}
		if (hours.signum() > 0
				&& dayHours(corrected.personId(), corrected.serviceDate()).add(hours).compareTo(DAY_LIMIT) > 0) {
			throw DomainException.onField("hours", "hours.day.limit", corrected.serviceDate().toString());
		}
		long id = append(corrected.personId(), corrected.activityId(), corrected.orgId(), corrected.teamId(), "CORRECTION",
				hours, corrected.serviceDate(), null, null, reason.trim(), entryId, approver.getUsername(), approver);
		audit.record("HOURS_CORRECT", "hours_entry", id, corrected.orgId(),
				"更正志愿服务时长：" + hours.toPlainString() + " 小时，原因：" + reason.trim());
		return entry(id);
	}

	private ActivityRow confirmable(long activityId) {
		ActivityRow activity = ActivityRow.find(jdbc, activityId).orElseThrow(DomainException::notFound);
		if (!scopes.current(Permission.HOURS_CONFIRM).covers(activity.organizerPath())) {
			throw DomainException.notFound();
		}
		return activity;
	}

	private List<Pending> pending(ActivityRow activity, String condition, Object param) {
		return jdbc.sql("""
				select t.id, t.person_id, t.checked_in_at, t.checked_out_at, t.hours_entry_id
				from attendance t where t.activity_id = ?""" + " and " + condition + " order by t.id for update")
			.params(activity.id(), param)
			.query((rs, i) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class),
					rs.getObject(4, OffsetDateTime.class), rs.getObject(5, Long.class)))
			.list();
	}

	private HoursEntry credit(ActivityRow activity, Pending pending, WenmingUser approver) {
		if (approver.personId() == pending.personId()) {
			throw new DomainException("hours.self");
		}
		if (pending.out() == null) {
			throw DomainException.conflict("hours.confirm.open");
		}
		BigDecimal hours = CheckIns.hours(activity, pending.in(), pending.out());
		if (hours.signum() <= 0) {
			throw new DomainException("hours.confirm.zero");
		}
		// The period served: the attendance within the scheduled time (the whole activity for a fixed credit).
		OffsetDateTime from = activity.fixedHours() ? activity.startsAt() : later(pending.in(), activity.startsAt());
		OffsetDateTime to = activity.fixedHours() ? activity.endsAt() : earlier(pending.out(), activity.endsAt());
		lockPerson(pending.personId());
		String overlapping = jdbc.sql("""
				select coalesce(a.title, '') from hours_entry e left join activity a on a.id = e.activity_id
				where e.person_id = ? and e.kind = 'CREDIT' and e.period_start < ? and e.period_end > ? limit 1""")
			.params(pending.personId(), to, from)
			.query(String.class)
			.optional()
			.orElse(null);
		if (overlapping != null) {
			throw new DomainException("hours.overlap", overlapping);
		}
		checkDays(pending.personId(), hours, from, to);
		long id = append(pending.personId(), activity.id(), activity.organizerOrgId(), activity.teamId(), "CREDIT", hours,
				from.atZoneSameInstant(zone).toLocalDate(), from, to, null, null, activity.createdBy(),
				approver);
		jdbc.sql("update attendance set hours_entry_id = ?, needs_review = false, version = version + 1 where id = ?")
			.params(id, pending.id())
			.update();
		audit.record("HOURS_CONFIRM", "hours_entry", id, activity.organizerOrgId(),
				"确认志愿服务时长：" + activity.title() + "，" + hours.toPlainString() + " 小时");
		notices.hoursConfirmed(pending.personId(), activity.title(), hours);
		return entry(id);
	}

	/**
	 * Refuses a credit that would bring any day it covers above {@link #DAY_LIMIT}: a period across
	 * midnight is split over its days in proportion to the time on each.
	 */
	private void checkDays(long personId, BigDecimal hours, OffsetDateTime from, OffsetDateTime to) {
		long total = Duration.between(from, to).toSeconds();
		LocalDate day = from.atZoneSameInstant(zone).toLocalDate();
		LocalDate last = to.minusNanos(1).atZoneSameInstant(zone).toLocalDate();
		for (; !day.isAfter(last); day = day.plusDays(1)) {
			OffsetDateTime dayStart = day.atStartOfDay(zone).toOffsetDateTime();
			OffsetDateTime dayEnd = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
			long inDay = Duration.between(later(from, dayStart), earlier(to, dayEnd)).toSeconds();
			BigDecimal share = hours.multiply(BigDecimal.valueOf(inDay)).divide(BigDecimal.valueOf(total), 4,
					RoundingMode.HALF_UP);
			if (dayHours(personId, day).add(share).compareTo(DAY_LIMIT) > 0) {
				throw new DomainException("hours.day.limit", day.toString());
			}
		}
	}

	/**
	 * The hours credited to the person on a day: entries with a period count with the share of
	 * their period on that day, others (corrections) on their service date.
	 */
	BigDecimal dayHours(long personId, LocalDate day) {
		OffsetDateTime dayStart = day.atStartOfDay(zone).toOffsetDateTime();
		OffsetDateTime dayEnd = day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
		return jdbc.sql("""
				select coalesce(sum(case when e.period_start is null then e.hours
				  else e.hours * extract(epoch from least(e.period_end, :dayEnd) - greatest(e.period_start, :dayStart))
				       / extract(epoch from e.period_end - e.period_start) end), 0)
				from hours_entry e where e.person_id = :person
				  and ((e.period_start is null and e.service_date = :day)
				    or (e.period_start < :dayEnd and e.period_end > :dayStart))""")
			.param("person", personId)
			.param("day", day)
			.param("dayStart", dayStart)
			.param("dayEnd", dayEnd)
			.query(BigDecimal.class)
			.single();
	}

	private long append(long personId, Long activityId, long orgId, Long teamId, String kind, BigDecimal hours,
			LocalDate serviceDate, OffsetDateTime from, OffsetDateTime to, String reason, Long correctsEntryId,
			String recordedBy, WenmingUser approver) {
		long id = jdbc.sql("""
				insert into hours_entry (person_id, activity_id, org_id, team_id, kind, hours, service_date, period_start,
				  period_end, reason, corrects_entry_id, recorded_by, approved_by, approver_person_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(personId, activityId, orgId, teamId, kind, hours, serviceDate, from, to, reason, correctsEntryId,
					recordedBy, approver.getUsername(), approver.personId())
			.query(Long.class)
			.single();
		events.publishEvent(new HoursRecorded(id, personId, activityId, orgId, teamId, hours, serviceDate,
				"CORRECTION".equals(kind)));
		return id;
	}

	/** Serializes the ledger writes of one person, so that the day limit and the overlap check hold. */
	private void lockPerson(long personId) {
		jdbc.sql("select pg_advisory_xact_lock(4302, ?)").param((int) personId).query(Object.class).single();
	}

	private HoursEntry entry(long id) {
		return jdbc.sql("select " + ENTRY_COLUMNS + ENTRY_FROM + " where e.id = ?").param(id).query(HoursLedger::entry).single();
	}

	private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
		return a.isAfter(b) ? a : b;
	}

	private static OffsetDateTime earlier(OffsetDateTime a, OffsetDateTime b) {
		return a.isBefore(b) ? a : b;
	}

	private record Pending(long id, long personId, OffsetDateTime in, OffsetDateTime out, Long entryId) {
	}

	/**
	 * The credits a correction may be made to, for the entry picker of 更正时长: at most
	 * {@code limit} credits of orgs in the caller's {@code hours:confirm} scope, whose person's name
	 * or activity's title contains {@code term} (all when blank), newest first, each with the
	 * person's name and masked ID number. Never the caller's own.
	 */
	@Transactional(readOnly = true)
	public List<Correctable> correctable(String term, int limit) {
		List<Object> params = new ArrayList<>();
		String inScope = scopes.current(Permission.HOURS_CONFIRM).sqlCondition("o.path", params);
		StringBuilder sql = new StringBuilder("""
				select e.id, p.name, p.id_number_masked, a.title, e.service_date, e.hours
				from hours_entry e join org o on o.id = e.org_id join person p on p.id = e.person_id
				left join activity a on a.id = e.activity_id
				where e.kind <> 'CORRECTION' and""").append(' ').append(inScope);
		if (term != null && !term.isBlank()) {
			String like = "%" + term.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			sql.append(" and (p.name like ? or a.title like ?)");
			params.add(like);
			params.add(like);
		}
		var caller = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
		if (caller != null && caller.getPrincipal() instanceof WenmingUser user) {
			sql.append(" and e.person_id <> ?");
			params.add(user.personId());
		}
		sql.append(" order by e.service_date desc, e.id desc limit ?");
		params.add(limit);
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, i) -> new Correctable(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class), rs.getBigDecimal(6)))
			.list();
	}

	/** A credit as the entry picker shows it. */
	public record Correctable(long id, String personName, String idNumberMasked, String activityTitle,
			LocalDate serviceDate, BigDecimal hours) {
	}

	/** The sum of the person's entries. */
	public BigDecimal totalHours(long personId) {
		return jdbc.sql("select coalesce(sum(hours), 0) from hours_entry where person_id = ?")
			.param(personId)
			.query(BigDecimal.class)
			.single();
	}

	/** The person's entries, newest first. */
	public List<HoursEntry> entries(long personId) {
		return jdbc.sql("select " + ENTRY_COLUMNS + ENTRY_FROM + " where e.person_id = ? order by e.service_date desc, e.id desc")
			.param(personId)
			.query(HoursLedger::entry)
			.list();
	}

	/** The person's total, by year and by activity. */
	public HoursSummary summary(long personId) {
		SortedMap<Integer, BigDecimal> byYear = new TreeMap<>();
		jdbc.sql("""
				select extract(year from service_date)::int as year, sum(hours) as hours from hours_entry
				where person_id = ? group by 1 order by 1""")
			.param(personId)
			.query((rs, row) -> byYear.put(rs.getInt("year"), rs.getBigDecimal("hours")))
			.list();
		List<HoursSummary.ActivityHours> byActivity = jdbc.sql("""
				select e.activity_id, min(a.title) as title, min(e.service_date) as service_date, min(e.org_id) as org_id,
				       sum(e.hours) as hours
				from hours_entry e left join activity a on a.id = e.activity_id
				where e.person_id = ?
				group by e.activity_id, case when e.activity_id is null then e.id end
				order by min(e.service_date) desc, e.activity_id desc""")
			.param(personId)
			.query((rs, row) -> new HoursSummary.ActivityHours(rs.getObject("activity_id", Long.class),
					rs.getString("title"), rs.getObject("service_date", LocalDate.class), rs.getLong("org_id"),
					rs.getBigDecimal("hours")))
			.list();
		BigDecimal total = byYear.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		return new HoursSummary(personId, total, byYear, byActivity);
	}

	/**
	 * The top {@code limit} people, teams or child orgs by hours recorded within the subtree of
	 * {@code orgId} in the months {@code from} to {@code to} (inclusive). Ties share the order of
	 * their ids; rows with no hours left after corrections are left out. Whole calendar years of the
	 * period are read from the yearly sums, the months around them from the monthly sums.
	 */
	public List<HoursRank> ranking(RankBy by, long orgId, YearMonth from, YearMonth to, int limit) {
		return ranking(by, orgId, from, to, limit, true);
	}

	/**
	 * The leaderboard of an org in the caller's scope for {@code volunteer:read} (else "not found"),
	 * or, without an org, of the first org of that scope.
	 */
	@Transactional(readOnly = true)
	public List<HoursRank> rankingInScope(RankBy by, Long orgId, YearMonth from, YearMonth to, int limit) {
		DataScope scope = scopes.current(Permission.VOLUNTEER_READ);
		long id = orgId != null ? orgId : scope.rootOrgIds().stream().findFirst().orElseThrow(DomainException::notFound);
		Org org = orgs.find(id).orElseThrow(DomainException::notFound);
		if (!scope.covers(org)) {
			throw DomainException.notFound();
		}
		return ranking(by, org.id(), from, to, limit);
	}

	/** As {@link #ranking(RankBy, long, YearMonth, YearMonth, int)}, reading only monthly sums unless {@code years}. */
	List<HoursRank> ranking(RankBy by, long orgId, YearMonth from, YearMonth to, int limit, boolean years) {
		if (from.isAfter(to)) {
			throw new DomainException("activity.hours.ranking.period");
		}
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		int top = Math.max(1, Math.min(limit, RANKING_MAX));
		// Whole years first..last (none when first > last), and the months before and after them.
		int firstYear = from.getMonthValue() == 1 ? from.getYear() : from.getYear() + 1;
		int lastYear = to.getMonthValue() == 12 ? to.getYear() : to.getYear() - 1;
		if (!years || firstYear > lastYear) {
			firstYear = to.getYear() + 1;
			lastYear = to.getYear();
		}
		boolean wholeYears = firstYear <= lastYear;
		YearMonth headEnd = wholeYears ? YearMonth.of(firstYear, 1).minusMonths(1) : to;
		YearMonth tailStart = wholeYears ? YearMonth.of(lastYear, 12).plusMonths(1) : to.plusMonths(1);
		int[] rank = { 0 };
		if (by == RankBy.PERSON && years && wholeYears && headEnd.isBefore(from)
				&& tailStart.isAfter(to) && coversTheWholeTree(org)) {
			return wholeTreeRanking(firstYear, lastYear, top);
		}
		// Only the parts of the period there are; the subtree as its org ids, so that the plan does not
		// depend on a path pattern.
		List<String> parts = new ArrayList<>();
		if (wholeYears) {
			parts.add("""
					select y.person_id, y.org_id, y.team_id, y.hours from hours_year y
					where y.year between :firstYear and :lastYear and y.org_id = any(:orgs)""");
		}
		if (!headEnd.isBefore(from)) {
			parts.add("""
					select m.person_id, m.org_id, m.team_id, m.hours from hours_month m
					where m.month between :from and :headEnd and m.org_id = any(:orgs)""");
		}
		if (!to.isBefore(tailStart)) {
			parts.add("""
					select m.person_id, m.org_id, m.team_id, m.hours from hours_month m
					where m.month between :tailStart and :to and m.org_id = any(:orgs)""");
		}
		String sums = "(" + String.join("\n union all\n", parts) + ") m";
		String sql = switch (by) {
			case PERSON -> """
					select m.person_id as id, sum(m.hours) as hours, 1 as people
					from %s
					group by m.person_id having sum(m.hours) > 0
					order by hours desc, id limit :top""";
			case TEAM -> """
					select m.team_id as id, sum(m.hours) as hours, count(distinct m.person_id) as people
					from %s
					where m.team_id <> 0
					group by m.team_id having sum(m.hours) > 0
					order by hours desc, id limit :top""";
			case ORG -> """
					select c.id, sum(m.hours) as hours, count(distinct m.person_id) as people
					from org c join org o on starts_with(o.path, c.path) join %s on m.org_id = o.id
					where c.parent_id = :parent
					group by c.id having sum(m.hours) > 0
					order by hours desc, id limit :top""";
		};
		return jdbc.sql(sql.replace("%s", sums))
			.param("firstYear", firstYear)
			.param("lastYear", lastYear)
			.param("from", from.atDay(1))
			.param("headEnd", headEnd.atDay(1))
			.param("tailStart", tailStart.atDay(1))
			.param("to", to.atDay(1))
			.param("orgs", orgs.subtreeIds(org.id()).toArray(Long[]::new))
			.param("parent", org.id())
			.param("top", top)
			.query((rs, row) -> new HoursRank(++rank[0], rs.getLong("id"), rs.getBigDecimal("hours"), rs.getLong("people")))
			.list();
	}

	/**
	 * The top people of the whole tree over the years {@code firstYear} to {@code lastYear}, from
	 * each person's yearly totals; for one year, the head of an index.
	 */
	List<HoursRank> wholeTreeRanking(int firstYear, int lastYear, int top) {
		String sql = firstYear == lastYear ? """
				select person_id as id, hours, 1 as people from hours_person_year
				where year = :firstYear and year = :lastYear and hours > 0
				order by hours desc, id limit :top""" : """
				select person_id as id, sum(hours) as hours, 1 as people from hours_person_year
				where year between :firstYear and :lastYear
				group by person_id having sum(hours) > 0
				order by hours desc, id limit :top""";
		int[] rank = { 0 };
		return jdbc.sql(sql)
			.param("firstYear", firstYear)
			.param("lastYear", lastYear)
			.param("top", top)
			.query((rs, row) -> new HoursRank(++rank[0], rs.getLong("id"), rs.getBigDecimal("hours"), rs.getLong("people")))
			.list();
	}

	/** Whether the org is the only root of the tree, so that its subtree is every org. */
	private boolean coversTheWholeTree(Org org) {
		return org.parentId() == null
				&& jdbc.sql("select count(*) from org where parent_id is null").query(Long.class).single() == 1;
	}

	static HoursEntry entry(ResultSet rs, int row) throws SQLException {
		return new HoursEntry(rs.getLong("id"), rs.getLong("person_id"), rs.getObject("activity_id", Long.class),
				rs.getString("activity_title"), rs.getLong("org_id"), rs.getObject("team_id", Long.class),
				"CORRECTION".equals(rs.getString("kind")), rs.getBigDecimal("hours"),
				rs.getObject("service_date", LocalDate.class), rs.getObject("period_start", OffsetDateTime.class),
				rs.getObject("period_end", OffsetDateTime.class), rs.getString("reason"),
				rs.getObject("corrects_entry_id", Long.class), rs.getString("recorded_by"), rs.getString("approved_by"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

}
