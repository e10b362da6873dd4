package org.wenming.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.platform.database.ClusterLock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wenming.plan.TaskFixture.task;

/**
 * The nightly overdue job, run for chosen days: a task due on day D is overdue on D+1, its owner is
 * told once, and the parent org hears of it {@code escalate-after-days} (3) days later, once.
 */
@SpringBootTest
class OverdueJobTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Tasks tasks;

	@Autowired
	Submissions submissions;

	@Autowired
	OverdueJob job;

	@Autowired
	OverdueProperties properties;

	@Autowired
	ClusterLock lock;

	@Autowired
	Clock clock;

	TaskFixture f;

	long section;

	/** The deadline: far enough ahead that no other test's task is due with it. */
	LocalDate d;

	@BeforeEach
	void tree() {
		f = TaskFixture.create(context);
		section = f.section(f.district);
		d = LocalDate.now(clock).plusYears(1).plusDays(f.tag.hashCode() & 255);
	}

	@Test
	void taskIsOverdueTheDayAfterItsDeadlineAndItsOwnerIsToldOnce() {
		long id = create(f.communityA);

		job.run(d);
		assertThat(status(id)).isEqualTo(TaskStatus.NOT_STARTED);

		job.run(d.plusDays(1));
		job.run(d.plusDays(1));
		job.run(d.plusDays(2));

		Task task = f.as("district", () -> tasks.get(id));
		assertThat(task.status()).isEqualTo(TaskStatus.OVERDUE);
		assertThat(task.overdueSince()).isEqualTo(d.plusDays(1));
		assertThat(task.escalatedAt()).isNull();
		assertThat(f.notificationsOf("communityA")).containsExactly("新任务：开展道德讲堂活动", "任务已逾期：开展道德讲堂活动");
		assertThat(f.notificationsOf("street1")).isEmpty();
		assertThat(f.notificationsOf("district")).isEmpty();
	}

	@Test
	void parentOrgIsToldOnceAfterTheConfiguredDays() {
		assertThat(properties.escalateAfterDays()).isEqualTo(3);
		long id = create(f.communityA);
		job.run(d.plusDays(1));

		job.run(d.plusDays(3));
		assertThat(f.notificationsOf("street1")).as("two days overdue").isEmpty();

		job.run(d.plusDays(1 + 3));
		job.run(d.plusDays(1 + 3));
		job.run(d.plusDays(10));

		assertThat(f.notificationsOf("street1")).containsExactly("下级任务逾期：开展道德讲堂活动");
		assertThat(afterAssignment("communityA")).hasSize(1);
		assertThat(f.notificationsOf("district")).as("only the parent").isEmpty();
		assertThat(f.as("district", () -> tasks.get(id)).escalatedAt()).isNotNull();
	}

	@Test
	void runningTwiceTheSameDayChangesNothingMore() {
		create(f.communityA);
		create(f.communityB);

		OverdueJob.Result first = job.run(d.plusDays(4));
		OverdueJob.Result second = job.run(d.plusDays(4));

		assertThat(first.overdueTasks()).isGreaterThanOrEqualTo(2);
		assertThat(first.escalatedTasks()).isGreaterThanOrEqualTo(2);
		assertThat(second).isEqualTo(new OverdueJob.Result(0, 0, 0, 0));
		assertThat(afterAssignment("communityA")).hasSize(1);
		assertThat(afterAssignment("communityB")).hasSize(1);
		assertThat(f.notificationsOf("street1")).as("one escalation for each task")
			.containsExactly("下级任务逾期：开展道德讲堂活动", "下级任务逾期：开展道德讲堂活动");
	}

	@Test
	void reportedDoneAndCancelledTasksAreNeverOverdue() {
		long reported = create(f.communityA);
		f.as("communityA", () -> tasks.start(reported));
		f.as("communityA", () -> tasks.report(reported, "已完成", List.of()));
		long done = create(f.communityA);
		f.as("communityA", () -> tasks.start(done));
		f.as("communityA", () -> tasks.report(done, "已完成", List.of()));
		f.as("district", () -> tasks.accept(done));
		long cancelled = create(f.communityA);
		f.as("district", () -> tasks.cancel(cancelled, "不再需要"));

		job.run(d.plusDays(5));

		assertThat(status(reported)).isEqualTo(TaskStatus.SUBMITTED);
		assertThat(status(done)).isEqualTo(TaskStatus.DONE);
		assertThat(status(cancelled)).isEqualTo(TaskStatus.CANCELLED);
		assertThat(afterAssignment("communityA")).isEmpty();
	}

	@Test
	void overdueTaskSentBackGoesOverdueAgainWithoutASecondNotice() {
		long id = create(f.communityA);
		job.run(d.plusDays(1));
		f.as("communityA", () -> tasks.report(id, "迟交的报告", List.of()));
		f.as("district", () -> tasks.sendBack(id, "不完整"));

		job.run(d.plusDays(2));

		Task task = f.as("district", () -> tasks.get(id));
		assertThat(task.status()).isEqualTo(TaskStatus.OVERDUE);
		assertThat(task.overdueSince()).isEqualTo(d.plusDays(1));
		assertThat(afterAssignment("communityA")).containsExactly("任务已逾期：开展道德讲堂活动", "任务被退回：开展道德讲堂活动");
	}

	@Test
	void submissionsNotInByTheirDeadlineAreOverdueAndEscalatedToTheParent() {
		long districtTask = f.as("district", () -> tasks.create(task(section, f.district, d)));
		SubmissionBoard board = f.as("district",
				() -> submissions.distribute(districtTask, List.of(f.street1.id(), f.street2.id())));
		long street1 = board.rows().stream().filter(r -> r.orgId() == f.street1.id()).findFirst().orElseThrow()
			.submissionId();
		long street2 = board.rows().stream().filter(r -> r.orgId() == f.street2.id()).findFirst().orElseThrow()
			.submissionId();
		f.as("street1", () -> submissions.submit(street1, "按时报送", List.of()));

		job.run(d.plusDays(1));
		job.run(d.plusDays(1));

		assertThat(f.as("district", () -> submissions.get(street1)).status()).isEqualTo(SubmissionStatus.SUBMITTED);
		assertThat(f.as("district", () -> submissions.get(street2)).status()).isEqualTo(SubmissionStatus.OVERDUE);
		assertThat(overdueNotices("street2")).containsExactly("报送已逾期：开展道德讲堂活动");
		assertThat(overdueNotices("street1")).isEmpty();

		job.run(d.plusDays(4));
		job.run(d.plusDays(5));

		assertThat(f.notificationsOf("district")).contains("下级报送逾期：开展道德讲堂活动")
			.filteredOn(title -> title.equals("下级报送逾期：开展道德讲堂活动"))
			.hasSize(1);
		assertThat(f.as("district", () -> submissions.get(street2)).escalatedAt()).isNotNull();
		assertThat(f.as("street2", () -> submissions.submit(street2, "迟交", List.of())).status())
			.as("a late submission is still taken")
			.isEqualTo(SubmissionStatus.SUBMITTED);
	}

	@Test
	void tasksOfArchivedPlansAreLeftAlone() {
		long id = create(f.communityA);
		f.jdbc.sql("update plan set status = 'ARCHIVED' where id = (select plan_id from plan_task where id = ?)")
			.param(id)
			.update();

		job.run(d.plusDays(5));

		assertThat(status(id)).isEqualTo(TaskStatus.NOT_STARTED);
	}

	@Test
	void scheduledRunWaitsForTheLeaseAnotherInstanceHolds() {
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);
		long id = f.as("district", () -> tasks.create(task(section, f.communityA, yesterday)));
		f.jdbc.sql("delete from job_lock where name = 'plan.overdue'").update();
		assertThat(lock.tryAcquire("plan.overdue", Duration.ofMinutes(5))).as("another instance takes it").isTrue();

		job.nightly();
		assertThat(status(id)).isEqualTo(TaskStatus.NOT_STARTED);

		f.jdbc.sql("update job_lock set locked_until = now() - interval '1 second' where name = 'plan.overdue'").update();
		job.nightly();
		assertThat(status(id)).isEqualTo(TaskStatus.OVERDUE);
	}

	private long create(org.wenming.directory.Org owner) {
		return f.as("district", () -> tasks.create(task(section, owner, d)));
	}

	private TaskStatus status(long id) {
		return f.as("office", () -> tasks.get(id)).status();
	}

	/** What an account was told after hearing of the tasks given to its org (新任务). */
	private List<String> afterAssignment(String user) {
		return f.notificationsOf(user).stream().filter(title -> !title.startsWith("新任务：")).toList();
	}

	private List<String> overdueNotices(String user) {
		return f.notificationsOf(user).stream().filter(title -> title.contains("逾期")).toList();
	}

}
