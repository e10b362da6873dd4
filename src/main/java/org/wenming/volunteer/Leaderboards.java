package org.wenming.volunteer;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.wenming.activity.HoursCharts;
import org.wenming.activity.HoursLedger;
import org.wenming.activity.HoursRank;
import org.wenming.activity.RankBy;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.directory.DataScopes;
import org.wenming.platform.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hours leaderboards of people, teams or orgs within an org of the caller's scope for
 * {@code volunteer:read}, with names: a person shows only the name and the org they belong to.
 */
@Service
public class Leaderboards {

	private final HoursLedger ledger;

	private final OrgDirectory orgs;

	private final DataScopes scopes;

	private final JdbcClient jdbc;

	private final HoursCharts charts;

	Leaderboards(HoursLedger ledger, OrgDirectory orgs, DataScopes scopes, JdbcClient jdbc, HoursCharts charts) {
		this.ledger = ledger;
		this.charts = charts;
		this.orgs = orgs;
		this.scopes = scopes;
		this.jdbc = jdbc;
	}

	/** The top rows of the board, named. */
	@Transactional(readOnly = true)
	public List<Row> board(RankBy by, long orgId, YearMonth from, YearMonth to, int limit) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.VOLUNTEER_READ, org.path());
		if (from.isAfter(to)) {
			throw new DomainException("volunteer.leaderboard.period");
		}
		List<HoursRank> ranks = ledger.ranking(by, orgId, from, to, limit);
		if (ranks.isEmpty()) {
			return List.of();
		}
		Long[] ids = ranks.stream().map(HoursRank::id).toArray(Long[]::new);
		String sql = switch (by) {
			case PERSON -> """
					select p.id, p.name, coalesce(h.name, w.name, '') as org from person p
					left join org h on h.id = p.home_org_id left join org w on w.id = p.work_org_id where p.id = any(?)""";
			case TEAM -> """
					select t.id, t.name, o.name as org from volunteer_team t join org o on o.id = t.org_id where t.id = any(?)""";
			case ORG -> "select o.id, o.name, '' as org from org o where o.id = any(?)";
		};
		Map<Long, String[]> names = jdbc.sql(sql)
			.param(ids)
			.query((rs, i) -> new Object[] { rs.getLong(1), new String[] { rs.getString(2), rs.getString(3) } })
			.list()
			.stream()
			.collect(Collectors.toMap(row -> (Long) row[0], row -> (String[]) row[1], (a, b) -> a));
		Function<Long, String[]> name = id -> names.getOrDefault(id, new String[] { "#" + id, "" });
		return ranks.stream()
			.map(rank -> new Row(rank.rank(), rank.id(), name.apply(rank.id())[0], name.apply(rank.id())[1],
					rank.hours(), rank.people()))
			.toList();
	}

	/**
	 * The hours and activities of the org's subtree in each month (each year, for a long range) of the
	 * period, for an org of the caller's scope for {@code volunteer:read}.
	 */
	@Transactional(readOnly = true)
	public List<HoursCharts.Point> trend(long orgId, YearMonth from, YearMonth to) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.VOLUNTEER_READ, org.path());
		if (from.isAfter(to)) {
			throw new DomainException("volunteer.leaderboard.period");
		}
		return charts.org(orgId, from, to);
	}

	/** One named row of a leaderboard. */
	public record Row(int rank, long id, String name, String orgName, java.math.BigDecimal hours, long people) {
	}

}
