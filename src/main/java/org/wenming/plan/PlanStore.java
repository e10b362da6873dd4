package org.wenming.plan;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan tables as the plan module's services read and change them: a plan within the caller's
 * scope, its outline, targets and tasks, and the revision written for every change after publishing.
 */
@Component
class PlanStore {

	private static final String PLAN_COLUMNS = """
			id, org_id, year, title, lead_text, status, created_by, created_at, published_at, archived_at, version""";

	static final String TARGET_COLUMNS = """
			id, plan_id, section_id, text, metric, comparator, threshold, unit, period, relative, baseline, org_id,
			confirmed""";

	private final JdbcClient jdbc;

	private final OrgDirectory orgs;

	private final DataScopes scopes;

	private final Clock clock;

	PlanStore(JdbcClient jdbc, OrgDirectory orgs, DataScopes scopes, Clock clock) {
		this.jdbc = jdbc;
		this.orgs = orgs;
		this.scopes = scopes;
		this.clock = clock;
	}

	// ---- rows ------------------------------------------------------------------------------------

	record PlanRow(long id, long orgId, int year, String title, String leadText, PlanStatus status, String createdBy,
			OffsetDateTime createdAt, OffsetDateTime publishedAt, OffsetDateTime archivedAt, int version) {
	}

	record SectionRow(long id, Long parentId, int position, String number, String title, String body, int level,
			BigDecimal weight) {
	}

	record TargetRow(long id, long planId, Long sectionId, String text, String metric, Comparator comparator,
			BigDecimal threshold, String unit, Period period, boolean relative, BigDecimal baseline, long orgId,
			boolean confirmed) {
	}

	record TaskRow(long id, long sectionId, String title, long ownerOrgId, String status, LocalDate deadline,
			int progress, BigDecimal weight) {
	}

	// ---- plans within scope ----------------------------------------------------------------------

	Optional<PlanRow> find(long id) {
		return jdbc.sql("select " + PLAN_COLUMNS + " from plan where id = ?").param(id).query(PlanStore::plan).optional();
	}

	/** A plan the caller may read; "not found" otherwise. */
	PlanRow readable(long id) {
		PlanRow plan = find(id).orElseThrow(DomainException::notFound);
		scopes.require(Permission.PLAN_READ, org(plan.orgId()).path());
		return plan;
	}

	/**
	 * A plan the caller may change, locked until the transaction ends so that changes and their
	 * revision numbers follow one another; "not found" out of scope, refused when archived.
	 */
	PlanRow writable(long id) {
		PlanRow plan = locked(id);
		if (plan.status() == PlanStatus.ARCHIVED) {
			throw DomainException.conflict("plan.archived");
		}
		return plan;
	}

	/** Like {@link #writable} but in any state, for the moves between states. */
	PlanRow locked(long id) {
		PlanRow plan = jdbc.sql("select " + PLAN_COLUMNS + " from plan where id = ? for update")
			.param(id)
			.query(PlanStore::plan)
			.optional()
			.orElseThrow(DomainException::notFound);
		scopes.require(Permission.PLAN_WRITE, org(plan.orgId()).path());
		return plan;
	}

	Org org(long orgId) {
		return orgs.find(orgId).orElseThrow(DomainException::notFound);
	}

	Optional<Org> findOrg(long orgId) {
		return orgs.find(orgId);
	}

	/** Org names by id, looked up once each. */
	Map<Long, String> orgNames(Iterable<Long> ids) {
		Map<Long, String> names = new HashMap<>();
		for (Long id : ids) {
			names.computeIfAbsent(id, k -> orgs.find(k).map(Org::name).orElse(""));
		}
		return names;
	}

	// ---- contents --------------------------------------------------------------------------------

	List<SectionRow> sections(long planId) {
		return jdbc.sql("""
				select id, parent_id, position, number, title, body, level, weight from plan_section
				where plan_id = ? order by parent_id nulls first, position, id""")
			.param(planId)
			.query((rs, i) -> new SectionRow(rs.getLong("id"), nullableLong(rs, "parent_id"), rs.getInt("position"),
					rs.getString("number"), rs.getString("title"), rs.getString("body"), rs.getInt("level"),
					TargetRules.plain(rs.getBigDecimal("weight"))))
			.list();
	}

	Optional<SectionRow> section(long planId, long sectionId) {
		return sections(planId).stream().filter(s -> s.id() == sectionId).findFirst();
	}

	List<TargetRow> targets(long planId) {
		return jdbc.sql("select " + TARGET_COLUMNS + " from plan_target where plan_id = ? order by id")
			.param(planId)
			.query(PlanStore::target)
			.list();
	}

	Optional<TargetRow> target(long targetId) {
		return jdbc.sql("select " + TARGET_COLUMNS + " from plan_target where id = ?")
			.param(targetId)
			.query(PlanStore::target)
			.optional();
	}

	/** The plan's tasks, as the plan's outline shows them. */
	List<TaskRow> tasks(long planId) {
		return jdbc.sql("""
				select id, section_id, title, owner_org_id, status, deadline, progress, weight from plan_task
				where plan_id = ? order by section_id, deadline nulls last, id""")
			.param(planId)
			.query((rs, i) -> new TaskRow(rs.getLong("id"), rs.getLong("section_id"), rs.getString("title"),
					rs.getLong("owner_org_id"), rs.getString("status"), rs.getObject("deadline", LocalDate.class),
					rs.getInt("progress"), TargetRules.plain(rs.getBigDecimal("weight"))))
			.list();
	}

	// ---- changes and revisions -------------------------------------------------------------------

	/**
	 * Notes a change of a plan locked by {@link #writable}: counts its version up and, once the plan is
	 * published, keeps a revision with the summary and the whole plan as it now reads.
	 */
	void changed(PlanRow plan, String summary) {
		jdbc.sql("update plan set version = version + 1 where id = ?").param(plan.id()).update();
		if (plan.status() != PlanStatus.DRAFT) {
			revise(plan.id(), summary);
		}
	}

	/**
	 * Writes the next revision of a locked plan, with the whole plan; its number. The revision before
	 * it then keeps only the difference to it (see {@link LineDiff#delta}), unless the differences down
	 * to the next whole one add up to its own size: so a plan's revisions take about the size of the
	 * plan plus twice what was changed, and reading one applies at most a plan's worth of differences.
	 */
	int revise(long planId, String summary) {
		int number = jdbc.sql("select coalesce(max(number), 0) + 1 from plan_revision where plan_id = ?")
			.param(planId)
			.query(Integer.class)
			.single();
		String whole = snapshot(planId);
		jdbc.sql("""
				insert into plan_revision (plan_id, number, changed_by, changed_at, summary, snapshot)
				values (?, ?, ?, ?, ?, ?)""")
			.params(planId, number, AuditLog.currentActor(), now(), summary, whole)
			.update();
		String previous = number == 1 ? null : jdbc.sql("select snapshot from plan_revision where plan_id = ? and number = ?")
			.params(planId, number - 1).query(String.class).optional().orElse(null);
		if (previous != null) {
			String delta = LineDiff.delta(whole, previous);
			long below = jdbc.sql("""
					select coalesce(sum(length(delta)), 0) from plan_revision where plan_id = ? and number < ?
					and number > coalesce((select max(number) from plan_revision where plan_id = ? and number < ?
					and snapshot is not null), 0)""")
				.params(planId, number - 1, planId, number - 1).query(Long.class).single();
			if (delta != null && below + delta.length() < previous.length()) {
				jdbc.sql("update plan_revision set snapshot = null, delta = ? where plan_id = ? and number = ?")
					.params(delta, planId, number - 1).update();
			}
		}
		return number;
	}

	/**
	 * The plan as it read after revision {@code number}: the nearest whole revision at or after it, taken
	 * back through the differences; empty when there is no such revision.
	 */
	Optional<String> revisionText(long planId, int number) {
		List<String[]> rows = jdbc.sql("""
				select snapshot, delta from plan_revision where plan_id = ? and number >= ? and number <= coalesce(
				(select min(number) from plan_revision where plan_id = ? and number >= ? and snapshot is not null), -1)
				order by number desc""")
			.params(planId, number, planId, number)
			.query((rs, i) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		if (rows.isEmpty()) {
			return Optional.empty();
		}
		String text = rows.get(0)[0];
		for (int i = 1; i < rows.size(); i++) {
			text = rows.get(i)[0] != null ? rows.get(i)[0] : LineDiff.apply(text, rows.get(i)[1]);
		}
		return Optional.of(text);
	}

	/** The whole plan as readable text: what a revision keeps and what versions are compared by. */
	String snapshot(long planId) {
		PlanRow plan = find(planId).orElseThrow(DomainException::notFound);
		List<TaskRow> tasks = tasks(planId);
		List<TargetRow> targets = targets(planId);
		List<Long> orgIds = new java.util.ArrayList<>(List.of(plan.orgId()));
		tasks.forEach(task -> orgIds.add(task.ownerOrgId()));
		targets.forEach(target -> orgIds.add(target.orgId()));
		return PlanSnapshots.render(plan, sections(planId), targets, tasks, orgNames(orgIds));
	}

	OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- mapping ---------------------------------------------------------------------------------

	private static PlanRow plan(ResultSet rs, int row) throws SQLException {
		return new PlanRow(rs.getLong("id"), rs.getLong("org_id"), rs.getInt("year"), rs.getString("title"),
				rs.getString("lead_text"), PlanStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class),
				rs.getObject("archived_at", OffsetDateTime.class), rs.getInt("version"));
	}

	static TargetRow target(ResultSet rs, int row) throws SQLException {
		String period = rs.getString("period");
		return new TargetRow(rs.getLong("id"), rs.getLong("plan_id"), nullableLong(rs, "section_id"),
				rs.getString("text"), rs.getString("metric"), Comparator.valueOf(rs.getString("comparator")),
				TargetRules.plain(rs.getBigDecimal("threshold")), rs.getString("unit"),
				period == null ? null : Period.valueOf(period), rs.getBoolean("relative"),
				TargetRules.plain(rs.getBigDecimal("baseline")),
				rs.getLong("org_id"), rs.getBoolean("confirmed"));
	}

	private static Long nullableLong(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

}
