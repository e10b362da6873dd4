package org.wenming.activity.internal;

import java.util.ArrayList;
import java.util.List;

import org.wenming.platform.ledger.DerivedSums;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly, yearly and per-person yearly sums of the hours ledger, recomputed from its entries
 * for the ledger verification.
 */
@Component
class HoursSums implements DerivedSums {

	private final JdbcClient jdbc;

	HoursSums(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Mismatch> firstMismatches() {
		List<Mismatch> mismatches = new ArrayList<>();
		first("hours_month", """
				select format('month=%s person_id=%s org_id=%s team_id=%s', coalesce(d.month, l.month),
				           coalesce(d.person_id, l.person_id), coalesce(d.org_id, l.org_id), coalesce(d.team_id, l.team_id)),
				       d.hours || '/' || d.entries, l.hours || '/' || l.entries
				from hours_month d
				full join (select date_trunc('month', service_date)::date as month, person_id, org_id,
				                  coalesce(team_id, 0) as team_id, sum(hours) as hours, count(*)::int as entries
				           from hours_entry group by 1, 2, 3, 4) l
				  on l.month = d.month and l.person_id = d.person_id and l.org_id = d.org_id and l.team_id = d.team_id
				where d.hours is distinct from l.hours or d.entries is distinct from l.entries
				order by coalesce(d.month, l.month), coalesce(d.person_id, l.person_id), coalesce(d.org_id, l.org_id),
				         coalesce(d.team_id, l.team_id)
				limit 1""", mismatches);
		first("hours_year", """
				select format('year=%s person_id=%s org_id=%s team_id=%s', coalesce(d.year, l.year),
				           coalesce(d.person_id, l.person_id), coalesce(d.org_id, l.org_id), coalesce(d.team_id, l.team_id)),
				       d.hours || '/' || d.entries, l.hours || '/' || l.entries
				from hours_year d
				full join (select extract(year from service_date)::int as year, person_id, org_id,
				                  coalesce(team_id, 0) as team_id, sum(hours) as hours, count(*)::int as entries
				           from hours_entry group by 1, 2, 3, 4) l
				  on l.year = d.year and l.person_id = d.person_id and l.org_id = d.org_id and l.team_id = d.team_id
				where d.hours is distinct from l.hours or d.entries is distinct from l.entries
				order by coalesce(d.year, l.year), coalesce(d.person_id, l.person_id), coalesce(d.org_id, l.org_id),
				         coalesce(d.team_id, l.team_id)
				limit 1""", mismatches);
		first("hours_person_year", """
				select format('year=%s person_id=%s', coalesce(d.year, l.year), coalesce(d.person_id, l.person_id)),
				       d.hours::text, l.hours::text
				from hours_person_year d
				full join (select extract(year from service_date)::int as year, person_id, sum(hours) as hours
				           from hours_entry group by 1, 2) l
				  on l.year = d.year and l.person_id = d.person_id
				where d.hours is distinct from l.hours
				order by coalesce(d.year, l.year), coalesce(d.person_id, l.person_id)
				limit 1""", mismatches);
		return mismatches;
	}

	private void first(String table, String sql, List<Mismatch> into) {
		jdbc.sql(sql)
			.query((rs, n) -> new Mismatch(table, rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional()
			.ifPresent(into::add);
	}

}
