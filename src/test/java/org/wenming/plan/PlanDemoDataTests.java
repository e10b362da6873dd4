package org.wenming.plan;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.DemoCity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo plans of 示范市: the seven seed plans on their orgs, tasks in every state, a task
 * distributed to the communities with submissions. The database is shared with the other test
 * classes, so everything is counted on the demo orgs only.
 */
@SpringBootTest
@ActiveProfiles("demo")
class PlanDemoDataTests {

	private static final List<String> PLAN_ORGS = List.of("和平社区", "示范市地方税务局", "示范市水利局", "示范市财政局", "红星村",
			"和平社区学校", "文明社区");

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private DemoCity city;

	@BeforeEach
	void demoPlans() throws Exception {
		city = DemoCity.ensure(context);
		// Seeded at start; again here in case the demo city arrived only now. It does nothing twice.
		context.getBean("planDemoData", ApplicationRunner.class).run(new DefaultApplicationArguments());
	}

	@Test
	void theSevenSeedPlansAreOnTheirOrgsForThisYear() {
		for (int i = 0; i < PLAN_ORGS.size(); i++) {
			long org = city.org(PLAN_ORGS.get(i));
			assertThat(jdbc.sql("select count(*) from plan where org_id = ? and title = ? and year = ?")
				.params(org, "市精神文明工作计划篇" + (i + 1), PlanFixture.thisYear())
				.query(Long.class)
				.single()).as(PLAN_ORGS.get(i)).isEqualTo(1);
		}
		assertThat(countOnDemoPlans("select count(*) from plan p where %s and p.status = 'PUBLISHED'"))
			.isGreaterThanOrEqualTo(6);
	}

	@Test
	void seedingTwiceAddsNothing() throws Exception {
		long plans = countOnDemoPlans("select count(*) from plan p where %s");
		long tasks = countOnDemoPlans("select count(*) from plan_task t join plan p on p.id = t.plan_id where %s");
		context.getBean("planDemoData", ApplicationRunner.class).run(new DefaultApplicationArguments());
		assertThat(countOnDemoPlans("select count(*) from plan p where %s")).isEqualTo(plans);
		assertThat(countOnDemoPlans("select count(*) from plan_task t join plan p on p.id = t.plan_id where %s"))
			.isEqualTo(tasks);
	}

	/**
	 * Other test classes of the JVM run the overdue job with clocks of their own on the shared
	 * database, so a demo task in progress or not started may since have become overdue: those states
	 * are recognised by their progress, and a send-back by its report.
	 */
	@Test
	void tasksAreInEveryState() {
		for (String status : List.of("DONE", "OVERDUE")) {
			assertThat(countOnDemoPlans(
					"select count(*) from plan_task t join plan p on p.id = t.plan_id where %s and t.status = '" + status + "'"))
				.as(status)
				.isPositive();
		}
		assertThat(countOnDemoPlans("""
				select count(*) from plan_task t join plan p on p.id = t.plan_id
				where %s and t.status in ('IN_PROGRESS', 'OVERDUE') and t.progress between 1 and 99""")).as("in progress")
			.isPositive();
		assertThat(countOnDemoPlans("""
				select count(*) from plan_task t join plan p on p.id = t.plan_id
				where %s and t.status in ('NOT_STARTED', 'OVERDUE') and t.progress = 0""")).as("not started")
			.isPositive();
		assertThat(countOnDemoPlans("""
				select count(*) from plan_task t join plan p on p.id = t.plan_id
				where %s and t.return_reason is not null and exists (select 1 from plan_task_report r
				  where r.task_id = t.id and r.decision = 'RETURNED')""")).as("sent back").isPositive();
		assertThat(countOnDemoPlans("""
				select count(*) from plan_task t join plan p on p.id = t.plan_id
				where %s and cardinality(t.cooperating_org_ids) > 0""")).as("with cooperating orgs").isPositive();
	}

	@Test
	void aCityTaskIsDistributedToTheCommunitiesWithSubmissions() {
		long task = jdbc.sql("""
				select t.id from plan_task t join plan p on p.id = t.plan_id where p.org_id = ? and t.title = ?""")
			.params(city.org("示范市"), "各社区年底上交一篇学习型社区建设经验")
			.query(Long.class)
			.single();
		List<String> statuses = jdbc.sql("select status from plan_submission where task_id = ? order by id")
			.param(task)
			.query(String.class)
			.list();
		assertThat(statuses).hasSize(4);
		assertThat(jdbc.sql("select count(*) from plan_submission where task_id = ? and submitted_at is not null")
			.param(task)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select count(*) from plan_submission where task_id = ? and reviewed_at is not null")
			.param(task)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(1);
	}

	/** A count over the plans of the demo city's orgs; {@code %s} is the condition on {@code p}. */
	private long countOnDemoPlans(String sql) {
		return jdbc.sql(sql.formatted("p.org_id in (select id from org where path like ?)"))
			.param("/" + city.org("示范市") + "/%")
			.query(Long.class)
			.single();
	}

}
