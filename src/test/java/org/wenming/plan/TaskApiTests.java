package org.wenming.plan;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The task and submission API end to end: JSON and multipart in, JSON out, every refusal a problem
 * document in Chinese.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TaskApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	Clock clock;

	TaskFixture f;

	long section;

	LocalDate deadline;

	@BeforeEach
	void tree() {
		f = TaskFixture.create(context);
		section = f.section(f.district);
		deadline = LocalDate.now(clock).plusMonths(3);
	}

	@Test
	void createsATaskAndAnswersItWithItsLocation() throws Exception {
		Map<String, Object> body = newTask(f.communityA.id());
		body.put("cooperatingOrgIds", List.of(f.communityB.id()));
		body.put("priority", "HIGH");

		long id = json(mvc.perform(as("district", post("/api/v1/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", startsWith("/api/v1/tasks/")))
			.andExpect(jsonPath("$.title").value("开展道德讲堂活动"))
			.andExpect(jsonPath("$.status").value("NOT_STARTED"))
			.andExpect(jsonPath("$.deadline").value(deadline.toString()))
			.andExpect(jsonPath("$.cooperatingOrgIds[0]").value(f.communityB.id()))).get("id").asLong();

		mvc.perform(as("communityA", get("/api/v1/tasks/" + id)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.task.id").value(id))
			.andExpect(jsonPath("$.task.priority").value("HIGH"))
			.andExpect(jsonPath("$.reports").isEmpty());
	}

	@Test
	void badTaskIsAProblemDocumentWithTheFieldInChinese() throws Exception {
		Map<String, Object> body = newTask(f.communityA.id());
		body.put("weight", -1);

		mvc.perform(as("district", post("/api/v1/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("权重须大于 0，且不超过 9999.99。"))
			.andExpect(jsonPath("$.errors[0].field").value("weight"));
		body.put("weight", 1);
		body.put("recurrence", "EVERY_DAY");
		mvc.perform(as("district", post("/api/v1/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(body)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail", containsString("类型")));
	}

	@Test
	void ownerReportsWithPhotosAndThePlansOrgAcceptsOverTheApi() throws Exception {
		long id = created(f.communityA.id());

		mvc.perform(as("communityA", multipart("/api/v1/tasks/" + id + "/reports")).param("text", "已完成"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("只有进行中或已逾期的任务才能提交完成报告。"));
		mvc.perform(as("communityA", post("/api/v1/tasks/" + id + "/start"))).andExpect(jsonPath("$.status").value("IN_PROGRESS"));
		mvc.perform(as("communityA", post("/api/v1/tasks/" + id + "/progress")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"progress\": 80}")).andExpect(jsonPath("$.progress").value(80));
		mvc.perform(as("communityA", multipart("/api/v1/tasks/" + id + "/reports")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("请填写完成情况。"));
		mvc.perform(as("communityA", multipart("/api/v1/tasks/" + id + "/reports")
			.file(new MockMultipartFile("files", "讲堂.exe", "image/jpeg", "MZ".getBytes(StandardCharsets.US_ASCII))))
			.param("text", "已完成"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("files"));

		mvc.perform(as("communityA", multipart("/api/v1/tasks/" + id + "/reports")
			.file(new MockMultipartFile("files", "讲堂1.jpg", "image/jpeg", JPEG))
			.file(new MockMultipartFile("files", "讲堂2.jpg", "application/octet-stream", JPEG)))
			.param("text", "举办道德讲堂 4 场，参加群众 300 余人次"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"));
		mvc.perform(as("communityA", post("/api/v1/tasks/" + id + "/accept"))).andExpect(status().isForbidden());
		JsonNode details = json(mvc.perform(as("district", get("/api/v1/tasks/" + id)))
			.andExpect(jsonPath("$.reports[0].evidence.length()").value(2))
			.andExpect(jsonPath("$.reports[0].evidence[0].contentType").value("image/jpeg")));
		long evidence = details.get("reports").get(0).get("evidence").get(0).get("id").asLong();
		mvc.perform(as("district", get("/api/v1/tasks/" + id + "/evidence/" + evidence)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("image/jpeg"))
			.andExpect(header().string("Content-Disposition", startsWith("attachment")))
			.andExpect(content().bytes(JPEG));

		mvc.perform(as("district", post("/api/v1/tasks/" + id + "/accept")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.progress").value(100));
	}

	@Test
	void plansOrgSendsBackAndCancelsWithAReason() throws Exception {
		long id = created(f.communityA.id());
		mvc.perform(as("communityA", post("/api/v1/tasks/" + id + "/start")));
		mvc.perform(as("communityA", multipart("/api/v1/tasks/" + id + "/reports")).param("text", "已完成"));

		mvc.perform(as("district", post("/api/v1/tasks/" + id + "/send-back")).contentType(MediaType.APPLICATION_JSON)
			.content("{}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value("请填写原因。"));
		mvc.perform(as("district", post("/api/v1/tasks/" + id + "/send-back")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"缺少照片\"}"))
			.andExpect(jsonPath("$.status").value("IN_PROGRESS"))
			.andExpect(jsonPath("$.returnReason").value("缺少照片"));
		mvc.perform(as("district", post("/api/v1/tasks/" + id + "/cancel")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"reason\": \"工作调整\"}"))
			.andExpect(jsonPath("$.status").value("CANCELLED"))
			.andExpect(jsonPath("$.cancelReason").value("工作调整"));
	}

	@Test
	void anotherCommunitysUnitAdminGetsNotFound() throws Exception {
		long id = created(f.communityA.id());

		mvc.perform(as("communityB", get("/api/v1/tasks/" + id)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("未找到")));
		mvc.perform(as("communityD", post("/api/v1/tasks/" + id + "/start"))).andExpect(status().isNotFound());
		mvc.perform(as("communityB", get("/api/v1/tasks/" + id + "/board"))).andExpect(status().isNotFound());
	}

	@Test
	void districtDistributesChildrenSubmitAndItReviewsOverTheApi() throws Exception {
		long id = created(f.district.id());

		JsonNode board = json(mvc.perform(as("district", post("/api/v1/tasks/" + id + "/distribute")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.total").value(2)));
		long street1 = submissionOf(board, f.street1.id());
		mvc.perform(as("street1", get("/api/v1/submissions/" + street1)))
			.andExpect(jsonPath("$.taskTitle").value("开展道德讲堂活动"))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.orgName").value(f.street1.name()));
		mvc.perform(as("street1", multipart("/api/v1/submissions/" + street1 + "/submit")
			.file(new MockMultipartFile("files", "经验.jpg", "image/jpeg", JPEG)))
			.param("text", "经验材料"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("SUBMITTED"))
			.andExpect(jsonPath("$.evidence[0].filename").value("经验.jpg"));

		mvc.perform(as("district", post("/api/v1/tasks/" + id + "/remind")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.reminded").value(1));
		mvc.perform(as("district", post("/api/v1/submissions/" + street1 + "/review"))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"decision\": \"ACCEPT\", \"score\": 95, \"comment\": \"很好\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.score").value(95.0));
		mvc.perform(as("inspector", get("/api/v1/tasks/" + id + "/board")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accepted").value(1))
			.andExpect(jsonPath("$.rows[?(@.orgId == " + f.street2.id() + ")].reminders").value(1));
		mvc.perform(as("street2", get("/api/v1/tasks?assignedTo=mine")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.submissions.length()").value(1))
			.andExpect(jsonPath("$.submissions[0].orgId").value(f.street2.id()))
			.andExpect(jsonPath("$.tasks").isEmpty());
	}

	@Test
	void listNeedsAFilter() throws Exception {
		long id = created(f.communityA.id());

		mvc.perform(as("district", get("/api/v1/tasks")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail", containsString("assignedTo=mine")));
		mvc.perform(as("communityA", get("/api/v1/tasks").param("assignedTo", "mine")))
			.andExpect(jsonPath("$.tasks[0].id").value(id));
		long plan = f.jdbc.sql("select plan_id from plan_task where id = ?").param(id).query(Long.class).single();
		mvc.perform(as("district", get("/api/v1/tasks").param("planId", String.valueOf(plan))))
			.andExpect(jsonPath("$.length()").value(1));
		mvc.perform(as("communityA", get("/api/v1/tasks").param("planId", String.valueOf(plan))))
			.andExpect(status().isNotFound());
	}

	@Test
	void workbenchShowsWhatWaitsForTheUnit() throws Exception {
		created(f.communityA.id());

		mvc.perform(get("/").with(user(f.principal("communityA"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("1 项任务待完成")));
	}

	// ---- helpers ---------------------------------------------------------------------------------

	private Map<String, Object> newTask(long ownerOrgId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("sectionId", section);
		body.put("title", "开展道德讲堂活动");
		body.put("description", "每季度至少一次");
		body.put("ownerOrgId", ownerOrgId);
		body.put("leader", "张副主任");
		body.put("deadline", deadline.toString());
		return body;
	}

	private long created(long ownerOrgId) throws Exception {
		return json(mvc.perform(as("district", post("/api/v1/tasks")).contentType(MediaType.APPLICATION_JSON)
			.content(JSON.writeValueAsString(newTask(ownerOrgId)))).andExpect(status().isCreated())).get("id").asLong();
	}

	private static long submissionOf(JsonNode board, long orgId) {
		for (JsonNode row : board.get("rows")) {
			if (row.get("orgId").asLong() == orgId) {
				return row.get("submissionId").asLong();
			}
		}
		throw new AssertionError("no submission of org " + orgId + " in " + board);
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> B as(String name, B request) {
		request.with(user(f.principal(name))).with(csrf()).header("Accept", "application/json");
		return request;
	}

	private static JsonNode json(ResultActions result) throws Exception {
		return JSON.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

}
