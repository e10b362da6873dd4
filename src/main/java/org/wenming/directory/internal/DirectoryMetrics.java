package org.wenming.directory.internal;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.wenming.directory.CareRecipientType;
import org.wenming.directory.OrgType;
import org.wenming.metric.MetricDefinition;
import org.wenming.metric.MetricProvider;
import org.wenming.metric.MetricQuery;
import org.wenming.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The directory's metrics: people, residents, cadres and party members of a subtree, its open
 * orgs by type and its care recipients by type, as of the period's last day.
 */
@Component
class DirectoryMetrics implements MetricProvider {

	private static final String PEOPLE = """
			select count(*) from person p left join org w on w.id = p.work_org_id left join org h on h.id = p.home_org_id
			where (w.path like :prefix or h.path like :prefix) and p.created_at < :until""";

	private final JdbcClient jdbc;

	private final ZoneId zone;

	DirectoryMetrics(JdbcClient jdbc, Times times) {
		this.zone = times.zone();
		this.jdbc = jdbc;
	}

	@Override
	public List<MetricDefinition> metrics() {
		List<MetricDefinition> metrics = new ArrayList<>(List.of(
				new MetricDefinition("directory.people", "在册人员数（工作或居住在本组织及下级）", "人", false),
				new MetricDefinition("directory.residents", "居民数（居住在本组织及下级社区、村）", "人", false),
				new MetricDefinition("directory.cadres", "干部数", "人", false),
				new MetricDefinition("directory.senior_cadres", "处级以上干部数", "人", false),
				new MetricDefinition("directory.party_members", "党员数", "人", false),
				new MetricDefinition("directory.care_recipients", "帮扶对象数", "人", false)));
		for (OrgType type : OrgType.values()) {
			metrics.add(new MetricDefinition("directory.orgs." + type.name().toLowerCase(Locale.ROOT),
					type.label() + "数", "个", false));
		}
		for (CareRecipientType type : CareRecipientType.values()) {
			metrics.add(new MetricDefinition("directory.care_recipients." + type.name().toLowerCase(Locale.ROOT),
					type.label() + "数", "人", false));
		}
		return metrics;
	}

	@Override
	public BigDecimal compute(String name, MetricQuery query) {
		String prefix = query.orgPath() + "%";
		java.sql.Timestamp until = java.sql.Timestamp
			.from(query.to().plusDays(1).atStartOfDay(zone).toInstant());
		long value = switch (name) {
			case "directory.people" -> count(PEOPLE, prefix, until);
			case "directory.residents" -> jdbc.sql("""
					select count(*) from person p join org h on h.id = p.home_org_id
					where h.path like :prefix and p.created_at < :until""")
				.param("prefix", prefix).param("until", until).query(Long.class).single();
			case "directory.cadres" -> count(PEOPLE + " and '干部' = any(p.tags)", prefix, until);
			case "directory.senior_cadres" -> count(PEOPLE + " and '处级以上干部' = any(p.tags)", prefix, until);
			case "directory.party_members" -> count(PEOPLE + " and p.political_status in ('中共党员', '中共预备党员')", prefix, until);
			case "directory.care_recipients" -> careRecipients(prefix, until, null);
			default -> {
				if (name.startsWith("directory.orgs.")) {
					String type = name.substring("directory.orgs.".length()).toUpperCase(Locale.ROOT);
					yield jdbc.sql("""
							select count(*) from org where path like :prefix and type = :type and created_at < :until
							and (closed_at is null or closed_at >= :until)""")
						.param("prefix", prefix).param("type", type).param("until", until).query(Long.class).single();
				}
				if (name.startsWith("directory.care_recipients.")) {
					yield careRecipients(prefix, until,
							name.substring("directory.care_recipients.".length()).toUpperCase(Locale.ROOT));
				}
				throw new IllegalArgumentException("unknown metric " + name);
			}
		};
		return BigDecimal.valueOf(value);
	}

	private long count(String sql, String prefix, java.sql.Timestamp until) {
		return jdbc.sql(sql).param("prefix", prefix).param("until", until).query(Long.class).single();
	}

	private long careRecipients(String prefix, java.sql.Timestamp until, String type) {
		return jdbc.sql("""
				select count(*) from care_recipient c join org o on o.id = c.responsible_org_id
				where o.path like :prefix and c.created_at < :until and (c.closed_at is null or c.closed_at >= :until)
				and (cast(:type as varchar) is null or c.type = :type)""")
			.param("prefix", prefix).param("until", until).param("type", type).query(Long.class).single();
	}

}
