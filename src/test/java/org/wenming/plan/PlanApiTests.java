package org.wenming.plan;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.Http.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plans API end to end, as the demo city's unit admin of 和平社区 uses it: preview a document, fix
 * it, import it, edit, publish and compare; bind a target and enter its value; every refusal a Chinese
 * problem document.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlanApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Http http;

	String unit;

	long heping;

	@BeforeAll
	void signIn() {
		DemoCity city = DemoCity.ensure(context);
		http = Http.api(port);
		unit = http.token("unit", DemoCity.PASSWORD);
		heping = city.org("和平社区");
	}

	private JsonNode ok(Response response, int status) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		return response.status() == 204 ? null : response.json();
	}

	private void problem(Response response, int status, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isEqualTo(detail);
	}

	@Test
	void importsAPreviewedAndFixedPlanThenPublishesEditsAndComparesIt() throws Exception {
		JsonNode preview = ok(http.post("/api/v1/plans/preview", unit,
				Http.json(Map.of("text", PlanOutlinesTests.seed()))), 200);
		assertThat(preview.get("plans")).hasSize(7);
		assertThat(preview.get("messages").get(0).asString()).isEqualTo("已略过第一篇计划标题之前的 4 段文字。");
		JsonNode sixth = preview.get("plans").get(5);
		JsonNode rate = sixth.get("sections").get(2).get("children").get(1).get("targets").get(1);
		assertThat(rate.get("metric").asString()).isEqualTo("education.training_rate");
		assertThat(rate.get("metricState").asString()).isEqualTo("AWAITING");
		assertThat(rate.get("value").asString()).isEqualTo("80");

		// the user renames the plan and sends the outline back as the preview gave it
		Map<String, Object> plan = JSON.convertValue(sixth, Map.class);
		plan.put("title", "和平社区2026年社区教育工作计划");
		JsonNode imported = ok(http.post("/api/v1/plans/import", unit,
				Http.json(Map.of("orgId", heping, "year", 2026, "plan", plan))), 201);
		long id = imported.get("plan").get("plan").get("id").asLong();
		assertThat(imported.get("plan").get("plan").get("title").asString()).isEqualTo("和平社区2026年社区教育工作计划");
		assertThat(imported.get("plan").get("plan").get("statusLabel").asString()).isEqualTo("草稿");
		assertThat(imported.get("plan").get("targets")).hasSize(4);
		assertThat(imported.get("plan").get("targets").get(3).get("threshold").asString()).isEqualTo("80");
		assertThat(imported.get("plan").get("targets").get(3).get("statusLabel").asString()).isEqualTo("待接入");

		JsonNode view = ok(http.get("/api/v1/plans/" + id, unit), 200);
		long section = view.get("sections").get(0).get("id").asLong();
		String sectionTitle = view.get("sections").get(0).get("title").asString();
		ok(http.post("/api/v1/plans/" + id + "/publish", unit, null), 200);
		problem(http.post("/api/v1/plans/" + id + "/publish", unit, null), 409, "计划已发布，不能重复发布。");
		ok(http.put("/api/v1/plans/" + id + "/sections/" + section, unit, Http.json(Map.of("title", "建设学习型社区"))),
				204);

		JsonNode revisions = ok(http.get("/api/v1/plans/" + id + "/revisions", unit), 200);
		assertThat(revisions).hasSize(2);
		assertThat(revisions.get(1).get("summary").asString()).endsWith("→ " + view.get("sections").get(0)
			.get("number").asString() + "建设学习型社区");
		JsonNode comparison = ok(http.get("/api/v1/plans/" + id + "/revisions/compare?from=1&to=2", unit), 200);
		assertThat(comparison.get("removed").get(0).asString()).endsWith(sectionTitle);
		assertThat(comparison.get("added").get(0).asString()).endsWith("建设学习型社区");
		assertThat(ok(http.get("/api/v1/plans?orgId=" + heping + "&year=2026", unit), 200).findValuesAsString("title"))
			.contains("和平社区2026年社区教育工作计划");
	}

	@Test
	void bindsATargetToTheManualMetricAndTakesItsValueWithEvidence() {
		long id = ok(http.post("/api/v1/plans", unit,
				Http.json(Map.of("orgId", heping, "year", 2026, "title", "道德讲堂计划"))), 201).get("id").asLong();
		long section = ok(http.post("/api/v1/plans/" + id + "/sections", unit,
				Http.json(Map.of("number", "一、", "title", "道德讲堂"))), 201).get("id").asLong();
		JsonNode target = ok(http.post("/api/v1/plans/" + id + "/targets", unit,
				Http.json(Map.of("sectionId", section, "text", "全年开展道德讲堂不少于4次", "metric", "manual",
						"comparator", "GE", "threshold", 4, "unit", "次"))), 201);
		assertThat(target.get("status").asString()).isIn("IN_PROGRESS", "MISSED");

		JsonNode entered = ok(http.post("/api/v1/plans/" + id + "/targets/" + target.get("id").asLong()
				+ "/manual-values", unit, Http.json(Map.of("value", 4, "evidence", "四次讲堂的签到表和照片"))), 201);

		assertThat(entered.get("statusLabel").asString()).isEqualTo("达标");
		assertThat(entered.get("value").asString()).isEqualTo("4");
		JsonNode metrics = ok(http.get("/api/v1/plan-metrics", unit), 200);
		assertThat(metrics.findValuesAsString("name")).contains("manual", "directory.people", "study.collective_days");
		problem(http.post("/api/v1/plans/" + id + "/targets/" + target.get("id").asLong() + "/manual-values", unit,
				Http.json(Map.of("value", 5))), 422, "请填写佐证材料。");
	}

	@Test
	void refusesBadImportsAndEditsWithChineseProblems() {
		problem(http.post("/api/v1/plans/import", unit,
				Http.json(Map.of("orgId", heping, "year", 2026, "text", "一、指导思想\n二、目标任务", "planIndex", 3))),
				422, "文档中没有第 4 篇计划。");
		problem(http.post("/api/v1/plans/import", unit, Http.json(Map.of("orgId", heping, "year", 2026))), 422,
				"请提交计划文本（text）或核对后的提纲（plan）。");
		problem(http.post("/api/v1/plans", unit, Http.json(Map.of("orgId", heping, "year", 1900, "title", "旧计划"))),
				422, "年度须在 2000 至 2100 之间。");
		long id = ok(http.post("/api/v1/plans", unit,
				Http.json(Map.of("orgId", heping, "year", 2026, "title", "空计划"))), 201).get("id").asLong();
		problem(http.post("/api/v1/plans/" + id + "/publish", unit, null), 409, "计划还没有任何内容，请先添加提纲再发布。");
		problem(http.post("/api/v1/plans/" + id + "/archive", unit, null), 409, "草稿计划不能归档，请先发布。");
		problem(http.post("/api/v1/plans/" + id + "/sections", unit, Http.json(Map.of("parentId", 0, "title", "甲"))),
				422, "该计划中没有这个部分。");
		problem(http.get("/api/v1/plans/" + id + "/revisions/compare?from=1&to=2", unit), 422, "没有第 1 版。");
		problem(http.get("/api/v1/plans/" + Long.MAX_VALUE, unit), 404, "未找到该记录，或您无权查看。");
		assertThat(List.of(http.post("/api/v1/plans/" + id + "/targets", unit,
				Http.json(Map.of("text", "目标", "comparator", "MORE", "threshold", 1))).status())).containsExactly(400);
	}

}
