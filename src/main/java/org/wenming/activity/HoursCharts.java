package org.wenming.activity;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.platform.DomainException;
import org.wenming.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures behind the hours charts: a person's hours by month and by year, and the hours and
 * activities of a team or of an org's subtree over a range of months. Months and years are those of
 * Beijing time ({@code wenming.zone}): hours by their service date (a day in that zone), activities
 * by their start in that zone. Every period of the range is there, with zeros where nothing happened.
 * The callers check that the person, team or org is theirs to see.
 */
@Service
public class HoursCharts {

	/** Longer ranges than this many months are shown by year. */
	static final int MONTHS_MAX = 36;

	private final JdbcClient jdbc;

	private final OrgDirectory orgs;

	private final Times times;

	private final Clock clock;

	HoursCharts(JdbcClient jdbc, OrgDirectory orgs, Times times, Clock clock) {
		this.jdbc = jdbc;
		this.orgs = orgs;
		this.times = times;
		this.clock = clock;
	}

	/** The current month in Beijing time. */
	public YearMonth thisMonth() {
		return YearMonth.from(LocalDate.now(clock.withZone(times.zone())));
	}

	/** The person's hours in each of the twelve months up to this one. */
	@Transactional(readOnly = true)
	public List<Point> personMonths(long personId) {
		YearMonth to = thisMonth();
		YearMonth from = to.minusMonths(11);
		Map<String, BigDecimal> hours = sums("""
				select to_char(month, 'YYYY-MM') as period, sum(hours) as value from hours_month
				where person_id = :id and month between :from and :to group by 1""", personId, from, to);
		return fill(months(from, to), hours, Map.of());
	}

	/** The person's hours in each year from their first year of service to this year. */
	@Transactional(readOnly = true)
	public List<Point> personYears(long personId) {
		int last = thisMonth().getYear();
		Map<String, BigDecimal> hours = new LinkedHashMap<>();
		jdbc.sql("select year, hours from hours_person_year where person_id = ? and year <= ? order by year")
			.params(personId, last)
			.query((rs, i) -> hours.put(String.valueOf(rs.getInt(1)), rs.getBigDecimal(2)))
			.list();
		int first = hours.keySet().stream().mapToInt(Integer::parseInt).min().orElse(last);
		List<String> years = new ArrayList<>();
		for (int year = Math.max(first, last - 19); year <= last; year++) {
			years.add(String.valueOf(year));
		}
		return fill(years, hours, Map.of());
	}

	/** The team's hours and the activities it ran (not drafts, not cancelled) in each period of the range. */
	@Transactional(readOnly = true)
	public List<Point> team(long teamId, YearMonth from, YearMonth to) {
		return trend("m.team_id = :id", "a.team_id = :id", teamId, from, to);
	}

	/** The hours and activities of the org's subtree in each period of the range. */
	@Transactional(readOnly = true)
	public List<Point> org(long orgId, YearMonth from, YearMonth to) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		Long[] subtree = orgs.subtreeIds(org.id()).toArray(Long[]::new);
		return trend("m.org_id = any(:ids)", "a.organizer_org_id = any(:ids)", subtree, from, to);
	}

	private List<Point> trend(String hoursWhere, String activityWhere, Object id, YearMonth from, YearMonth to) {
		if (from.isAfter(to)) {
			throw new DomainException("activity.hours.ranking.period");
		}
		boolean byYear = from.until(to, java.time.temporal.ChronoUnit.MONTHS) >= MONTHS_MAX;
		String format = byYear ? "'YYYY'" : "'YYYY-MM'";
		String param = id instanceof Long[] ? "ids" : "id";
		String hoursSql = "select to_char(m.month, " + format + ") as period, sum(m.hours) as value from hours_month m"
				+ " where " + hoursWhere + " and m.month between :from and :to group by 1";
		String activitiesSql = "select to_char(a.starts_at at time zone :zone, " + format + ") as period, count(*) as value"
				+ " from activity a where " + activityWhere + " and a.status not in ('DRAFT', 'CANCELLED')"
				+ " and a.starts_at >= :start and a.starts_at < :end group by 1";
		Map<String, BigDecimal> hours = new LinkedHashMap<>();
		jdbc.sql(hoursSql)
			.param(param, id)
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query((rs, i) -> hours.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		Map<String, BigDecimal> activities = new LinkedHashMap<>();
		jdbc.sql(activitiesSql)
			.param(param, id)
			.param("zone", times.zone().getId())
			.param("start", from.atDay(1).atStartOfDay(times.zone()).toOffsetDateTime())
			.param("end", to.plusMonths(1).atDay(1).atStartOfDay(times.zone()).toOffsetDateTime())
			.query((rs, i) -> activities.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		List<String> periods = new ArrayList<>();
		if (byYear) {
			for (int year = from.getYear(); year <= to.getYear(); year++) {
				periods.add(String.valueOf(year));
			}
		}
		else {
			periods = months(from, to);
		}
		return fill(periods, hours, activities);
	}

	private Map<String, BigDecimal> sums(String sql, long id, YearMonth from, YearMonth to) {
		Map<String, BigDecimal> sums = new LinkedHashMap<>();
		jdbc.sql(sql)
			.param("id", id)
			.param("from", from.atDay(1))
			.param("to", to.atDay(1))
			.query((rs, i) -> sums.put(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		return sums;
	}

	private static List<String> months(YearMonth from, YearMonth to) {
		List<String> months = new ArrayList<>();
		for (YearMonth month = from; !month.isAfter(to); month = month.plusMonths(1)) {
			months.add(month.toString());
		}
		return months;
	}

	private static List<Point> fill(List<String> periods, Map<String, BigDecimal> hours, Map<String, BigDecimal> activities) {
		return periods.stream()
			.map(period -> new Point(period, hours.getOrDefault(period, BigDecimal.ZERO).stripTrailingZeros(),
					activities.getOrDefault(period, BigDecimal.ZERO).longValue()))
			.toList();
	}

	/** One period of a chart: a month ({@code 2026-03}) or a year ({@code 2026}), its hours and activities. */
	public record Point(String period, BigDecimal hours, long activities) {

		/** The hours as plain text ({@code 12.5}, never {@code 1.25E+1}). */
		public String hoursText() {
			return hours.signum() == 0 ? "0" : hours.toPlainString();
		}

	}

}
