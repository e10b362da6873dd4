package org.wenming.platform.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.springframework.util.StringUtils;

/**
 * A filter on the audit log. {@code orgPaths} limits the entries to the caller's org subtrees
 * (entries without an org are shown only to callers whose scope includes a root org).
 *
 * @param actor exact user name
 * @param action exact action
 * @param entityType exact entity type
 * @param from first day, inclusive (a day in the configured zone)
 * @param to last day, inclusive
 * @param orgIds org ids the caller may see, {@code null} for no limit
 */
public record AuditQuery(String actor, String action, String entityType, LocalDate from, LocalDate to,
		Collection<Long> orgIds, boolean includeWithoutOrg) {

	public static AuditQuery all() {
		return new AuditQuery(null, null, null, null, null, null, true);
	}

	void appendWhere(StringBuilder sql, List<Object> params, ZoneId zone) {
		if (StringUtils.hasText(actor)) {
			sql.append(" and actor = ?");
			params.add(actor.trim());
		}
		if (StringUtils.hasText(action)) {
			sql.append(" and action = ?");
			params.add(action.trim());
		}
		if (StringUtils.hasText(entityType)) {
			sql.append(" and entity_type = ?");
			params.add(entityType.trim());
		}
		if (from != null) {
			sql.append(" and at >= ?");
			params.add(from.atStartOfDay(zone).toOffsetDateTime());
		}
		if (to != null) {
			sql.append(" and at < ?");
			params.add(to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
		}
		if (orgIds != null) {
			sql.append(" and (org_id = any(?)");
			params.add(orgIds.toArray(Long[]::new));
			sql.append(includeWithoutOrg ? " or org_id is null)" : ")");
		}
	}

}
