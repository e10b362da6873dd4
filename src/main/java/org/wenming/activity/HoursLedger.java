package org.wenming.activity;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.platform.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

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

	private final JdbcClient jdbc;

	private final OrgDirectory orgs;

	HoursLedger(JdbcClient jdbc, OrgDirectory orgs) {
		this.jdbc = jdbc;
		this.orgs = orgs;
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
	 * their ids; rows with no hours left after corrections are left out.
	 */
	public List<HoursRank> ranking(RankBy by, long orgId, YearMonth from, YearMonth to, int limit) {
		if (from.isAfter(to)) {
			throw new DomainException("activity.hours.ranking.period");
		}
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		int top = Math.max(1, Math.min(limit, RANKING_MAX));
		LocalDate first = from.atDay(1);
		LocalDate last = to.atDay(1);
		String sql = switch (by) {
			case PERSON -> """
					select m.person_id as id, sum(m.hours) as hours, 1 as people
					from hours_month m join org o on o.id = m.org_id
					where o.path like ? and m.month between ? and ?
					group by m.person_id having sum(m.hours) > 0
					order by hours desc, id limit ?""";
			case TEAM -> """
					select m.team_id as id, sum(m.hours) as hours, count(distinct m.person_id) as people
					from hours_month m join org o on o.id = m.org_id
					where o.path like ? and m.month between ? and ? and m.team_id <> 0
					group by m.team_id having sum(m.hours) > 0
					order by hours desc, id limit ?""";
			case ORG -> """
					select c.id, sum(m.hours) as hours, count(distinct m.person_id) as people
					from org c join org o on o.path like c.path || '%' join hours_month m on m.org_id = o.id
					where c.path like ? and c.parent_id = %d and m.month between ? and ?
					group by c.id having sum(m.hours) > 0
					order by hours desc, id limit ?""".formatted(org.id());
		};
		int[] rank = { 0 };
		return jdbc.sql(sql)
			.params(org.path() + "%", first, last, top)
			.query((rs, row) -> new HoursRank(++rank[0], rs.getLong("id"), rs.getBigDecimal("hours"), rs.getLong("people")))
			.list();
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
