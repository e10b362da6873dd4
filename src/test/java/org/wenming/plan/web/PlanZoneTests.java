package org.wenming.plan.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wenming.plan.PlanManagement;
import org.wenming.plan.TaskCommand;
import org.wenming.plan.TaskFixture;
import org.wenming.plan.Tasks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A plan's revisions and a task's reports show when they happened in Beijing time: stored at 01:03
 * and 01:04 UTC, shown as 09:03 and 09:04, whatever the JVM's zone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanZoneTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	PlanManagement plans;

	@Autowired
	Tasks tasks;

	@Test
	void revisionsAndReportsShowBeijingTime() throws Exception {
		TaskFixture f = TaskFixture.create(context);
		LocalDate day = LocalDate.now(BEIJING).minusDays(1);

		long plan = f.as("district", () -> plans.create(f.street1.id(), LocalDate.now(clock).getYear(), "时区计划" + f.user(""))).id();
		// A revision written at 01:03 UTC (revisions are kept for published plans' changes).
		f.jdbc.sql("""
				insert into plan_revision (plan_id, number, changed_by, changed_at, summary, snapshot)
				values (?, 1, 'test', ?, '修改标题', '')""")
			.params(plan, day.atTime(1, 3).atOffset(ZoneOffset.UTC))
			.update();
		String revisions = page("/plans/" + plan + "/revisions", f, "district");
		assertThat(revisions).contains(day + " 09:03").doesNotContain(day + " 01:03");

		long section = f.section(f.district);
		long task = f.as("district", () -> tasks.create(new TaskCommand(section, "开展道德讲堂活动", "说明", f.communityA.id(),
				List.of(), "张副主任", LocalDate.now(clock).plusMonths(1), null, null, null)));
		f.as("communityA", () -> {
			tasks.start(task);
			tasks.report(task, "已完成", List.of());
		});
		f.jdbc.sql("update plan_task_report set reported_at = ? where task_id = ?")
			.params(day.atTime(1, 4).atOffset(ZoneOffset.UTC), task)
			.update();
		String report = page("/tasks/" + task, f, "district");
		assertThat(report).contains(day + " 09:04").doesNotContain(day + " 01:04");
	}

	private String page(String path, TaskFixture f, String who) throws Exception {
		return mvc.perform(get(path).with(user(f.principal(who))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
