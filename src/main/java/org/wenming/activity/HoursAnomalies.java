package org.wenming.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.wenming.directory.DataScope;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Permission;
import org.wenming.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a reviewer of hours should look at, among the orgs in the caller's {@code hours:confirm}
 * scope: people with more than 12 hours on one day, people who forgot to check out three times or
 * more, and credited periods of one person that overlap (which the ledger refuses; a finding here
 * means data that came in another way).
 */
@Service
public class HoursAnomalies {

	/** More hours than this on one day is worth a look. */
	public static final BigDecimal LONG_DAY = BigDecimal.valueOf(12);

	/** This many forgotten check-outs or more is worth a look. */
	public static final int FORGETFUL = 3;

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final Times times;

	HoursAnomalies(JdbcClient jdbc, DataScopes scopes, Times times) {
		this.times = times;
		this.jdbc = jdbc;
		this.scopes = scopes;
	}

	@Transactional(readOnly = true)
	public List<Anomaly> find() {
		DataScope scope = scopes.current(Permission.HOURS_CONFIRM);
		if (scope.isEmpty()) {
			return List.of();
		}
		List<Anomaly> found = new ArrayList<>();
		List<Object> params = new ArrayList<>();
		String inScope = scope.sqlCondition("o.path", params);
		found.addAll(jdbc.sql("""
				select e.person_id, p.name, e.service_date, sum(e.hours) as hours, count(*) as n
				from hours_entry e join org o on o.id = e.org_id join person p on p.id = e.person_id
				where %s group by e.person_id, p.name, e.service_date having sum(e.hours) > ?
				order by e.service_date desc, e.person_id limit 200""".formatted(inScope))
			.params(List.of(params.get(0), LONG_DAY))
			.query((rs, i) -> new Anomaly(Kind.LONG_DAY, rs.getLong(1), rs.getString(2),
					rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getInt(5)))
			.list());
		found.addAll(jdbc.sql("""
				select t.person_id, p.name, (max(a.starts_at) at time zone ?)::date, null::numeric, count(*) as n
				from attendance t join activity a on a.id = t.activity_id join org o on o.id = a.organizer_org_id
				join person p on p.id = t.person_id
				where t.auto_closed and %s group by t.person_id, p.name having count(*) >= ?
				order by n desc, t.person_id limit 200""".formatted(inScope))
			.params(List.of(times.zone().getId(), params.get(0), FORGETFUL))
			.query((rs, i) -> new Anomaly(Kind.FORGOTTEN_CHECKOUTS, rs.getLong(1), rs.getString(2),
					rs.getObject(3, LocalDate.class), null, rs.getInt(5)))
			.list());
		found.addAll(jdbc.sql("""
				select e.person_id, p.name, e.service_date, e.hours + f.hours, 2
				from hours_entry e join hours_entry f on f.person_id = e.person_id and f.id > e.id and f.kind = 'CREDIT'
				  and f.period_start < e.period_end and f.period_end > e.period_start
				join org o on o.id = e.org_id join person p on p.id = e.person_id
				where e.kind = 'CREDIT' and %s order by e.service_date desc limit 200""".formatted(inScope))
			.params(List.of(params.get(0)))
			.query((rs, i) -> new Anomaly(Kind.OVERLAP, rs.getLong(1), rs.getString(2),
					rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), rs.getInt(5)))
			.list());
		return found;
	}

	/** What kind of finding. */
	public enum Kind {
		LONG_DAY, FORGOTTEN_CHECKOUTS, OVERLAP
	}

	/**
	 * One finding: the person, the day (the last one for forgotten check-outs), the hours concerned
	 * and how many entries or attendances.
	 */
	public record Anomaly(Kind kind, long personId, String personName, LocalDate day, BigDecimal hours, int count) {
	}

}
