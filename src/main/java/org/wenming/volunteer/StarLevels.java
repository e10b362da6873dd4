package org.wenming.volunteer;

import java.math.BigDecimal;
import java.util.List;

import org.wenming.activity.HoursLedger;
import org.wenming.activity.HoursRecorded;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Star levels (星级) from cumulative confirmed hours. An org may set its own thresholds for its
 * subtree; the nearest ancestor's setting applies, else the national default. Every entry of the
 * hours ledger recomputes the person's level in the ledger's transaction; reaching a higher level
 * than ever before notifies the volunteer once.
 */
@Service
public class StarLevels {

	private final JdbcClient jdbc;

	private final DataScopes scopes;

	private final OrgDirectory orgs;

	private final HoursLedger ledger;

	private final Volunteers volunteers;

	private final AuditLog audit;

	StarLevels(JdbcClient jdbc, DataScopes scopes, OrgDirectory orgs, HoursLedger ledger, Volunteers volunteers,
			AuditLog audit) {
		this.jdbc = jdbc;
		this.scopes = scopes;
		this.orgs = orgs;
		this.ledger = ledger;
		this.volunteers = volunteers;
		this.audit = audit;
	}

	/** The thresholds that apply to an org: its own, the nearest ancestor's, or the national ones. */
	@Transactional(readOnly = true)
	public StarThresholds thresholds(long orgId) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		return jdbc.sql("""
				select t.org_id, o.name, t.star1, t.star2, t.star3, t.star4, t.star5 from star_threshold t
				join org o on o.id = t.org_id where ? like o.path || '%' order by o.depth desc limit 1""")
			.param(org.path())
			.query((rs, row) -> new StarThresholds(rs.getLong("org_id"), rs.getString("name"),
					List.of(rs.getBigDecimal("star1"), rs.getBigDecimal("star2"), rs.getBigDecimal("star3"),
							rs.getBigDecimal("star4"), rs.getBigDecimal("star5"))))
			.optional()
			.orElse(StarThresholds.NATIONAL);
	}

	/** Sets the org's own thresholds: five positive hours, strictly increasing. */
	@Transactional
	public StarThresholds setThresholds(long orgId, List<BigDecimal> hours) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.VOLUNTEER_WRITE, org.path());
		if (hours == null || hours.size() != 5 || hours.stream().anyMatch(h -> h == null)) {
			throw DomainException.onField("hours", "volunteer.stars.five");
		}
		BigDecimal previous = BigDecimal.ZERO;
		for (BigDecimal value : hours) {
			if (value.compareTo(previous) <= 0) {
				throw DomainException.onField("hours", "volunteer.stars.increasing");
			}
			if (value.compareTo(BigDecimal.valueOf(100_000)) >= 0) {
				throw DomainException.onField("hours", "volunteer.stars.tooLarge");
			}
			previous = value;
		}
		jdbc.sql("""
				insert into star_threshold (org_id, star1, star2, star3, star4, star5, updated_by) values (?, ?, ?, ?, ?, ?, ?)
				on conflict (org_id) do update set star1 = excluded.star1, star2 = excluded.star2, star3 = excluded.star3,
				    star4 = excluded.star4, star5 = excluded.star5, updated_by = excluded.updated_by, updated_at = now()""")
			.params(orgId, hours.get(0), hours.get(1), hours.get(2), hours.get(3), hours.get(4), AuditLog.currentActor())
			.update();
		audit.record("UPDATE", "star_threshold", orgId, orgId, "设置志愿者星级标准：" + hours);
		return thresholds(orgId);
	}

	/** Drops the org's own thresholds, so that its ancestors' (or the national ones) apply again. */
	@Transactional
	public StarThresholds clearThresholds(long orgId) {
		Org org = orgs.find(orgId).orElseThrow(DomainException::notFound);
		scopes.require(Permission.VOLUNTEER_WRITE, org.path());
		if (jdbc.sql("delete from star_threshold where org_id = ?").param(orgId).update() > 0) {
			audit.record("DELETE", "star_threshold", orgId, orgId, "恢复上级志愿者星级标准");
		}
		return thresholds(orgId);
	}

	/** Keeps the level of the person whose hours changed. */
	@EventListener
	@Transactional
	public void on(HoursRecorded event) {
		recompute(event.personId());
	}

	/**
	 * Recomputes a registered volunteer's level from the ledger total; returns the level (0 when the
	 * person is no registered volunteer).
	 */
	@Transactional
	public int recompute(long personId) {
		var row = jdbc.sql("select id, org_id, star_level, star_notified from volunteer where person_id = ? and status = 'ACTIVE' for update")
			.param(personId)
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4) })
			.optional();
		if (row.isEmpty()) {
			return 0;
		}
		long[] v = row.get();
		BigDecimal total = ledger.totalHours(personId);
		int level = thresholds(v[1]).levelFor(total);
		if (level != v[2]) {
			jdbc.sql("update volunteer set star_level = ? where id = ?").params(level, v[0]).update();
		}
		if (level > v[3]) {
			jdbc.sql("update volunteer set star_notified = ? where id = ?").params(level, v[0]).update();
			volunteers.notifyPerson(personId, "志愿者星级晋升：" + "★".repeat(level),
					"累计志愿服务 " + total.stripTrailingZeros().toPlainString() + " 小时，达到" + level + "星级志愿者。");
		}
		return level;
	}

}
