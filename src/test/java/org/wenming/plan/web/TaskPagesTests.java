package org.wenming.plan.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Org;
import org.wenming.plan.SubmissionBoard;
import org.wenming.plan.Submissions;
import org.wenming.plan.TaskCommand;
import org.wenming.plan.TaskFixture;
import org.wenming.plan.TaskStatus;
import org.wenming.plan.Tasks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The task pages end to end: the board, a task's forms from start to acceptance, distribution with
 * a child's submission and its review, scope, and both languages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TaskPagesTests {

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=",
			Pattern.CASE_INSENSITIVE);

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	@Autowired
	Tasks tasks;

	@Autowired
	Submissions submissions;

	TaskFixture f;

	long section;

	LocalDate today;

	@BeforeEach
	void tree() {
		f = TaskFixture.create(context);
		section = f.section(f.district);
		today = LocalDate.now(clock);
	}

	@Test
	void boardShowsOverdueTasksFirst() throws Exception {
		long soon = created("早到期的任务", f.communityA, today.plusDays(10));
		long late = created("已逾期的任务", f.communityA, today.plusDays(20));
		f.jdbc.sql("update plan_task set status = 'OVERDUE', overdue_since = ? where id = ?").params(today, late).update();

		String html = page(as("district", get("/tasks").param("ownerOrgId", String.valueOf(f.communityA.id()))));

		assertThat(html).contains("已逾期").contains("未开始");
		assertThat(html.indexOf("/tasks/" + late + "\"")).isPositive().isLessThan(html.indexOf("/tasks/" + soon + "\""));
	}

	@Test
	void reportWithAFileThenAcceptMovesTheTaskToDone() throws Exception {
		long id = created("开展道德讲堂活动", f.communityA, today.plusMonths(1));

		mvc.perform(as("communityA", post("/tasks/" + id + "/start"))).andExpect(redirectedUrl("/tasks/" + id));
		mvc.perform(as("communityA", multipart("/tasks/" + id + "/reports")
			.file(new MockMultipartFile("files", "现场.jpg", "image/jpeg", JPEG))).param("text", "已于本月开展"))
			.andExpect(redirectedUrl("/tasks/" + id));
		assertThat(page(as("district", get("/tasks/" + id)))).contains("待验收").contains("现场.jpg").contains("/evidence/");

		mvc.perform(as("district", post("/tasks/" + id + "/accept"))).andExpect(redirectedUrl("/tasks/" + id));

		assertThat(f.as("district", () -> tasks.get(id)).status()).isEqualTo(TaskStatus.DONE);
		assertThat(page(as("district", get("/tasks/" + id)))).contains("已完成");
	}

	@Test
	void sendingBackNeedsAReasonShownOnTheField() throws Exception {
		long id = reported();

		mvc.perform(as("district", post("/tasks/" + id + "/send-back")).param("reason", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("data-field=\"reason\"")))
			.andExpect(content().string(containsString("请填写原因。")));
		mvc.perform(as("district", post("/tasks/" + id + "/send-back")).param("reason", "照片不清晰"))
			.andExpect(redirectedUrl("/tasks/" + id));

		assertThat(f.as("district", () -> tasks.get(id)).status()).isEqualTo(TaskStatus.IN_PROGRESS);
	}

	@Test
	void childSubmitsAndThePlansOrgReviews() throws Exception {
		long id = created("报送文明创建台账", f.district, today.plusMonths(1));
		mvc.perform(as("district", post("/tasks/" + id + "/distribute")).param("orgIds",
				String.valueOf(f.street1.id()), String.valueOf(f.street2.id())))
			.andExpect(redirectedUrl("/tasks/" + id));
		long submission = submissionOf(id, f.street1);

		mvc.perform(as("street1", multipart("/submissions/" + submission + "/submit")
			.file(new MockMultipartFile("files", "台账.pdf", "application/pdf", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII))))
			.param("text", "台账已整理"))
			.andExpect(redirectedUrl("/submissions/" + submission));
		assertThat(page(as("district", get("/tasks/" + id)))).contains("已提交").contains("催报");

		mvc.perform(as("district", post("/submissions/" + submission + "/review")).param("score", "92")
			.param("comment", "很好").param("decision", "ACCEPT"))
			.andExpect(redirectedUrl("/tasks/" + id));
		mvc.perform(as("district", post("/tasks/" + id + "/remind"))).andExpect(redirectedUrl("/tasks/" + id));

		assertThat(page(as("street1", get("/submissions/" + submission)))).contains("已采纳").contains("92").contains("台账.pdf");
	}

	@Test
	void offersOnlyTheFormsTheCallerMayUse() throws Exception {
		long id = created("开展道德讲堂活动", f.communityA, today.plusMonths(1));

		assertThat(page(as("communityA", get("/tasks/" + id)))).contains("id=\"progress-form\"").doesNotContain("id=\"cancel-form\"")
			.contains("id=\"start\"");
		assertThat(page(as("district", get("/tasks/" + id)))).contains("id=\"cancel-form\"");
	}

	@Test
	void aTaskNamesItsOrgsAndItsReporterNeverByNumber() throws Exception {
		long id = f.as("district", () -> tasks.create(new TaskCommand(section, "共建文明街区", "说明", f.communityA.id(),
				List.of(f.communityB.id()), null, today.plusMonths(1), null, null, null)));
		f.as("communityA", () -> tasks.start(id));
		f.as("communityA", () -> tasks.report(id, "已完成", List.of()));

		String html = page(as("communityA", get("/tasks/" + id)));
		assertThat(html).as("a fellow community outside the caller's scope, by name")
			.contains(f.communityB.name())
			.contains(f.communityA.name())
			.contains("测试communityA")
			.doesNotContain("anonymous")
			.doesNotContain(">" + f.communityB.id() + "<");
	}

	@Test
	void anotherCommunitysAdminFindsNothing() throws Exception {
		long id = created("开展道德讲堂活动", f.communityA, today.plusMonths(1));

		mvc.perform(as("communityD", get("/tasks/" + id))).andExpect(status().isNotFound());
		mvc.perform(as("communityD", post("/tasks/" + id + "/start"))).andExpect(status().isNotFound());
		assertThat(page(as("communityD", get("/tasks")))).doesNotContain("/tasks/" + id + "\"");
	}

	@Test
	void pagesRenderInBothLanguagesWithoutInlineScript() throws Exception {
		long id = created("报送文明创建台账", f.district, today.plusMonths(1));
		f.as("district", () -> submissions.distribute(id, List.of(f.street1.id())));
		long submission = submissionOf(id, f.street1);
		long owned = created("开展道德讲堂活动", f.communityA, today.plusMonths(1));

		for (String lang : List.of("zh_CN", "en")) {
			for (String[] visit : List.of(new String[] { "district", "/tasks" },
					new String[] { "district", "/tasks/" + id }, new String[] { "communityA", "/tasks/" + owned },
					new String[] { "street1", "/submissions/" + submission }, new String[] { "street1", "/assignments" },
					new String[] { "communityA", "/assignments" })) {
				String html = page(as(visit[0], get(visit[1]).param("lang", lang)));
				assertThat(html).as(visit[1] + " " + lang).doesNotContain("??").contains("</html>");
				assertThat(INLINE_SCRIPT.matcher(html).find()).as(visit[1] + " has inline script").isFalse();
			}
		}
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private long created(String title, Org owner, LocalDate deadline) {
		return f.as("district", () -> tasks.create(new TaskCommand(section, title, "说明", owner.id(), List.of(), "张副主任",
				deadline, null, null, null)));
	}

	private long reported() {
		long id = created("开展道德讲堂活动", f.communityA, today.plusMonths(1));
		f.as("communityA", () -> {
			tasks.start(id);
			tasks.report(id, "已完成", List.of());
		});
		return id;
	}

	private long submissionOf(long taskId, Org org) {
		SubmissionBoard board = f.as("district", () -> submissions.board(taskId));
		return board.rows().stream().filter(row -> row.orgId() == org.id()).findFirst().orElseThrow().submissionId();
	}

	private String page(AbstractMockHttpServletRequestBuilder<?> request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String name, B request) {
		request.with(user(f.principal(name))).with(csrf());
		return request;
	}

}
