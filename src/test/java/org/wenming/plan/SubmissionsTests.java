package org.wenming.plan;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wenming.plan.TaskFixture.task;

/**
 * Distribution (下发) of a district's task to the orgs below it, their submissions (报送), the
 * district's review with scores, and reminders (催报) to those who have not submitted.
 */
@SpringBootTest
class SubmissionsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Tasks tasks;

	@Autowired
	Submissions submissions;

	@Autowired
	Clock clock;

	TaskFixture f;

	LocalDate deadline;

	long task;

	@BeforeEach
	void districtTask() {
		f = TaskFixture.create(context);
		deadline = LocalDate.now(clock).plusMonths(2);
		long section = f.section(f.district);
		task = f.as("district", () -> tasks.create(new TaskCommand(section, "上交一篇学习型社区建设经验", "年底前报送",
				f.district.id(), null, null, deadline, null, null, null)));
	}

	@Test
	void distributesToEveryOpenOrgDirectlyBelowTheDistrictOnce() {
		SubmissionBoard board = f.as("district", () -> submissions.distribute(task, null));

		assertThat(board.rows()).extracting(SubmissionBoard.Row::orgId)
			.containsExactlyInAnyOrder(f.street1.id(), f.street2.id());
		assertThat(board.rows()).allSatisfy(row -> assertThat(row.status()).isEqualTo(SubmissionStatus.PENDING));
		assertThat(board.rows()).extracting(SubmissionBoard.Row::orgName).contains(f.street1.name());
		assertThat(board.total()).isEqualTo(2);
		long street1 = board.rows().stream().filter(r -> r.orgId() == f.street1.id()).findFirst().orElseThrow()
			.submissionId();
		assertThat(f.as("street1", () -> submissions.get(street1)).deadline()).isEqualTo(deadline);
		assertThat(f.as("district", () -> tasks.get(task)).status()).isEqualTo(TaskStatus.IN_PROGRESS);
		assertThat(f.notificationsOf("street1")).containsExactly("新的报送任务：上交一篇学习型社区建设经验");
		assertThat(f.notificationsOf("communityA")).as("only the orgs it went to").isEmpty();

		SubmissionBoard again = f.as("district", () -> submissions.distribute(task, null));

		assertThat(again.total()).isEqualTo(2);
		assertThat(f.notificationsOf("street1")).hasSize(1);
		assertThat(f.jdbc.sql("select count(*) from audit_log where entity_type = 'plan_task' and entity_id = ? and action = 'DISTRIBUTE'")
			.param(String.valueOf(task)).query(Long.class).single()).isEqualTo(2);
	}

	@Test
	void distributesToChosenOrgsAnywhereBelowTheDistrict() {
		SubmissionBoard board = f.as("district",
				() -> submissions.distribute(task, List.of(f.communityA.id(), f.communityC.id())));

		assertThat(board.rows()).extracting(SubmissionBoard.Row::orgId)
			.containsExactlyInAnyOrder(f.communityA.id(), f.communityC.id());
		assertField(() -> f.as("district", () -> submissions.distribute(task, List.of(f.communityD.id()))), "orgIds",
				"plan.distribution.orgInvalid");
		assertField(() -> f.as("district", () -> submissions.distribute(task, List.of(f.closedStreet.id()))), "orgIds",
				"plan.distribution.orgInvalid");
		assertField(() -> f.as("district", () -> submissions.distribute(task, List.of(f.district.id()))), "orgIds",
				"plan.distribution.orgInvalid");
	}

	@Test
	void communityPlanIsNotDistributed() {
		long section = f.section(f.communityA);
		long own = f.as("communityA", () -> tasks.create(task(section, f.communityA, deadline)));

		assertThatThrownBy(() -> f.as("communityA", () -> submissions.distribute(own, null)))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("plan.distribution.orgLevel"));
	}

	@Test
	void onlyThePlansOrgDistributesRemindsAndReviews() {
		assertStatus(() -> f.as("street1", () -> submissions.distribute(task, null)), HttpStatus.NOT_FOUND);
		long id = distribute(f.street1.id()).rows().get(0).submissionId();
		f.as("street1", () -> submissions.submit(id, "经验材料", List.of()));

		assertStatus(() -> f.as("street1", () -> submissions.remind(task)), HttpStatus.FORBIDDEN);
		assertStatus(() -> f.as("street1", () -> submissions.review(id, BigDecimal.TEN, null, ReviewDecision.ACCEPT)),
				HttpStatus.FORBIDDEN);
		assertStatus(() -> f.as("street2", () -> submissions.get(id)), HttpStatus.NOT_FOUND);
		assertStatus(() -> f.as("communityD", () -> submissions.board(task)), HttpStatus.NOT_FOUND);
		assertThat(f.as("inspector", () -> submissions.board(task)).total()).isEqualTo(1);
	}

	@Test
	void childSubmitsAndTheDistrictScoresItsSubmission() {
		SubmissionBoard board = distribute(f.street1.id(), f.street2.id());
		long first = board.rows().get(0).submissionId();
		long second = board.rows().get(1).submissionId();

		assertStatus(() -> f.as("street2", () -> submissions.submit(first, "不是我的", List.of())), HttpStatus.NOT_FOUND);
		assertField(() -> f.as("street1", () -> submissions.submit(first, "", List.of())), "text",
				"plan.submission.text.required");
		assertStatus(() -> f.as("district", () -> submissions.review(first, BigDecimal.TEN, null, ReviewDecision.ACCEPT)),
				HttpStatus.CONFLICT);
		Submission submitted = f.as("street1", () -> submissions.submit(first, "我街道的学习型社区建设经验……",
				List.of(new EvidenceUpload("经验.pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)))));

		assertThat(submitted.status()).isEqualTo(SubmissionStatus.SUBMITTED);
		assertThat(submitted.submittedBy()).isEqualTo(f.user("street1"));
		assertThat(submitted.evidence()).singleElement().extracting(Evidence::contentType).isEqualTo("application/pdf");
		assertField(() -> f.as("district", () -> submissions.review(first, null, null, ReviewDecision.ACCEPT)), "score",
				"plan.submission.score.required");
		assertField(() -> f.as("district", () -> submissions.review(first, new BigDecimal("100.5"), null,
				ReviewDecision.ACCEPT)), "score", "plan.submission.score.range");

		Submission accepted = f.as("district",
				() -> submissions.review(first, new BigDecimal("92.5"), "材料翔实", ReviewDecision.ACCEPT));

		assertThat(accepted.status()).isEqualTo(SubmissionStatus.ACCEPTED);
		assertThat(accepted.score()).isEqualByComparingTo("92.5");
		assertThat(accepted.review()).isEqualTo("材料翔实");
		assertThat(f.as("district", () -> tasks.get(task)).progress()).as("one of two taken").isEqualTo(50);
		SubmissionBoard after = f.as("district", () -> submissions.board(task));
		assertThat(after.submitted()).isEqualTo(1);
		assertThat(after.accepted()).isEqualTo(1);
		assertThat(after.rows()).filteredOn(row -> row.submissionId() == first).singleElement().satisfies(row -> {
			assertThat(row.score()).isEqualByComparingTo("92.5");
			assertThat(row.submittedAt()).isNotNull();
		});
		assertThat(f.as("street2", () -> submissions.dueFromMyOrgs())).extracting(Submission::id).containsExactly(second);
	}

	@Test
	void returnedSubmissionNeedsACommentAndIsSubmittedAgain() {
		long id = distribute(f.street2.id()).rows().get(0).submissionId();
		f.as("street2", () -> submissions.submit(id, "初稿", List.of()));

		assertField(() -> f.as("district", () -> submissions.review(id, null, " ", ReviewDecision.RETURN)), "comment",
				"plan.submission.comment.required");
		Submission returned = f.as("district", () -> submissions.review(id, null, "请补充活动照片", ReviewDecision.RETURN));

		assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
		assertThat(f.notificationsOf("street2")).contains("报送被退回：上交一篇学习型社区建设经验");
		assertThat(f.as("street2", () -> submissions.submit(id, "修改稿", List.of())).status())
			.isEqualTo(SubmissionStatus.SUBMITTED);
		assertThat(f.as("district", () -> tasks.get(task)).progress()).isZero();
	}

	@Test
	void remindTellsOnlyTheOrgsThatHaveNotSubmitted() {
		SubmissionBoard board = distribute(f.street1.id(), f.street2.id(), f.communityA.id());
		long street1 = board.rows().stream().filter(r -> r.orgId() == f.street1.id()).findFirst().orElseThrow()
			.submissionId();
		f.as("street1", () -> submissions.submit(street1, "已报送", List.of()));

		int reminded = f.as("district", () -> submissions.remind(task));

		assertThat(reminded).isEqualTo(2);
		assertThat(reminders("street1")).isEmpty();
		assertThat(reminders("street2")).containsExactly("催报：上交一篇学习型社区建设经验");
		assertThat(reminders("communityA")).containsExactly("催报：上交一篇学习型社区建设经验");
		assertThat(reminders("district")).as("the sender is above them all, but not reminded").isEmpty();
		SubmissionBoard after = f.as("district", () -> submissions.board(task));
		assertThat(after.rows()).allSatisfy(row -> assertThat(row.reminders())
			.isEqualTo(row.orgId() == f.street1.id() ? 0 : 1));
		assertThat(f.jdbc.sql("select count(*) from audit_log where entity_type = 'plan_task' and entity_id = ? and action = 'REMIND'")
			.param(String.valueOf(task)).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void cancelledTaskTakesNoMoreSubmissions() {
		long id = distribute(f.street1.id()).rows().get(0).submissionId();
		f.as("district", () -> tasks.cancel(task, "上级取消"));

		assertStatus(() -> f.as("street1", () -> submissions.submit(id, "迟到的材料", List.of())), HttpStatus.CONFLICT);
		assertStatus(() -> f.as("district", () -> submissions.distribute(task, null)), HttpStatus.CONFLICT);
		assertThat(f.as("street1", () -> submissions.dueFromMyOrgs())).isEmpty();
	}

	@Test
	void concurrentDistributionsGiveEachOrgOneSubmission() throws Exception {
		int threads = 8;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> results = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return f.as("district", () -> submissions.distribute(task, null));
			}));
		}
		start.countDown();
		for (Future<?> result : results) {
			result.get(30, TimeUnit.SECONDS);
		}
		pool.shutdown();

		assertThat(f.jdbc.sql("select count(*) from plan_submission where task_id = ?").param(task).query(Long.class)
			.single()).isEqualTo(2);
		assertThat(f.notificationsOf("street1")).hasSize(1);
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private SubmissionBoard distribute(Long... orgIds) {
		return f.as("district", () -> submissions.distribute(task, List.of(orgIds)));
	}

	private List<String> reminders(String user) {
		return f.notificationsOf(user).stream().filter(title -> title.startsWith("催报")).toList();
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
