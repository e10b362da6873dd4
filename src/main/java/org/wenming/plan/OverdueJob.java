package org.wenming.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wenming.platform.database.ClusterLock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every night, on one instance: marks tasks and submissions past their deadline overdue and tells
 * the org that owes them, the first time; after {@link OverdueProperties#escalateAfterDays()} days
 * tells the parent of that org, once. Running it again the same day changes nothing.
 */
@Component
public class OverdueJob {

	private static final Logger log = LoggerFactory.getLogger(OverdueJob.class);

	private final JdbcClient jdbc;

	private final Tasks tasks;

	private final Submissions submissions;

	private final TaskNotices notices;

	private final ClusterLock lock;

	private final OverdueProperties properties;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	OverdueJob(JdbcClient jdbc, Tasks tasks, Submissions submissions, TaskNotices notices, ClusterLock lock,
			OverdueProperties properties, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.submissions = submissions;
		this.notices = notices;
		this.lock = lock;
		this.properties = properties;
		this.events = events;
		this.clock = clock;
	}

	@Scheduled(cron = "0 10 0 * * *", zone = "${wenming.zone:Asia/Shanghai}")
	void nightly() {
		// The lease outlasts the run, so that an instance whose clock is a little late does not run it again.
		if (lock.tryAcquire("plan.overdue", Duration.ofHours(1))) {
			Result result = run(LocalDate.now(clock));
			log.info("Overdue work: {}", result);
		}
	}

	/** Marks and escalates what is overdue on {@code today}; what it did. */
	@Transactional
	public Result run(LocalDate today) {
		LocalDate escalateFrom = today.minusDays(properties.escalateAfterDays());
		OffsetDateTime now = OffsetDateTime.now(clock);

		// Overdue from the day after the deadline; kept from the first time, when a task sent back
		// after its deadline goes overdue again (and its owner is not told twice).
		List<Marked> overdueTasks = jdbc.sql("""
				with due as (
				  select t.id, t.overdue_since is null as first from plan_task t join plan p on p.id = t.plan_id
				  where t.status in ('NOT_STARTED', 'IN_PROGRESS') and t.deadline < ? and p.status <> 'ARCHIVED'
				  for update of t)
				update plan_task t set status = 'OVERDUE', overdue_since = coalesce(t.overdue_since, t.deadline + 1),
				  version = t.version + 1
				from due where t.id = due.id returning t.id, due.first""")
			.param(today)
			.query((rs, i) -> new Marked(rs.getLong(1), rs.getBoolean(2)))
			.list();
		for (Marked marked : overdueTasks) {
			Task task = tasks.find(marked.id()).orElseThrow();
			if (marked.first()) {
				notices.taskOverdue(task);
				events.publishEvent(new TaskOverdue(task.id(), task.planId(), task.ownerOrgId(), task.deadline()));
			}
		}

		List<Long> escalatedTasks = jdbc.sql("""
				update plan_task t set escalated_at = ?, version = t.version + 1 from plan p
				where p.id = t.plan_id and p.status <> 'ARCHIVED' and t.status = 'OVERDUE' and t.escalated_at is null
				  and t.overdue_since <= ?
				returning t.id""")
			.params(now, escalateFrom)
			.query(Long.class)
			.list();
		for (long id : escalatedTasks) {
			Task task = tasks.find(id).orElseThrow();
			notices.taskEscalated(task, ChronoUnit.DAYS.between(task.overdueSince(), today) + 1);
		}

		List<Marked> overdueSubmissions = jdbc.sql("""
				with due as (
				  select s.id, s.overdue_since is null as first from plan_submission s
				  join plan_task t on t.id = s.task_id join plan p on p.id = t.plan_id
				  where s.status in ('PENDING', 'RETURNED') and s.deadline < ? and t.status <> 'CANCELLED'
				    and p.status <> 'ARCHIVED'
				  for update of s)
				update plan_submission s set status = 'OVERDUE', overdue_since = coalesce(s.overdue_since, s.deadline + 1),
				  version = s.version + 1
				from due where s.id = due.id returning s.id, due.first""")
			.param(today)
			.query((rs, i) -> new Marked(rs.getLong(1), rs.getBoolean(2)))
			.list();
		for (Marked marked : overdueSubmissions) {
			if (marked.first()) {
				notices.submissionOverdue(submissions.find(marked.id()).orElseThrow());
			}
		}

		List<Long> escalatedSubmissions = jdbc.sql("""
				update plan_submission s set escalated_at = ?, version = s.version + 1 from plan_task t, plan p
				where t.id = s.task_id and p.id = t.plan_id and t.status <> 'CANCELLED' and p.status <> 'ARCHIVED'
				  and s.status = 'OVERDUE' and s.escalated_at is null and s.overdue_since <= ?
				returning s.id""")
			.params(now, escalateFrom)
			.query(Long.class)
			.list();
		for (long id : escalatedSubmissions) {
			Submission submission = submissions.find(id).orElseThrow();
			notices.submissionEscalated(submission, ChronoUnit.DAYS.between(submission.overdueSince(), today) + 1);
		}
		return new Result(overdueTasks.size(), escalatedTasks.size(), overdueSubmissions.size(),
				escalatedSubmissions.size());
	}

	/** How many tasks and submissions one run marked overdue and escalated. */
	public record Result(int overdueTasks, int escalatedTasks, int overdueSubmissions, int escalatedSubmissions) {
	}

	private record Marked(long id, boolean first) {
	}

}
