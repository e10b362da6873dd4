package org.wenming.activity.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.wenming.activity.ActivityType;
import org.wenming.metric.MetricDefinition;
import org.wenming.metric.MetricProvider;
import org.wenming.metric.MetricQuery;
import org.wenming.platform.Times;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The activity module's metrics: activities held (finished, or under way) that orgs of the
 * subtree organized in the period, in all and by type.
 */
@Component
class ActivityMetrics implements MetricProvider {

	private static final String COUNT = "activity.count";

	private final JdbcClient jdbc;

	private final MessageSource messages;

	private final ZoneId zone;

	ActivityMetrics(JdbcClient jdbc, MessageSource messages, Times times) {
		this.zone = times.zone();
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Override
	public List<MetricDefinition> metrics() {
		List<MetricDefinition> metrics = new ArrayList<>();
		metrics.add(new MetricDefinition(COUNT, "开展活动次数（本组织及下级组织举办、已开展的活动）", "次", true));
		for (ActivityType type : ActivityType.values()) {
			metrics.add(new MetricDefinition(COUNT + "." + type.name().toLowerCase(Locale.ROOT),
					"开展" + messages.getMessage("activity.type." + type.name(), null, Locale.SIMPLIFIED_CHINESE)
							+ "活动次数", "次", true));
		}
		return metrics;
	}

	@Override
	public BigDecimal compute(String name, MetricQuery query) {
		String type = null;
		if (name.startsWith(COUNT + ".")) {
			type = name.substring(COUNT.length() + 1).toUpperCase(Locale.ROOT);
			try {
				ActivityType.valueOf(type);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("unknown metric " + name, ex);
			}
		}
		else if (!name.equals(COUNT)) {
			throw new IllegalArgumentException("unknown metric " + name);
		}
		Timestamp from = Timestamp.from(query.from().atStartOfDay(zone).toInstant());
		Timestamp until = Timestamp.from(query.to().plusDays(1).atStartOfDay(zone).toInstant());
		long count = jdbc.sql("""
				select count(*) from activity a join org o on o.id = a.organizer_org_id
				where o.path like :prefix and a.status in ('ONGOING', 'FINISHED')
				and a.starts_at >= :from and a.starts_at < :until
				and (cast(:type as varchar) is null or a.type = :type)""")
			.param("prefix", query.orgPath() + "%")
			.param("from", from)
			.param("until", until)
			.param("type", type)
			.query(Long.class)
			.single();
		return BigDecimal.valueOf(count);
	}

}
