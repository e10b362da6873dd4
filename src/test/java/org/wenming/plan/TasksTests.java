package org.wenming.plan;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wenming.plan.TaskFixture.task;

/**
 * Tasks against the real database: created on a section within scope, started and reported by the
 * owner with evidence, accepted or sent back by the plan's org.
 */
@SpringBootTest
class TasksTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D };

	@Autowired
	ApplicationContext context;

	@Autowired
	Tasks tasks;

	@Autowired
	MessageSource messages;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	TaskFixture f;

	long districtSection;

	LocalDate inAMonth;

	@BeforeEach
	void tree() {
		f = TaskFixture.create(context);
		districtSection = f.section(f.district);
		inAMonth = LocalDate.now(clock).plusMonths(1);
	}

	@Test
	void theOwnerAndTheCooperatingOrgsAreToldOfANewTaskButNotWhoeverAssignedIt() {
		TaskCommand command = new TaskCommand(districtSection, "建设学习型社区", null, f.communityA.id(),
				List.of(f.communityB.id()), null, inAMonth, null, null, null);

		long id = f.as("district", () -> tasks.create(command));

		assertThat(f.notificationsOf("communityA")).containsExactly("新任务：建设学习型社区");
		assertThat(f.notificationsOf("communityB")).containsExactly("配合任务：建设学习型社区");
		assertThat(f.notificationsOf("district")).isEmpty();
		assertThat(jdbc.sql("select body from notification where recipient = ? and link = ?")
			.params(f.user("communityA"), "/tasks/" + id)
			.query(String.class)
			.single()).contains(f.district.name()).contains(inAMonth.toString());

		f.as("communityA", () -> tasks.create(new TaskCommand(f.section(f.communityA), "本社区自己的任务", null,
				f.communityA.id(), List.of(), null, inAMonth, null, null, null)));
		assertThat(f.notificationsOf("communityA")).as("not told of one's own").hasSize(1);
	}

	@Test
	void districtAdminCreatesATaskForACommunityBelow() {
		TaskCommand command = new TaskCommand(districtSection, " 建设学习型社区 ", "年底前完成", f.communityA.id(),
				List.of(f.communityB.id(), f.communityA.id()), "李局长", inAMonth, null, Priority.HIGH,
				new BigDecimal("2.5"));

		long id = f.as("district", () -> tasks.create(command));
		Task task = f.as("district", () -> tasks.get(id));

		assertThat(task.title()).isEqualTo("建设学习型社区");
		assertThat(task.ownerOrgId()).isEqualTo(f.communityA.id());
		assertThat(task.planOrgId()).isEqualTo(f.district.id());
		assertThat(task.cooperatingOrgIds()).containsExactly(f.communityB.id());
		assertThat(task.deadline()).isEqualTo(inAMonth);
		assertThat(task.priority()).isEqualTo(Priority.HIGH);
		assertThat(task.weight()).isEqualByComparingTo("2.5");
		assertThat(task.status()).isEqualTo(TaskStatus.NOT_STARTED);
		assertThat(task.progress()).isZero();
	}

	@Test
	void recurringTaskIsDueAtTheEndOfTheCurrentPeriod() {
		long id = f.as("district", () -> tasks.create(new TaskCommand(districtSection, "每月集中学习", null,
				f.street1.id(), null, null, null, Recurrence.MONTHLY, null, null)));

		Task task = f.as("district", () -> tasks.get(id));

		assertThat(task.recurrence()).isEqualTo(Recurrence.MONTHLY);
		assertThat(task.deadline()).isEqualTo(Recurrence.MONTHLY.dueDateOn(LocalDate.now(clock)));
		assertThat(task.priority()).isEqualTo(Priority.NORMAL);
		assertThat(task.weight()).isEqualByComparingTo("1");
	}

	@Test
	void taskNeedsEitherADeadlineOrARecurrenceAndAPositiveWeight() {
		assertField(() -> create("district", new TaskCommand(districtSection, "任务", null, f.street1.id(), null, null,
				null, null, null, null)), "deadline", "plan.task.deadline.required");
		assertField(() -> create("district", new TaskCommand(districtSection, "任务", null, f.street1.id(), null, null,
				inAMonth, Recurrence.YEARLY, null, null)), "deadline", "plan.task.deadline.both");
		assertField(() -> create("district", new TaskCommand(districtSection, "任务", null, f.street1.id(), null, null,
				inAMonth, null, null, BigDecimal.ZERO)), "weight", "plan.task.weight.range");
		assertField(() -> create("district", new TaskCommand(districtSection, " ", null, f.street1.id(), null, null,
				inAMonth, null, null, null)), "title", "plan.task.title.required");
	}

	@Test
	void ownerMustLieBelowThePlansOrgOrInTheCallersScope() {
		assertField(() -> create("district", task(districtSection, f.communityD, inAMonth)), "ownerOrgId",
				"plan.task.owner.outOfScope");
		assertField(() -> create("district", task(districtSection, f.closedStreet, inAMonth)), "ownerOrgId",
				"plan.task.owner.unknown");
		// The office's scope covers the other district too.
		assertThat(create("office", task(districtSection, f.communityD, inAMonth))).isPositive();
	}

	@Test
	void planOutsideTheCallersScopeIsNotFound() {
		assertStatus(() -> create("communityA", task(districtSection, f.communityA, inAMonth)), HttpStatus.NOT_FOUND);
		assertStatus(() -> create("communityD", task(districtSection, f.communityA, inAMonth)), HttpStatus.NOT_FOUND);
	}

	@Test
	void anotherCommunitysUnitAdminDoesNotSeeTheTask() {
		long id = create("district", new TaskCommand(districtSection, "任务", null, f.communityA.id(),
				List.of(f.street2.id()), null, inAMonth, null, null, null));

		assertThat(f.as("communityA", () -> tasks.get(id)).id()).isEqualTo(id);
		assertThat(f.as("street2", () -> tasks.get(id)).id()).as("a cooperating org reads it").isEqualTo(id);
		assertThat(f.as("inspector", () -> tasks.get(id)).id()).isEqualTo(id);
		assertStatus(() -> f.as("communityB", () -> tasks.get(id)), HttpStatus.NOT_FOUND);
		assertStatus(() -> f.as("communityD", () -> tasks.get(id)), HttpStatus.NOT_FOUND);
		assertStatus(() -> f.as("communityB", () -> tasks.start(id)), HttpStatus.NOT_FOUND);
	}

	@Test
	void reportBeforeStartIsRefusedInChinese() {
		long id = create("district", task(districtSection, f.communityA, inAMonth));

		assertThatThrownBy(() -> f.as("communityA", () -> tasks.report(id, "已完成", List.of())))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT);
				assertThat(messages.getMessage(ex.code(), ex.args(), Locale.SIMPLIFIED_CHINESE))
					.isEqualTo("只有进行中或已逾期的任务才能提交完成报告。");
			});
	}

	@Test
	void reportNeedsText() {
		long id = create("district", task(districtSection, f.communityA, inAMonth));
		f.as("communityA", () -> tasks.start(id));

		assertField(() -> f.as("communityA", () -> tasks.report(id, "  ", List.of())), "text",
				"plan.task.report.textRequired");
		assertThat(f.as("communityA", () -> tasks.get(id)).status()).isEqualTo(TaskStatus.IN_PROGRESS);
	}

	@Test
	void ownerReportsWithEvidenceAndThePlansOrgAcceptsIt() {
		long id = create("district", task(districtSection, f.communityA, inAMonth));
		f.as("communityA", () -> tasks.start(id));
		f.as("communityA", () -> tasks.updateProgress(id, 60));

		Task reported = f.as("communityA", () -> tasks.report(id, "已举办道德讲堂 4 场",
				List.of(new EvidenceUpload("C:\\照片\\讲堂.png", PNG))));

		assertThat(reported.status()).isEqualTo(TaskStatus.SUBMITTED);
		assertStatus(() -> f.as("communityA", () -> tasks.accept(id)), HttpStatus.FORBIDDEN);

		Task accepted = f.as("district", () -> tasks.accept(id));

		assertThat(accepted.status()).isEqualTo(TaskStatus.DONE);
		assertThat(accepted.progress()).isEqualTo(100);
		assertThat(accepted.completedAt()).isNotNull();
		TaskDetails details = f.as("communityA", () -> tasks.details(id));
		assertThat(details.reports()).singleElement().satisfies(report -> {
			assertThat(report.text()).isEqualTo("已举办道德讲堂 4 场");
			assertThat(report.decision()).isEqualTo("ACCEPTED");
			assertThat(report.decidedBy()).isEqualTo(f.user("district"));
			assertThat(report.evidence()).singleElement().satisfies(file -> {
				assertThat(file.filename()).isEqualTo("讲堂.png");
				assertThat(file.contentType()).isEqualTo("image/png");
				assertThat(file.size()).isEqualTo(PNG.length);
			});
		});
		long evidenceId = details.reports().get(0).evidence().get(0).id();
		assertThat(f.as("district", () -> tasks.evidence(id, evidenceId)).bytes()).isEqualTo(PNG);
		assertStatus(() -> f.as("communityB", () -> tasks.evidence(id, evidenceId)), HttpStatus.NOT_FOUND);
	}

	@Test
	void evidenceMustBeAPictureAPdfOrAnOfficeDocumentOfAtMostTenMegabytes() {
		long id = create("district", task(districtSection, f.communityA, inAMonth));
		f.as("communityA", () -> tasks.start(id));

		assertField(() -> report(id, new EvidenceUpload("病毒.exe", "MZ".getBytes(StandardCharsets.US_ASCII))), "files",
				"plan.evidence.type");
		assertField(() -> report(id, new EvidenceUpload("假照片.jpg", "<html>".getBytes(StandardCharsets.US_ASCII))),
				"files", "plan.evidence.type");
		byte[] large = new byte[10 * 1024 * 1024 + 1];
		System.arraycopy(PNG, 0, large, 0, PNG.length);
		assertField(() -> report(id, new EvidenceUpload("大.png", large)), "files", "plan.evidence.tooLarge");
		assertThat(f.as("communityA", () -> tasks.get(id)).status()).isEqualTo(TaskStatus.IN_PROGRESS);

		byte[] pdf = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
		byte[] docx = { 'P', 'K', 3, 4, 0, 0 };
		assertThat(report(id, new EvidenceUpload("总结.pdf", pdf), new EvidenceUpload("总结.docx", docx)).status())
			.isEqualTo(TaskStatus.SUBMITTED);
	}

	@Test
	void plansOrgSendsTheReportBackWithAReasonAndTheOwnersAdminsAreTold() {
		long id = create("district", task(districtSection, f.communityA, inAMonth));
		f.as("communityA", () -> tasks.start(id));
		report(id);

		assertField(() -> f.as("district", () -> tasks.sendBack(id, " ")), "reason", "plan.task.reason.required");
		Task returned = f.as("district", () -> tasks.sendBack(id, "缺少活动照片"));

		assertThat(returned.status()).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(returned.returnReason()).isEqualTo("缺少活动照片");
		assertThat(f.notificationsOf("communityA")).containsExactly("新任务：开展道德讲堂活动", "任务被退回：开展道德讲堂活动");
		assertThat(f.notificationsOf("street1")).as("only the owner org's own admins").isEmpty();
		assertThat(f.as("communityA", () -> tasks.details(id)).reports().get(0).reason()).isEqualTo("缺少活动照片");

		Task again = report(id);
		assertThat(again.status()).isEqualTo(TaskStatus.SUBMITTED);
		assertThat(again.returnReason()).isNull();
		assertStatus(() -> f.as("district", () -> tasks.sendBack(f.as("district", () -> tasks.accept(id)).id(), "再改")),
				HttpStatus.CONFLICT);
	}

	@Test
	void recurringTaskStartsItsNextPeriodWhenAccepted() {
		long id = create("district", new TaskCommand(districtSection, "每月报送学习情况", null, f.communityA.id(), null, null,
				null, Recurrence.MONTHLY, null, null));
		Task created = f.as("district", () -> tasks.get(id));
		f.as("communityA", () -> tasks.start(id));
		report(id);

		Task accepted = f.as("district", () -> tasks.accept(id));

		LocalDate today = LocalDate.now(clock);
		LocalDate next = Recurrence.MONTHLY.nextDueDateAfter(created.deadline(), today,
				LocalDate.of(today.getYear(), 12, 31));
		if (next == null) {
			assertThat(accepted.status()).isEqualTo(TaskStatus.DONE);
		}
		else {
			assertThat(accepted.status()).isEqualTo(TaskStatus.NOT_STARTED);
			assertThat(accepted.deadline()).isEqualTo(next);
			assertThat(accepted.progress()).isZero();
		}
		assertThat(f.as("district", () -> tasks.details(id)).reports()).singleElement()
			.extracting(TaskReport::decision)
			.isEqualTo("ACCEPTED");
	}

	@Test
	void progressIsAPercentageAndStartsATaskNotStarted() {
		long id = create("district", task(districtSection, f.communityA, inAMonth));

		assertField(() -> f.as("communityA", () -> tasks.updateProgress(id, 101)), "progress",
				"plan.task.progress.range");
		Task task = f.as("communityA", () -> tasks.updateProgress(id, 30));

		assertThat(task.status()).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(task.progress()).isEqualTo(30);
		assertStatus(() -> f.as("communityA", () -> tasks.start(id)), HttpStatus.CONFLICT);
	}

	@Test
	void plansOrgCancelsWithAReasonAndACancelledTaskStaysCancelled() {
		long id = create("district", task(districtSection, f.communityA, inAMonth));

		assertStatus(() -> f.as("communityA", () -> tasks.cancel(id, "不做了")), HttpStatus.FORBIDDEN);
		assertField(() -> f.as("district", () -> tasks.cancel(id, null)), "reason", "plan.task.reason.required");
		Task cancelled = f.as("district", () -> tasks.cancel(id, "工作调整"));

		assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
		assertThat(cancelled.cancelReason()).isEqualTo("工作调整");
		assertStatus(() -> f.as("district", () -> tasks.cancel(id, "再取消")), HttpStatus.CONFLICT);
		assertStatus(() -> f.as("communityA", () -> tasks.start(id)), HttpStatus.CONFLICT);
	}

	@Test
	void addingAndCancellingTasksOfAPublishedPlanAreKeptAsRevisions() {
		long planId = jdbc.sql("select plan_id from plan_section where id = ?").param(districtSection)
			.query(Long.class).single();
		List<String> before = revisionSummaries(planId);

		long id = create("district", task(districtSection, f.communityA, inAMonth));
		String title = f.as("district", () -> tasks.get(id)).title();
		f.as("district", () -> tasks.cancel(id, "工作调整"));

		List<String> after = revisionSummaries(planId);
		assertThat(after.subList(before.size(), after.size()))
			.containsExactly("新增任务：" + title, "取消任务：" + title + "（工作调整）");
		assertThat(jdbc.sql("select snapshot from plan_revision where plan_id = ? order by number desc limit 1")
			.param(planId).query(String.class).single()).contains(title);
	}

	private List<String> revisionSummaries(long planId) {
		return jdbc.sql("select summary from plan_revision where plan_id = ? order by number").param(planId)
			.query(String.class).list();
	}

	@Test
	void archivedPlanTakesNoNewTasks() {
		long archived = f.section(f.district, "ARCHIVED");

		assertStatus(() -> create("district", task(archived, f.communityA, inAMonth)), HttpStatus.CONFLICT);
	}

	@Test
	void workbenchCountsWhatWaitsForTheCallersOwnOrgs() {
		long open = create("district", task(districtSection, f.communityA, inAMonth));
		long reported = create("district", task(districtSection, f.communityA, inAMonth));
		f.as("communityA", () -> tasks.start(reported));
		report(reported);

		Tasks.TodoCounts community = f.as("communityA", () -> tasks.todoCounts());
		Tasks.TodoCounts district = f.as("district", () -> tasks.todoCounts());

		assertThat(community.tasksOpen()).isEqualTo(1);
		assertThat(community.tasksToAccept()).isZero();
		assertThat(district.tasksOpen()).as("the district owns none itself").isZero();
		assertThat(district.tasksToAccept()).isEqualTo(1);
		assertThat(f.as("communityA", () -> tasks.ownedByMyOrgs())).extracting(Task::id)
			.containsExactlyInAnyOrder(open, reported);
	}

	@Test
	void onlyOneOfManyConcurrentAcceptsWins() throws Exception {
		long id = create("district", task(districtSection, f.communityA, inAMonth));
		f.as("communityA", () -> tasks.start(id));
		report(id);
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			results.add(pool.submit(() -> {
				start.await();
				try {
					f.as("district", () -> tasks.accept(id));
					return true;
				}
				catch (DomainException | OptimisticLockingFailureException ex) {
					return false;
				}
			}));
		}
		start.countDown();
		int won = 0;
		for (Future<Boolean> result : results) {
			won += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
		}
		pool.shutdown();

		assertThat(won).isEqualTo(1);
		assertThat(f.jdbc.sql("select count(*) from plan_task_report where task_id = ? and decision = 'ACCEPTED'")
			.param(id).query(Long.class).single()).isEqualTo(1);
		assertThat(f.jdbc.sql("select count(*) from audit_log where entity_type = 'plan_task' and entity_id = ? and action = 'ACCEPT'")
			.param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private long create(String user, TaskCommand command) {
		return f.as(user, () -> tasks.create(command));
	}

	private Task report(long id, EvidenceUpload... files) {
		return f.as("communityA", () -> tasks.report(id, "已完成", List.of(files)));
	}

	private static void assertField(Runnable call, String field, String code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.code()).isEqualTo(code);
			assertThat(ex.field()).isEqualTo(field);
		});
	}

	private static void assertStatus(Runnable call, HttpStatus status) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.status()).isEqualTo(status));
	}

}
