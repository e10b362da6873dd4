package org.wenming.volunteer.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.wenming.metric.MetricDefinition;
import org.wenming.metric.MetricProvider;
import org.wenming.metric.MetricQuery;
import org.wenming.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The service orders' metrics, by the practice site the orders went to: how many were completed in
 * the period, how satisfied the residents were (the share of the orders rated in the period that were
 * rated 4 or 5; 0 when none was rated), and how many were flagged overdue in the period.
 */
@Component
class ServiceOrderMetrics implements MetricProvider {

	private final JdbcClient jdbc;

	private final ZoneId zone;

	ServiceOrderMetrics(JdbcClient jdbc, Times times) {
		this.zone = times.zone();
		this.jdbc = jdbc;
	}

	@Override
	public List<MetricDefinition> metrics() {
		return List.of(new MetricDefinition("service_order.completed", "完成的群众点单数（实践站点在本组织及下级）", "单", true),
				new MetricDefinition("service_order.satisfaction", "群众点单满意率（评 4–5 分的订单占已评价订单的百分比）", "%", true),
				new MetricDefinition("service_order.overdue", "超时预警的点单数（未按时派单或接单）", "单", true));
	}

	@Override
	public BigDecimal compute(String name, MetricQuery query) {
		String prefix = query.orgPath() + "%";
		Timestamp from = startOf(query.from());
		Timestamp until = startOf(query.to().plusDays(1));
		return switch (name) {
			case "service_order.completed" -> BigDecimal.valueOf(jdbc.sql("""
					select count(*) from service_order o join org s on s.id = o.site_org_id
					where s.path like ? and o.status = 'COMPLETED' and o.completed_at >= ? and o.completed_at < ?""")
				.params(prefix, from, until).query(Long.class).single());
			case "service_order.satisfaction" -> jdbc.sql("""
					select coalesce(round(100.0 * count(*) filter (where o.rating >= 4) / nullif(count(*), 0), 1), 0)
					from service_order o join org s on s.id = o.site_org_id
					where s.path like ? and o.rating is not null and o.completed_at >= ? and o.completed_at < ?""")
				.params(prefix, from, until).query(BigDecimal.class).single().setScale(1, RoundingMode.HALF_UP);
			case "service_order.overdue" -> BigDecimal.valueOf(jdbc.sql("""
					select count(distinct e.order_id) from service_order_event e join service_order o on o.id = e.order_id
					join org s on s.id = o.site_org_id
					where s.path like ? and e.action = 'OVERDUE' and e.at >= ? and e.at < ?""")
				.params(prefix, from, until).query(Long.class).single());
			default -> throw new IllegalArgumentException("unknown metric " + name);
		};
	}

	private Timestamp startOf(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(zone).toInstant());
	}

}
