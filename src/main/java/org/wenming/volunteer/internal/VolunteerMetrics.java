package org.wenming.volunteer.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;

import org.wenming.metric.MetricDefinition;
import org.wenming.metric.MetricProvider;
import org.wenming.metric.MetricQuery;
import org.wenming.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Registered volunteers of a subtree at the period's end, and their share of its residents (the
 * 注册志愿者占常住人口比例 of the plans, as a percentage).
 */
@Component
class VolunteerMetrics implements MetricProvider {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	VolunteerMetrics(JdbcClient jdbc, Times times) {
		this.zone = times.zone();
		this.jdbc = jdbc;
	}

	@Override
	public List<MetricDefinition> metrics() {
		return List.of(new MetricDefinition("volunteer.registered", "注册志愿者数（本组织及下级）", "人", false),
				new MetricDefinition("volunteer.registered_ratio", "注册志愿者占居民比例", "%", false));
	}

	@Override
	public BigDecimal compute(String name, MetricQuery query) {
		String prefix = query.orgPath() + "%";
		Timestamp until = Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant());
		long registered = registered(prefix, until);
		return switch (name) {
			case "volunteer.registered" -> BigDecimal.valueOf(registered);
			case "volunteer.registered_ratio" -> {
				long residents = jdbc.sql("""
						select count(*) from person p join org h on h.id = p.home_org_id
						where h.path like :prefix and p.created_at < :until""")
					.param("prefix", prefix).param("until", until).query(Long.class).single();
				yield residents == 0 ? BigDecimal.ZERO
						: BigDecimal.valueOf(registered * 100L).divide(BigDecimal.valueOf(residents), 2, RoundingMode.HALF_UP);
			}
			default -> throw new IllegalArgumentException("unknown metric " + name);
		};
	}

	// Registered at the period's end: approved (or registered by a unit) before it, and not
	// deregistered before it.
	private long registered(String prefix, Timestamp until) {
		return jdbc.sql("""
				select count(*) from volunteer v join org o on o.id = v.org_id
				where o.path like :prefix and v.volunteer_no is not null
				and coalesce(v.reviewed_at, v.registered_at) < :until
				and (v.status = 'ACTIVE' or (v.status = 'DEREGISTERED' and v.deregistered_at >= :until))""")
			.param("prefix", prefix).param("until", until).query(Long.class).single();
	}

}
