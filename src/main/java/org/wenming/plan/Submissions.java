package org.wenming.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.audit.AuditLog;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Distribution (下发) of a task of a city, district or street plan to orgs below, and their
 * submissions (报送): each org submits its own, the plan's org reviews and scores each, sees who has
 * not submitted and reminds them (催报).
 */
@Service
public class Submissions {

	private static final Set<OrgType> SENDERS = EnumSet.of(OrgType.CITY, OrgType.DISTRICT, OrgType.STREET);

	static final String COLUMNS = """
			s.id, s.task_id, t.title as task_title, t.description as task_description, p.org_id as plan_org_id, s.org_id,
			s.deadline, s.status, s.text, s.submitted_by, s.submitted_at, s.score, s.review, s.reviewed_by, s.reviewed_at,
			s.reminders, s.reminded_at, s.overdue_since, s.escalated_at, s.version""";

	static final String FROM = " from plan_submission s join plan_task t on t.id = s.task_id join plan p on p.id = t.plan_id ";

	private static final int TEXT_MAX = 20_000;

	private static final int COMMENT_MAX = 2_000;

	private final JdbcClient jdbc;

	private final Tasks tasks;

	private final PlanAccess access;

	private final OrgDirectory orgs;

	private final EvidenceFiles evidence;

	private final TaskNotices notices;

	private final AuditLog audit;

	private final Clock clock;

	Submissions(JdbcClient jdbc, Tasks tasks, PlanAccess access, OrgDirectory orgs, EvidenceFiles evidence,
			TaskNotices notices, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.access = access;
		this.orgs = orgs;
		this.evidence = evidence;
		this.notices = notices;
		this.audit = audit;
		this.clock = clock;
	}

	// ---- the sender -------------------------------------------------------------------------------

	/**
	 * Sends a task to orgs below the plan's org: the chosen ones, or every open org directly below it
	 * when {@code orgIds} is {@code null} or empty. Each gets one submission, due with the task; an org
	 * that already has one keeps it. A task not yet started starts.
	 */
	@Transactional
	public SubmissionBoard distribute(long taskId, List<Long> orgIds) {
		Task task = tasks.plannedTask(taskId);
		if (task.status().isFinal()) {
			throw DomainException.conflict("plan.distribution.taskClosed");
		}
		Org planOrg = orgs.find(task.planOrgId()).orElseThrow();
		if (!SENDERS.contains(planOrg.type())) {
			throw new DomainException("plan.distribution.orgLevel", planOrg.type().label());
		}
		List<Org> targets = targets(planOrg, orgIds);
		if (targets.isEmpty()) {
			throw new DomainException("plan.distribution.noOrgs");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		List<Long> created = new ArrayList<>();
		for (Org org : targets) {
			jdbc.sql("""
					insert into plan_submission (task_id, org_id, deadline) values (?, ?, ?)
					on conflict (task_id, org_id) do nothing returning id""")
				.params(taskId, org.id(), task.deadline())
				.query(Long.class)
				.optional()
				.ifPresent(created::add);
		}
		jdbc.sql("update plan_task set status = 'IN_PROGRESS', version = version + 1 where id = ? and status = 'NOT_STARTED'")
			.param(taskId)
			.update();
		audit.record("DISTRIBUTE", "plan_task", taskId, task.planOrgId(),
				"下发任务：" + task.title() + "，新增报送单位 " + created.size() + " 个（共选 " + targets.size() + " 个）");
		for (long id : created) {
			notices.submissionRequested(find(id).orElseThrow());
		}
		return board(taskId);
	}

	/**
	 * Reminds (催报) every org that has not submitted: its admins are told, and the reminder is
	 * counted.
	 *
	 * @return how many orgs were reminded
	 */
	@Transactional
	public int remind(long taskId) {
		Task task = tasks.plannedTask(taskId);
		if (task.status() == TaskStatus.CANCELLED) {
			throw DomainException.conflict("plan.distribution.taskClosed");
		}
		List<Submission> waiting = jdbc.sql("select " + COLUMNS + FROM + """
				where s.task_id = ? and s.status in ('PENDING', 'RETURNED', 'OVERDUE') order by s.id""")
			.param(taskId)
			.query(this::map)
			.list();
		OffsetDateTime now = OffsetDateTime.now(clock);
		for (Submission submission : waiting) {
			jdbc.sql("update plan_submission set reminders = reminders + 1, reminded_at = ? where id = ?")
				.params(now, submission.id())
				.update();
			notices.submissionReminded(submission);
		}
		audit.record("REMIND", "plan_task", taskId, task.planOrgId(),
				"催报：" + task.title() + "，" + waiting.size() + " 个单位未提交");
		return waiting.size();
	}

	/**
	 * The sender takes a submission with a score (0 to 100), or returns it with a comment saying why;
	 * the task's progress becomes the share of submissions taken.
	 */
	@Transactional
	public Submission review(long submissionId, BigDecimal score, String comment, ReviewDecision decision) {
		Submission submission = find(submissionId).orElseThrow(DomainException::notFound);
		Task task = tasks.plannedTask(submission.taskId());
		if (decision == null) {
			throw DomainException.onField("decision", "plan.submission.decision.required");
		}
		SubmissionStatus next = submission.status()
			.moveTo(decision == ReviewDecision.ACCEPT ? SubmissionStatus.ACCEPTED : SubmissionStatus.RETURNED,
					"plan.submission.review.illegal");
		String text = comment == null || comment.isBlank() ? null : comment.strip();
		if (text != null && text.length() > COMMENT_MAX) {
			throw DomainException.onField("comment", "plan.submission.comment.tooLong", COMMENT_MAX);
		}
		if (decision == ReviewDecision.ACCEPT && score == null) {
			throw DomainException.onField("score", "plan.submission.score.required");
		}
		if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0)) {
			throw DomainException.onField("score", "plan.submission.score.range");
		}
		if (decision == ReviewDecision.RETURN && text == null) {
			throw DomainException.onField("comment", "plan.submission.comment.required");
		}
		BigDecimal rounded = score == null ? null : score.setScale(1, RoundingMode.HALF_UP);
		update(submission, "status = ?, score = ?, review = ?, reviewed_by = ?, reviewed_at = ?", next.name(), rounded,
				text, AuditLog.currentActor(), OffsetDateTime.now(clock));
		rollUp(task);
		audit.record("REVIEW", "plan_submission", submissionId, task.planOrgId(),
				(decision == ReviewDecision.ACCEPT ? "采纳报送：" : "退回报送：") + submission.orgName() + "《" + task.title()
						+ "》" + (rounded == null ? "" : "，评分 " + rounded.toPlainString())
						+ (text == null ? "" : "，意见：" + text));
		if (decision == ReviewDecision.RETURN) {
			notices.submissionReturned(submission, text);
		}
		return get(submissionId);
	}

	/** Who has submitted what for a task: the plan's org and those who may read it see this. */
	@Transactional(readOnly = true)
	public SubmissionBoard board(long taskId) {
		Task task = tasks.find(taskId).orElseThrow(DomainException::notFound);
		if (!access.covers(Permission.PLAN_READ, task.planOrgId())) {
			tasks.readable(task);
			throw DomainException.forbidden();
		}
		List<SubmissionBoard.Row> rows = new ArrayList<>();
		jdbc.sql("""
				select id, org_id, status, submitted_at, score, reminders, reminded_at, overdue_since from plan_submission
				where task_id = ? order by id""")
			.param(taskId)
			.query(rs -> {
				OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
				OffsetDateTime reminded = rs.getObject("reminded_at", OffsetDateTime.class);
				long orgId = rs.getLong("org_id");
				rows.add(new SubmissionBoard.Row(rs.getLong("id"), orgId, null,
						SubmissionStatus.valueOf(rs.getString("status")), submitted == null ? null : submitted.toInstant(),
						rs.getBigDecimal("score"), rs.getInt("reminders"), reminded == null ? null : reminded.toInstant(),
						rs.getObject("overdue_since", LocalDate.class)));
			});
		List<SubmissionBoard.Row> named = rows.stream()
			.map(r -> new SubmissionBoard.Row(r.submissionId(), r.orgId(), notices.orgName(r.orgId()), r.status(),
					r.submittedAt(), r.score(), r.reminders(), r.remindedAt(), r.overdueSince()))
			.toList();
		int submitted = (int) rows.stream()
			.filter(r -> r.status() == SubmissionStatus.SUBMITTED || r.status() == SubmissionStatus.ACCEPTED)
			.count();
		int accepted = (int) rows.stream().filter(r -> r.status() == SubmissionStatus.ACCEPTED).count();
		int overdue = (int) rows.stream().filter(r -> r.status() == SubmissionStatus.OVERDUE).count();
		return new SubmissionBoard(taskId, task.title(), task.deadline(), rows.size(), submitted, accepted, overdue,
				named);
	}

	// ---- the child org ----------------------------------------------------------------------------

	/** The child org submits its text and evidence; again after a return, or late when overdue. */
	@Transactional
	public Submission submit(long submissionId, String text, List<EvidenceUpload> files) {
		Submission submission = find(submissionId).orElseThrow(DomainException::notFound);
		access.requireWrite(submission.orgId(), List.of(submission.orgId(), submission.planOrgId()));
		Task task = tasks.find(submission.taskId()).orElseThrow();
		if (task.status() == TaskStatus.CANCELLED) {
			throw DomainException.conflict("plan.submission.taskCancelled");
		}
		SubmissionStatus next = submission.status().moveTo(SubmissionStatus.SUBMITTED, "plan.submission.submit.illegal");
		String checked = Tasks.required(text, "text", "plan.submission.text.required", TEXT_MAX,
				"plan.submission.text.tooLong");
		List<EvidenceFiles.Checked> uploads = evidence.check(files);
		OffsetDateTime now = OffsetDateTime.now(clock);
		update(submission, "status = ?, text = ?, submitted_by = ?, submitted_at = ?", next.name(), checked,
				AuditLog.currentActor(), now);
		evidence.storeForSubmission(submissionId, uploads, now);
		audit.record("SUBMIT", "plan_submission", submissionId, submission.orgId(),
				"提交报送：" + submission.orgName() + "《" + task.title() + "》"
						+ (uploads.isEmpty() ? "" : "（附 " + uploads.size() + " 个文件）"));
		return get(submissionId);
	}

	/** A submission the caller may read: its org's or its sender's. */
	@Transactional(readOnly = true)
	public Submission get(long submissionId) {
		Submission submission = find(submissionId).orElseThrow(DomainException::notFound);
		if (!access.coversAny(Permission.PLAN_READ, List.of(submission.orgId(), submission.planOrgId()))) {
			throw DomainException.notFound();
		}
		Map<Long, List<Evidence>> files = evidence.ofSubmissions(List.of(submissionId));
		return withEvidence(submission, files.getOrDefault(submissionId, List.of()));
	}

	@Transactional(readOnly = true)
	public Evidence.Content evidence(long submissionId, long evidenceId) {
		get(submissionId);
		return evidence.contentOfSubmission(submissionId, evidenceId).orElseThrow(DomainException::notFound);
	}

	/**
	 * The submissions the caller's own orgs (those its roles are held at) owe or await a review of,
	 * of tasks not cancelled.
	 */
	@Transactional(readOnly = true)
	public List<Submission> dueFromMyOrgs() {
		Long[] mine = access.ownOrgIds(Permission.PLAN_WRITE, Permission.PLAN_READ);
		return jdbc.sql("select " + COLUMNS + FROM + """
				where s.org_id = any(?) and s.status <> 'ACCEPTED' and t.status <> 'CANCELLED' and p.status <> 'ARCHIVED'
				order by s.deadline nulls last, s.id limit 500""")
			.param(mine)
			.query(this::map)
			.list();
	}

	// ---- within the module ----------------------------------------------------------------------

	Optional<Submission> find(long id) {
		return jdbc.sql("select " + COLUMNS + FROM + "where s.id = ?").param(id).query(this::map).optional();
	}

	/** The orgs a task goes to: chosen ones strictly below the plan's org, or its open children. */
	private List<Org> targets(Org planOrg, List<Long> orgIds) {
		Set<Long> chosen = new LinkedHashSet<>(orgIds == null ? List.of() : orgIds);
		chosen.remove(null);
		if (chosen.isEmpty()) {
			return orgs.visibleTree(false).stream().filter(org -> Objects.equals(org.parentId(), planOrg.id())).toList();
		}
		List<Org> targets = new ArrayList<>();
		for (long id : chosen) {
			Org org = orgs.find(id)
				.filter(o -> !o.isClosed() && o.id() != planOrg.id() && planOrg.contains(o))
				.orElseThrow(() -> DomainException.onField("orgIds", "plan.distribution.orgInvalid", id));
			targets.add(org);
		}
		return targets;
	}

	/** The task's progress is the share of its submissions taken, while the task is being worked on. */
	private void rollUp(Task task) {
		jdbc.sql("""
				update plan_task set progress = (
				  select coalesce(floor(100.0 * count(*) filter (where status = 'ACCEPTED') / nullif(count(*), 0)), 0)
				  from plan_submission where task_id = ?)
				where id = ? and status in ('NOT_STARTED', 'IN_PROGRESS', 'OVERDUE')""")
			.params(task.id(), task.id())
			.update();
	}

	private void update(Submission submission, String assignments, Object... values) {
		List<Object> params = new ArrayList<>(Arrays.asList(values));
		params.add(submission.id());
		params.add(submission.version());
		int updated = jdbc
			.sql("update plan_submission set " + assignments + ", version = version + 1 where id = ? and version = ?")
			.params(params)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("plan_submission " + submission.id() + " changed concurrently");
		}
	}

	private static Submission withEvidence(Submission s, List<Evidence> files) {
		return new Submission(s.id(), s.taskId(), s.taskTitle(), s.taskDescription(), s.planOrgId(), s.orgId(),
				s.orgName(), s.deadline(), s.status(), s.text(), List.copyOf(files), s.submittedBy(), s.submittedAt(),
				s.score(), s.review(), s.reviewedBy(), s.reviewedAt(), s.reminders(), s.remindedAt(), s.overdueSince(),
				s.escalatedAt(), s.version());
	}

	private Submission map(ResultSet rs, int row) throws SQLException {
		long orgId = rs.getLong("org_id");
		return new Submission(rs.getLong("id"), rs.getLong("task_id"), rs.getString("task_title"),
				rs.getString("task_description"), rs.getLong("plan_org_id"), orgId, notices.orgName(orgId),
				rs.getObject("deadline", LocalDate.class), SubmissionStatus.valueOf(rs.getString("status")),
				rs.getString("text"), List.of(), rs.getString("submitted_by"), instant(rs, "submitted_at"),
				rs.getBigDecimal("score"), rs.getString("review"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"),
				rs.getInt("reminders"), instant(rs, "reminded_at"), rs.getObject("overdue_since", LocalDate.class),
				instant(rs, "escalated_at"), rs.getInt("version"));
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

}
