package org.wenming.platform;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates, numbers and texts outside their windows are refused naming the field, and nothing is stored:
 * activities in year 0 or 9999, deadlines at +999999999, negative targets, huge plan texts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RangeTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http http;

	String admin;

	long heping;

	long city;

	@BeforeAll
	void signIn() {
		DemoCity demo = DemoCity.ensure(context);
		http = Http.api(port);
		admin = http.token("admin", DemoCity.PASSWORD);
		heping = demo.org("和平社区");
		city = demo.org("示范市");
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static void refused(Response response, String field) {
		assertThat(response.status()).as(response.toString()).isBetween(400, 499);
		assertThat(response.json().get("errors").get(0).get("field").asString()).as(response.toString()).isEqualTo(field);
	}

	@Test
	void refusesActivitiesStartingInYearZeroOr9999() {
		long before = count("activity");
		for (String start : new String[] { "0000-06-01T09:00:00Z", "9999-06-01T09:00:00Z", "1999-12-30T09:00:00Z",
				OffsetDateTime.now(ZoneOffset.UTC).plusYears(11).withNano(0).toString() }) {
			OffsetDateTime startsAt = OffsetDateTime.parse(start);
			Map<String, Object> body = new LinkedHashMap<>(Map.of("title", "远期活动", "type", "VOLUNTEER_SERVICE",
					"organizerOrgId", heping, "place", "广场", "startsAt", start, "endsAt", startsAt.plusHours(2).toString(),
					"capacity", 10));
			refused(http.post("/api/v1/activities", admin, Http.json(body)), "startsAt");
		}
		assertThat(count("activity")).isEqualTo(before);
	}

	@Test
	void refusesATaskDeadlineAtTheEndOfTime() {
		long plan = http.post("/api/v1/plans", admin, Http.json(Map.of("orgId", city, "year", 2026, "title", "期限计划")))
			.json().get("id").asLong();
		long section = http.post("/api/v1/plans/" + plan + "/sections", admin, Http.json(Map.of("title", "一、总体要求")))
			.json().get("id").asLong();
		long before = count("plan_task");
		for (String deadline : new String[] { "+999999999-12-31", "0000-01-01", "9999-12-31" }) {
			refused(http.post("/api/v1/tasks", admin, Http.json(Map.of("sectionId", section, "title", "任务", "ownerOrgId",
					heping, "deadline", deadline))), "deadline");
		}
		assertThat(count("plan_task")).isEqualTo(before);
	}

	@Test
	void refusesHugePlanTextsAndNegativeThresholds() {
		long plan = http.post("/api/v1/plans", admin, Http.json(Map.of("orgId", city, "year", 2026, "title", "长文计划")))
			.json().get("id").asLong();
		refused(http.put("/api/v1/plans/" + plan, admin, Http.json(Map.of("leadText", "导".repeat(100_000)))), "leadText");
		refused(http.post("/api/v1/plans/" + plan + "/sections", admin,
				Http.json(Map.of("title", "二、", "body", "长".repeat(1024 * 1024)))), "body");
		long section = http.post("/api/v1/plans/" + plan + "/sections", admin, Http.json(Map.of("title", "三、")))
			.json().get("id").asLong();
		refused(http.put("/api/v1/plans/" + plan + "/sections/" + section, admin,
				Http.json(Map.of("body", "长".repeat(1024 * 1024)))), "body");
		refused(http.post("/api/v1/plans/" + plan + "/targets", admin, Http.json(Map.of("sectionId", section, "text",
				"志愿服务不少于-5次", "metric", "manual", "comparator", "GE", "threshold", -5, "unit", "次", "period", "YEAR"))),
				"threshold");
		assertThat(jdbc.sql("select count(*) from plan_section where plan_id = ? and length(body) > 50000").param(plan)
			.query(Long.class).single()).isZero();
	}

}
