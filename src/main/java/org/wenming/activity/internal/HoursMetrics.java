package org.wenming.activity.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.wenming.metric.MetricDefinition;
import org.wenming.metric.MetricProvider;
import org.wenming.metric.MetricQuery;
import org.wenming.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The hours ledger's metrics: hours recorded by orgs of the subtree for service within the period,
 * those hours per resident of the subtree, and the people who served them (net hours above zero
 * after corrections). A period of whole months reads the monthly sums, any other period the entries.
 */
@Component
class HoursMetrics implements MetricProvider {

	private static final String HOURS = "volunteer.hours";

	private static final String PER_CAPITA = "volunteer.hours_per_capita";

	private static final String ACTIVE = "volunteer.active";

	private static final String MONTHS = """
			select m.person_id, m.hours from hours_month m join org o on o.id = m.org_id
			where o.path like :prefix and m.month between :from and :to""";

	private static final String ENTRIES = """
			select e.person_id, e.hours from hours_entry e join org o on o.id = e.org_id
			where o.path like :prefix and e.service_date between :from and :to""";

	private final JdbcClient jdbc;

	private final ZoneId zone;

	HoursMetrics(JdbcClient jdbc, Times times) {
		this.zone = times.zone();
		this.jdbc = jdbc;
	}

	@Override
	public List<MetricDefinition> metrics() {
		return List.of(new MetricDefinition(HOURS, "志愿服务时长（本组织及下级组织记录的服务时长）", "小时", true),
				new MetricDefinition(PER_CAPITA, "人均志愿服务时长（志愿服务时长÷居民数）", "小时", true),
				new MetricDefinition(ACTIVE, "参与志愿服务人数（期间内有志愿服务时长的人数）", "人", true));
	}

	@Override
	public BigDecimal compute(String name, MetricQuery query) {
		return switch (name) {
			case HOURS -> hours(query);
			case PER_CAPITA -> {
				long residents = residents(query);
				yield residents == 0 ? BigDecimal.ZERO
						: hours(query).divide(BigDecimal.valueOf(residents), 2, RoundingMode.HALF_UP);
			}
			case ACTIVE -> BigDecimal.valueOf(jdbc.sql("select count(*) from (select s.person_id from (" + sums(query)
					+ ") s group by s.person_id having sum(s.hours) > 0) p")
				.params(params(query))
				.query(Long.class)
				.single());
			default -> throw new IllegalArgumentException("unknown metric " + name);
		};
	}

	private BigDecimal hours(MetricQuery query) {
		return jdbc.sql("select coalesce(sum(s.hours), 0) from (" + sums(query) + ") s")
			.params(params(query))
			.query(BigDecimal.class)
			.single();
	}

	// Residents as the directory counts them: people living in the subtree, recorded before the period's end.
	private long residents(MetricQuery query) {
		Timestamp until = Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant());
		return jdbc.sql("""
				select count(*) from person p join org h on h.id = p.home_org_id
				where h.path like :prefix and p.created_at < :until""")
			.param("prefix", query.orgPath() + "%")
			.param("until", until)
			.query(Long.class)
			.single();
	}

	private static boolean wholeMonths(MetricQuery query) {
		return query.from().getDayOfMonth() == 1 && query.to().plusDays(1).getDayOfMonth() == 1;
	}

	private static String sums(MetricQuery query) {
		return wholeMonths(query) ? MONTHS : ENTRIES;
	}

	private static Map<String, Object> params(MetricQuery query) {
		return Map.of("prefix", query.orgPath() + "%", "from", query.from(), "to",
				wholeMonths(query) ? query.to().withDayOfMonth(1) : query.to());
	}

}
