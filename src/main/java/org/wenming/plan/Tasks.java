package org.wenming.plan;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.Permission;
import org.wenming.platform.Bounds;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The tasks of plans: created on a section, started and reported by the owner org, accepted or
 * sent back (退回) by the plan's org. The owner's admins act within their {@code plan:write} scope
 * over the owner org; the plan's admins within theirs over the plan's org.
 */
@Service
public class Tasks {

	static final String COLUMNS = """
			t.id, t.plan_id, p.org_id as plan_org_id, t.section_id, t.title, t.description, t.owner_org_id,
			t.cooperating_org_ids, t.leader, t.deadline, t.recurrence, t.priority, t.weight, t.status, t.progress,
			t.return_reason, t.cancel_reason, t.overdue_since, t.escalated_at, t.created_at, t.completed_at, t.version""";

	static final String FROM = " from plan_task t join plan p on p.id = t.plan_id ";

	private static final int TITLE_MAX = 500;

	private static final int TEXT_MAX = 20_000;

	private static final int REASON_MAX = 2_000;

	private static final int LEADER_MAX = 50;

	private static final int COOPERATING_MAX = 50;

	private static final BigDecimal WEIGHT_MAX = new BigDecimal("9999.99");

	private final JdbcClient jdbc;

	private final PlanAccess access;

	private final OrgDirectory orgs;

	private final EvidenceFiles evidence;

	private final TaskNotices notices;

	private final AuditLog audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final PlanStore plans;

	Tasks(JdbcClient jdbc, PlanAccess access, OrgDirectory orgs, EvidenceFiles evidence, TaskNotices notices,
			AuditLog audit, ApplicationEventPublisher events, Clock clock, PlanStore plans) {
		this.jdbc = jdbc;
		this.plans = plans;
		this.access = access;
		this.orgs = orgs;
		this.evidence = evidence;
		this.notices = notices;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	// ---- commands ---------------------------------------------------------------------------------

	/**
	 * Creates a task on a section of a plan the caller may write. A recurring task is due at the end
	 * of the current period (or of the first one of the plan's year, when that year is still ahead).
	 *
	 * @return the new task's id
	 */
	@Transactional
	public long create(TaskCommand command) {
		if (command.sectionId() == null) {
			throw DomainException.onField("sectionId", "plan.task.section.required");
		}
		PlanOfSection plan = jdbc.sql("""
				select s.plan_id, p.org_id, p.status, p.year from plan_section s join plan p on p.id = s.plan_id
				where s.id = ?""")
			.param(command.sectionId())
			.query((rs, i) -> new PlanOfSection(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)))
			.optional()
			.orElseThrow(DomainException::notFound);
		access.requireWrite(plan.orgId());
		if ("ARCHIVED".equals(plan.status())) {
			throw DomainException.conflict("plan.task.planArchived");
		}
		String title = required(command.title(), "title", "plan.task.title.required", TITLE_MAX, "plan.task.title.tooLong");
		String description = command.description() == null ? "" : command.description().strip();
		if (description.length() > TEXT_MAX) {
			throw DomainException.onField("description", "plan.task.description.tooLong", TEXT_MAX);
		}
		Org owner = owner(command.ownerOrgId(), plan.orgId());
		Long[] cooperating = cooperating(command.cooperatingOrgIds(), owner.id(), plan.orgId());
		String leader = StringUtils.hasText(command.leader()) ? command.leader().strip() : null;
		if (leader != null && leader.length() > LEADER_MAX) {
			throw DomainException.onField("leader", "plan.task.leader.tooLong", LEADER_MAX);
		}
		LocalDate deadline = deadline(command.deadline(), command.recurrence(), plan.year());
		BigDecimal weight = command.weight() == null ? BigDecimal.ONE : command.weight();
		if (weight.signum() <= 0 || weight.compareTo(WEIGHT_MAX) > 0) {
			throw DomainException.onField("weight", "plan.task.weight.range");
		}
		Priority priority = command.priority() == null ? Priority.NORMAL : command.priority();
		long id = jdbc.sql("""
				insert into plan_task (plan_id, section_id, title, description, owner_org_id, cooperating_org_ids, leader,
				deadline, recurrence, priority, weight, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
			.params(plan.planId(), command.sectionId(), title, description, owner.id(), cooperating, leader, deadline,
					command.recurrence() == null ? null : command.recurrence().name(), priority.name(), weight, now())
			.query(Long.class)
			.single();
		audit.record("CREATE", "plan_task", id, plan.orgId(), "新建任务：" + title + "（责任单位：" + owner.name() + "）");
		notices.taskAssigned(id, title, plan.orgId(), owner.id(), Arrays.asList(cooperating), deadline);
		// A published plan keeps every change to what it asks for as a revision.
		plans.changed(plans.locked(plan.planId()), "新增任务：" + title);
		return id;
	}

	/** The owner org starts work on the task. */
	@Transactional
	public Task start(long id) {
		Task task = ownedTask(id);
		// In progress is also where a report sent back returns to; only a task not started starts.
		if (task.status() != TaskStatus.NOT_STARTED) {
			throw DomainException.conflict("plan.task.start.illegal");
		}
		update(task, "status = ?", TaskStatus.IN_PROGRESS.name());
		return get(id);
	}

	/** The owner org says how far it is (0 to 100); a task not yet started starts with it. */
	@Transactional
	public Task updateProgress(long id, Integer progress) {
		Task task = ownedTask(id);
		if (progress == null || progress < 0 || progress > 100) {
			throw DomainException.onField("progress", "plan.task.progress.range");
		}
		TaskStatus next = switch (task.status()) {
			case NOT_STARTED -> TaskStatus.IN_PROGRESS;
			case IN_PROGRESS, OVERDUE -> task.status();
			default -> throw DomainException.conflict("plan.task.progress.illegal");
		};
		update(task, "status = ?, progress = ?", next.name(), progress);
		return get(id);
	}

	/**
	 * The owner org reports the task complete, with a text and evidence files; the task waits for the
	 * plan's org to accept it (待验收).
	 */
	@Transactional
	public Task report(long id, String text, List<EvidenceUpload> files) {
		Task task = ownedTask(id);
		TaskStatus next = task.status().moveTo(TaskStatus.SUBMITTED, "plan.task.report.illegal");
		String checkedText = required(text, "text", "plan.task.report.textRequired", TEXT_MAX, "plan.task.report.tooLong");
		List<EvidenceFiles.Checked> checked = evidence.check(files);
		OffsetDateTime now = now();
		update(task, "status = ?, return_reason = null", next.name());
		long reportId = jdbc.sql("""
				insert into plan_task_report (task_id, reported_by, reported_at, text) values (?, ?, ?, ?) returning id""")
			.params(id, AuditLog.currentActor(), now, checkedText)
			.query(Long.class)
			.single();
		evidence.storeForReport(reportId, checked, now);
		audit.record("REPORT", "plan_task", id, task.ownerOrgId(),
				"提交完成报告：" + task.title() + (checked.isEmpty() ? "" : "（附 " + checked.size() + " 个文件）"));
		return get(id);
	}

	/**
	 * The plan's org accepts the report: the task is done, or, when it recurs and its year goes on,
	 * starts over for the next period.
	 */
	@Transactional
	public Task accept(long id) {
		Task task = plannedTask(id);
		task.status().moveTo(TaskStatus.DONE, "plan.task.accept.illegal");
		LocalDate today = LocalDate.now(clock);
		LocalDate next = null;
		if (task.recurrence() != null) {
			int year = jdbc.sql("select year from plan where id = ?").param(task.planId()).query(Integer.class).single();
			next = task.recurrence().nextDueDateAfter(task.deadline(), today, LocalDate.of(year, 12, 31));
		}
		OffsetDateTime now = now();
		if (next != null) {
			update(task, """
					status = ?, progress = 0, deadline = ?, return_reason = null, overdue_since = null,
					escalated_at = null""", TaskStatus.NOT_STARTED.name(), next);
			audit.record("ACCEPT", "plan_task", id, task.planOrgId(),
					"验收任务：" + task.title() + "（本期完成，下期截止 " + next + "）");
		}
		else {
			update(task, "status = ?, progress = 100, return_reason = null, completed_at = ?", TaskStatus.DONE.name(), now);
			audit.record("ACCEPT", "plan_task", id, task.planOrgId(), "验收任务：" + task.title());
			events.publishEvent(new TaskCompleted(id, task.planId(), task.ownerOrgId(), now.toInstant()));
		}
		decideLatestReport(id, "ACCEPTED", null, now);
		return get(id);
	}

	/** The plan's org sends the report back with a reason; the owner org's admins are told. */
	@Transactional
	public Task sendBack(long id, String reason) {
		Task task = plannedTask(id);
		if (task.status() != TaskStatus.SUBMITTED) {
			throw DomainException.conflict("plan.task.sendBack.illegal");
		}
		TaskStatus next = task.status().moveTo(TaskStatus.IN_PROGRESS, "plan.task.sendBack.illegal");
		String checkedReason = required(reason, "reason", "plan.task.reason.required", REASON_MAX, "plan.task.reason.tooLong");
		update(task, "status = ?, return_reason = ?", next.name(), checkedReason);
		decideLatestReport(id, "RETURNED", checkedReason, now());
		audit.record("SEND_BACK", "plan_task", id, task.planOrgId(), "退回任务：" + task.title() + "，原因：" + checkedReason);
		notices.taskSentBack(task, checkedReason);
		return get(id);
	}

	/** The plan's org cancels a task that is not done, with a reason. */
	@Transactional
	public Task cancel(long id, String reason) {
		Task task = plannedTask(id);
		TaskStatus next = task.status().moveTo(TaskStatus.CANCELLED, "plan.task.cancel.illegal");
		String checkedReason = required(reason, "reason", "plan.task.reason.required", REASON_MAX, "plan.task.reason.tooLong");
		update(task, "status = ?, cancel_reason = ?, cancelled_at = ?", next.name(), checkedReason, now());
		audit.record("CANCEL", "plan_task", id, task.planOrgId(), "取消任务：" + task.title() + "，原因：" + checkedReason);
		plans.changed(plans.locked(task.planId()), "取消任务：" + task.title() + "（" + checkedReason + "）");
		return get(id);
	}

	// ---- queries ----------------------------------------------------------------------------------

	/** A task the caller may read: of a plan, owned by, helped by or distributed to an org in its scope. */
	@Transactional(readOnly = true)
	public Task get(long id) {
		return readable(find(id).orElseThrow(DomainException::notFound));
	}

	@Transactional(readOnly = true)
	public TaskDetails details(long id) {
		Task task = get(id);
		List<TaskReport> reports = new ArrayList<>();
		jdbc.sql("select * from plan_task_report where task_id = ? order by reported_at desc, id desc")
			.param(id)
			.query(rs -> {
				OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
				reports.add(new TaskReport(rs.getLong("id"), id, rs.getString("reported_by"),
						rs.getObject("reported_at", OffsetDateTime.class).toInstant(), rs.getString("text"), List.of(),
						rs.getString("decision"), rs.getString("decided_by"), decided == null ? null : decided.toInstant(),
						rs.getString("reason")));
			});
		Map<Long, List<Evidence>> files = evidence.ofReports(reports.stream().map(TaskReport::id).toList());
		return new TaskDetails(task, reports.stream()
			.map(r -> new TaskReport(r.id(), r.taskId(), r.reportedBy(), r.reportedAt(), r.text(),
					List.copyOf(files.getOrDefault(r.id(), List.of())), r.decision(), r.decidedBy(), r.decidedAt(),
					r.reason()))
			.toList());
	}

	/** An evidence file of one of the task's reports. */
	@Transactional(readOnly = true)
	public Evidence.Content evidence(long taskId, long evidenceId) {
		get(taskId);
		return evidence.contentOfTask(taskId, evidenceId).orElseThrow(DomainException::notFound);
	}

	/** The tasks of a plan the caller may read, section by section. */
	@Transactional(readOnly = true)
	public List<Task> ofPlan(long planId) {
		long planOrgId = jdbc.sql("select org_id from plan where id = ?")
			.param(planId)
			.query(Long.class)
			.optional()
			.orElseThrow(DomainException::notFound);
		if (!access.covers(Permission.PLAN_READ, planOrgId)) {
			throw DomainException.notFound();
		}
		return jdbc.sql("select " + COLUMNS + FROM + "where t.plan_id = ? order by t.section_id, t.id")
			.param(planId)
			.query(Tasks::map)
			.list();
	}

	/** The tasks the caller's own orgs (those its roles are held at) own and have not finished. */
	@Transactional(readOnly = true)
	public List<Task> ownedByMyOrgs() {
		Long[] mine = access.ownOrgIds(Permission.PLAN_WRITE, Permission.PLAN_READ);
		return jdbc.sql("select " + COLUMNS + FROM + """
				where t.owner_org_id = any(?) and t.status not in ('DONE', 'CANCELLED') and p.status <> 'ARCHIVED'
				order by t.deadline nulls last, t.id limit 500""")
			.param(mine)
			.query(Tasks::map)
			.list();
	}

	/**
	 * One page of the task board: every task of a plan, owned by or helped by an org in the caller's
	 * {@code plan:read} scope, optionally of one state and one owner org; overdue first, then by deadline.
	 */
	@Transactional(readOnly = true)
	public org.wenming.platform.web.Page<Task> board(TaskStatus status, Long ownerOrgId, int page, int size) {
		Long[] scope = access.idsInScope(Permission.PLAN_READ);
		String where = """
				where (p.org_id = any(:scope) or t.owner_org_id = any(:scope) or t.cooperating_org_ids && :scope)
				and (cast(:status as text) is null or t.status = cast(:status as text))
				and (cast(:owner as bigint) is null or t.owner_org_id = cast(:owner as bigint)) """;
		String statusName = status == null ? null : status.name();
		long total = jdbc.sql("select count(*)" + FROM + where)
			.param("scope", scope)
			.param("status", statusName)
			.param("owner", ownerOrgId)
			.query(Long.class)
			.single();
		List<Task> items = jdbc.sql("select " + COLUMNS + FROM + where + """
				order by case t.status when 'OVERDUE' then 0 when 'DONE' then 2 when 'CANCELLED' then 2 else 1 end,
				t.deadline nulls last, t.id limit :size offset :offset""")
			.param("scope", scope)
			.param("status", statusName)
			.param("owner", ownerOrgId)
			.param("size", size)
			.param("offset", (long) page * size)
			.query(Tasks::map)
			.list();
		return new org.wenming.platform.web.Page<>(items, page, size, total, null);
	}

	/** Whether the caller may act for the task's owner org (start, progress, report); for pages to offer forms. */
	@Transactional(readOnly = true)
	public boolean actsForOwner(Task task) {
		return access.covers(Permission.PLAN_WRITE, task.ownerOrgId());
	}

	/** Whether the caller may act for the task's plan org (accept, send back, cancel, distribute, review). */
	@Transactional(readOnly = true)
	public boolean actsForPlan(Task task) {
		return access.covers(Permission.PLAN_WRITE, task.planOrgId());
	}

	/** How much waits for the orgs the caller administers, for the workbench. */
	@Transactional(readOnly = true)
	public TodoCounts todoCounts() {
		Long[] mine = access.ownOrgIds(Permission.PLAN_WRITE);
		if (mine.length == 0) {
			return new TodoCounts(0, 0, 0, 0, 0);
		}
		return jdbc.sql("""
				select
				  (select count(*) from plan_task t join plan p on p.id = t.plan_id where t.owner_org_id = any(?)
				     and t.status in ('NOT_STARTED', 'IN_PROGRESS') and p.status <> 'ARCHIVED'),
				  (select count(*) from plan_task t join plan p on p.id = t.plan_id where t.owner_org_id = any(?)
				     and t.status = 'OVERDUE' and p.status <> 'ARCHIVED'),
				  (select count(*) from plan_task t join plan p on p.id = t.plan_id where p.org_id = any(?)
				     and t.status = 'SUBMITTED' and p.status <> 'ARCHIVED'),
				  (select count(*) from plan_submission s join plan_task t on t.id = s.task_id join plan p on p.id = t.plan_id
				     where s.org_id = any(?) and s.status in ('PENDING', 'RETURNED', 'OVERDUE')
				     and t.status <> 'CANCELLED' and p.status <> 'ARCHIVED'),
				  (select count(*) from plan_submission s join plan_task t on t.id = s.task_id join plan p on p.id = t.plan_id
				     where p.org_id = any(?) and s.status = 'SUBMITTED' and t.status <> 'CANCELLED'
				     and p.status <> 'ARCHIVED')""")
			.params(mine, mine, mine, mine, mine)
			.query((rs, i) -> new TodoCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}

	/**
	 * The workbench's counts for the caller's own orgs.
	 *
	 * @param tasksOpen owned, not started or in progress (待完成)
	 * @param tasksOverdue owned and overdue (已逾期)
	 * @param tasksToAccept reported to the caller's plans (待验收)
	 * @param submissionsToSubmit due from the caller's orgs (待提交)
	 * @param submissionsToReview submitted to the caller's plans (待审核)
	 */
	public record TodoCounts(long tasksOpen, long tasksOverdue, long tasksToAccept, long submissionsToSubmit,
			long submissionsToReview) {
	}

	// ---- within the module ----------------------------------------------------------------------

	/** A task regardless of scope. */
	Optional<Task> find(long id) {
		return jdbc.sql("select " + COLUMNS + FROM + "where t.id = ?").param(id).query(Tasks::map).optional();
	}

	/** The task, when the caller may read it; "not found" otherwise. */
	Task readable(Task task) {
		if (access.coversAny(Permission.PLAN_READ, task.orgIds())) {
			return task;
		}
		Long[] inScope = access.idsInScope(Permission.PLAN_READ);
		boolean viaSubmission = inScope.length > 0 && jdbc.sql(
				"select exists (select 1 from plan_submission where task_id = ? and org_id = any(?))")
			.params(task.id(), inScope)
			.query(Boolean.class)
			.single();
		if (!viaSubmission) {
			throw DomainException.notFound();
		}
		return task;
	}

	/** The task, when the caller may act for its plan's org (accept, distribute, review). */
	Task plannedTask(long id) {
		Task task = find(id).orElseThrow(DomainException::notFound);
		if (!access.covers(Permission.PLAN_WRITE, task.planOrgId())) {
			readable(task);
			throw DomainException.forbidden();
		}
		return task;
	}

	/** The task, when the caller may act for its owner org (start, progress, report). */
	private Task ownedTask(long id) {
		Task task = find(id).orElseThrow(DomainException::notFound);
		if (!access.covers(Permission.PLAN_WRITE, task.ownerOrgId())) {
			readable(task);
			throw DomainException.forbidden();
		}
		return task;
	}

	/** Changes the task unless someone else changed it since it was read. */
	private void update(Task task, String assignments, Object... values) {
		List<Object> params = new ArrayList<>(Arrays.asList(values));
		params.add(task.id());
		params.add(task.version());
		int updated = jdbc.sql("update plan_task set " + assignments + ", version = version + 1 where id = ? and version = ?")
			.params(params)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("plan_task " + task.id() + " changed concurrently");
		}
	}

	private void decideLatestReport(long taskId, String decision, String reason, OffsetDateTime at) {
		jdbc.sql("""
				update plan_task_report set decision = ?, decided_by = ?, decided_at = ?, reason = ?
				where id = (select id from plan_task_report where task_id = ? and decision is null
				            order by reported_at desc, id desc limit 1)""")
			.params(decision, AuditLog.currentActor(), at, reason, taskId)
			.update();
	}

	private Org owner(Long ownerOrgId, long planOrgId) {
		if (ownerOrgId == null) {
			throw DomainException.onField("ownerOrgId", "plan.task.owner.required");
		}
		Org planOrg = orgs.find(planOrgId).orElseThrow();
		// An org that does not exist and one outside reach get the same answer, without its name.
		Org owner = orgs.find(ownerOrgId)
			.filter(org -> planOrg.contains(org) || access.covers(Permission.PLAN_WRITE, org.id()))
			.orElseThrow(() -> DomainException.onField("ownerOrgId", "plan.task.owner.outOfScope"));
		if (owner.isClosed()) {
			throw DomainException.onField("ownerOrgId", "plan.task.owner.unknown");
		}
		return owner;
	}

	private Long[] cooperating(List<Long> ids, long ownerId, long planOrgId) {
		Set<Long> distinct = new LinkedHashSet<>(ids == null ? List.of() : ids);
		distinct.remove(null);
		distinct.remove(ownerId);
		if (distinct.size() > COOPERATING_MAX) {
			throw DomainException.onField("cooperatingOrgIds", "plan.task.cooperating.tooMany", COOPERATING_MAX);
		}
		Org planOrg = orgs.find(planOrgId).orElseThrow();
		for (Long id : distinct) {
			if (orgs.find(id).filter(org -> !org.isClosed())
				.filter(org -> planOrg.contains(org) || access.covers(Permission.PLAN_WRITE, org.id()))
				.isEmpty()) {
				throw DomainException.onField("cooperatingOrgIds", "plan.task.cooperating.unknown", id);
			}
		}
		return distinct.toArray(Long[]::new);
	}

	private LocalDate deadline(LocalDate deadline, Recurrence recurrence, int planYear) {
		if (deadline != null && recurrence != null) {
			throw DomainException.onField("deadline", "plan.task.deadline.both");
		}
		if (recurrence == null) {
			if (deadline == null) {
				throw DomainException.onField("deadline", "plan.task.deadline.required");
			}
			return Bounds.date("deadline", deadline, clock);
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate yearStart = LocalDate.of(planYear, 1, 1);
		return recurrence.dueDateOn(today.isBefore(yearStart) ? yearStart : today);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.now(clock);
	}

	static String required(String text, String field, String missing, int max, String tooLong) {
		if (!StringUtils.hasText(text)) {
			throw DomainException.onField(field, missing);
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw DomainException.onField(field, tooLong, max);
		}
		return stripped;
	}

	static Task map(ResultSet rs, int row) throws SQLException {
		Array array = rs.getArray("cooperating_org_ids");
		List<Long> cooperating = array == null ? List.of() : List.of((Long[]) array.getArray());
		String recurrence = rs.getString("recurrence");
		OffsetDateTime escalated = rs.getObject("escalated_at", OffsetDateTime.class);
		OffsetDateTime completed = rs.getObject("completed_at", OffsetDateTime.class);
		return new Task(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("plan_org_id"), rs.getLong("section_id"),
				rs.getString("title"), rs.getString("description"), rs.getLong("owner_org_id"), cooperating,
				rs.getString("leader"), rs.getObject("deadline", LocalDate.class),
				recurrence == null ? null : Recurrence.valueOf(recurrence), Priority.valueOf(rs.getString("priority")),
				rs.getBigDecimal("weight"), TaskStatus.valueOf(rs.getString("status")), rs.getInt("progress"),
				rs.getString("return_reason"), rs.getString("cancel_reason"),
				rs.getObject("overdue_since", LocalDate.class), escalated == null ? null : escalated.toInstant(),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				completed == null ? null : completed.toInstant(), rs.getInt("version"));
	}

	private record PlanOfSection(long planId, long orgId, String status, int year) {
	}

}
