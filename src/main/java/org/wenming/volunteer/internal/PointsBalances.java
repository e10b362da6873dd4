package org.wenming.volunteer.internal;

import java.util.ArrayList;
import java.util.List;

import org.wenming.platform.ledger.DerivedSums;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The points balances, and every entry's balance_after, recomputed from the points ledger for the
 * ledger verification.
 */
@Component
class PointsBalances implements DerivedSums {

	private final JdbcClient jdbc;

	PointsBalances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Mismatch> firstMismatches() {
		List<Mismatch> mismatches = new ArrayList<>();
		jdbc.sql("""
				select 'person_id=' || coalesce(a.person_id, l.person_id), a.balance::text, l.total::text
				from points_account a
				full join (select person_id, sum(delta) as total from points_entry group by 1) l on l.person_id = a.person_id
				where coalesce(a.balance, 0) <> coalesce(l.total, 0)
				order by coalesce(a.person_id, l.person_id)
				limit 1""")
			.query((rs, n) -> new Mismatch("points_account", rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional()
			.ifPresent(mismatches::add);
		jdbc.sql("""
				select 'id=' || id, balance_after::text, running::text
				from (select id, balance_after, sum(delta) over (partition by person_id order by id) as running
				      from points_entry) e
				where balance_after <> running
				order by id
				limit 1""")
			.query((rs, n) -> new Mismatch("points_entry", rs.getString(1), rs.getString(2), rs.getString(3)))
			.optional()
			.ifPresent(mismatches::add);
		return mismatches;
	}

}
