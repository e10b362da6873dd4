package org.wenming.platform.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletRequest;

import org.wenming.platform.Times;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The append-only audit log: who did what to which entity, when and from where.
 */
@Service
public class AuditLog {

	private final JdbcClient jdbc;

	private final Times times;

	AuditLog(JdbcClient jdbc, Times times) {
		this.times = times;
		this.jdbc = jdbc;
	}

	/** Records an action of the current caller, inside the caller's transaction. */
	@Transactional
	public void record(String action, String entityType, Object entityId, Long orgId, String summary) {
		write(currentActor(), currentAddress(), action, entityType, entityId, orgId, summary);
	}

	/**
	 * Records an action in a transaction of its own, so that it stays even when the caller's work is
	 * rolled back (failed logins, refused imports).
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordIndependently(String actor, String address, String action, String entityType, Object entityId,
			Long orgId, String summary) {
		write(actor, address, action, entityType, entityId, orgId, summary);
	}

	private void write(String actor, String address, String action, String entityType, Object entityId, Long orgId,
			String summary) {
		jdbc.sql("""
				insert into audit_log (actor, actor_ip, org_id, entity_type, entity_id, action, summary)
				values (:actor, :ip, :org, :type, :id, :action, :summary)""")
			.param("actor", truncate(actor == null ? "system" : actor, 64))
			.param("ip", truncate(address, 64))
			.param("org", orgId)
			.param("type", entityType)
			.param("id", entityId == null ? null : truncate(entityId.toString(), 64))
			.param("action", action)
			.param("summary", summary == null ? "" : summary)
			.update();
	}

	/** Entries matching the filter, newest first. */
	@Transactional(readOnly = true)
	public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
		StringBuilder sql = new StringBuilder("select * from audit_log where true");
		List<Object> params = new ArrayList<>();
		query.appendWhere(sql, params, times.zone());
		sql.append(" order by at desc, id desc offset ? limit ?");
		params.add(offset);
		params.add(limit);
		return jdbc.sql(sql.toString()).params(params).query(AuditLog::map).list();
	}

	@Transactional(readOnly = true)
	public long count(AuditQuery query) {
		StringBuilder sql = new StringBuilder("select count(*) from audit_log where true");
		List<Object> params = new ArrayList<>();
		query.appendWhere(sql, params, times.zone());
		return jdbc.sql(sql.toString()).params(params).query(Long.class).single();
	}

	/** Streams every matching entry, oldest first, for exports. */
	@Transactional(readOnly = true)
	public void forEach(AuditQuery query, Consumer<AuditEntry> consumer) {
		StringBuilder sql = new StringBuilder("select * from audit_log where true");
		List<Object> params = new ArrayList<>();
		query.appendWhere(sql, params, times.zone());
		sql.append(" order by at, id");
		jdbc.sql(sql.toString()).params(params).withFetchSize(1000).query(AuditLog::map).stream().forEach(consumer);
	}

	private static AuditEntry map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		long org = rs.getLong("org_id");
		return new AuditEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("actor_ip"), rs.wasNull() ? null : org, rs.getString("entity_type"),
				rs.getString("entity_id"), rs.getString("action"), rs.getString("summary"));
	}

	/**
	 * The signed-in user's name; {@code anonymous} for a request without one, {@code system} for work
	 * outside any request (seeding, scheduled jobs). Pages show the last two in words ({@code actor.*}).
	 */
	public static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !authentication.isAuthenticated()) {
			return RequestContextHolder.getRequestAttributes() == null ? "system" : "anonymous";
		}
		return authentication.getName();
	}

	public static String currentAddress() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes instanceof ServletRequestAttributes servlet) {
			HttpServletRequest request = servlet.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

	/** One entry of the audit log. */
	public record AuditEntry(long id, Instant at, String actor, String actorIp, Long orgId, String entityType,
			String entityId, String action, String summary) {
	}

}
