package org.wenming.activity;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity API through real HTTP: create and publish, sign up (confirmed, waiting, already,
 * overlapping), give the place back, and a problem document in Chinese for bad input. The admin
 * pages and the phone pages answer in Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActivityApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	ActivityFixture f;

	Http http;

	@BeforeEach
	void tree() {
		f = ActivityFixture.create(context);
		http = Http.api(port).from(Http.newClientAddress());
	}

	@Test
	void createsPublishesAndTakesSignupsWithTheDocumentedAnswers() {
		String admin = token("unitA");
		Response created = http.post("/api/v1/activities", admin, body("社区义诊", 72, 1, true));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.header("Location")).startsWith("/api/v1/activities/");
		assertThat(created.json().get("status").asString()).isEqualTo("OPEN");
		long id = created.json().get("id").asLong();

		Response first = http.post("/api/v1/activities/" + id + "/signups", token("residentA"), null);
		Response second = http.post("/api/v1/activities/" + id + "/signups", token("residentB"), null);
		Response again = http.post("/api/v1/activities/" + id + "/signups", token("residentA"), null);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.body()).isEqualTo("{\"status\":\"CONFIRMED\"}");
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
		assertThat(second.json().get("status").asString()).isEqualTo("WAITLISTED");
		assertThat(second.json().get("position").asInt()).isEqualTo(1);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.json().get("detail").asString()).isEqualTo("您已报名本活动。");

		Response list = http.get("/api/v1/activities/" + id + "/signups", admin);
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().size()).isEqualTo(2);

		Response cancelled = http.delete("/api/v1/activities/" + id + "/signups/me", token("residentA"));
		assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(204);
		Response after = http.get("/api/v1/activities/" + id + "/signups", admin);
		assertThat(after.json().get(0).get("personId").asLong()).isEqualTo(f.personOf("residentB"));
		assertThat(after.json().get(0).get("status").asString()).isEqualTo("CONFIRMED");
	}

	@Test
	void refusesAnOverlappingSignupWithAMessageNamingTheOther() {
		String admin = token("unitA");
		long first = http.post("/api/v1/activities", admin, body("重阳敬老", 96, 10, true)).json().get("id").asLong();
		long second = http.post("/api/v1/activities", admin, body("垃圾分类宣传", 97, 10, true)).json().get("id").asLong();
		String resident = token("residentA");
		assertThat(http.post("/api/v1/activities/" + first + "/signups", resident, null).status()).isEqualTo(201);

		Response overlapping = http.post("/api/v1/activities/" + second + "/signups", resident, null);

		assertThat(overlapping.status()).as(overlapping.toString()).isEqualTo(422);
		assertThat(overlapping.json().get("detail").asString()).startsWith("您已报名的活动“重阳敬老”（").endsWith("与本活动时间冲突。");
	}

	@Test
	void answersBadInputWithAProblemDocument() {
		Map<String, Object> bad = new LinkedHashMap<>(Map.of("title", "坏数据", "type", "FESTIVAL", "organizerOrgId",
				f.communityA.id(), "place", "广场", "startsAt", ActivityFixture.inHours(10).toString(), "endsAt",
				ActivityFixture.inHours(9).toString(), "capacity", 10));

		Response response = http.post("/api/v1/activities", token("unitA"), Http.json(bad));
		Response closed = http.post("/api/v1/activities/" + http.post("/api/v1/activities", token("unitA"),
				body("草稿活动", 50, 5, false)).json().get("id").asLong() + "/signups", token("residentA"), null);

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isEqualTo("结束时间必须晚于开始时间。");
		assertThat(closed.status()).as(closed.toString()).isEqualTo(422);
		assertThat(closed.json().get("detail").asString()).isEqualTo("本活动当前不在报名时间内。");
	}

	@Test
	void pagesAnswerInChinese() {
		String admin = token("unitA");
		long id = http.post("/api/v1/activities", admin, body("读书会", 120, 10, true)).json().get("id").asLong();
		Http resident = Http.browser(port).from(Http.newClientAddress());
		assertThat(resident.login(f.user("residentA"), ActivityFixture.PASSWORD).status()).isEqualTo(302);
		Http unit = Http.browser(port).from(Http.newClientAddress());
		assertThat(unit.login(f.user("unitA"), ActivityFixture.PASSWORD).status()).isEqualTo(302);

		Response hub = resident.get("/m", null);
		Response mobile = resident.get("/m/activities", null);
		Response near = resident.get("/m/activities?lat=39.9&lng=116.4", null);
		Response one = resident.get("/m/activities/" + id, null);
		Response mine = resident.get("/m/signups", null);
		Response adminList = unit.get("/activities", null);
		Response detail = unit.get("/activities/" + id, null);
		Response form = unit.get("/activities/new", null);

		assertThat(hub.status()).isEqualTo(200);
		assertThat(hub.body()).contains("我的志愿", "参加活动", "我的报名", "扫码签到", "爱心超市");
		assertThat(mobile.status()).isEqualTo(200);
		assertThat(mobile.body()).contains("参加活动", "读书会", "按开始时间排序");
		assertThat(near.body()).contains("按离您的距离排序");
		assertThat(one.body()).contains("读书会", "我要报名");
		assertThat(mine.status()).isEqualTo(200);
		assertThat(mine.body()).contains("我的报名");
		assertThat(adminList.status()).isEqualTo(200);
		assertThat(adminList.body()).contains("活动管理", "读书会");
		assertThat(detail.body()).contains("报名情况", "报名中");
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("新建活动", "招募人数");
		assertThat(resident.get("/activities", null).status()).isEqualTo(403);
	}

	@Test
	void formsCreateAnActivityAndResidentsSignUpOnThePhone() {
		Http unit = Http.browser(port).from(Http.newClientAddress());
		assertThat(unit.login(f.user("unitA"), ActivityFixture.PASSWORD).status()).isEqualTo(302);
		String start = ActivityFixture.inHours(200).toLocalDateTime().toString();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", Http.csrfToken(unit.get("/activities/new", null).body()));
		fields.put("title", "网页新建的活动");
		fields.put("type", "CULTURE_SPORTS");
		fields.put("organizerOrgId", String.valueOf(f.communityA.id()));
		fields.put("place", "文化广场");
		fields.put("startsAt", start);
		fields.put("endsAt", start);
		fields.put("capacity", "30");
		fields.put("audience", "ANYONE");
		fields.put("hoursRule", "ACTUAL");
		fields.put("publish", "true");

		Response refused = unit.postForm("/activities/new", fields);
		fields.put("endsAt", ActivityFixture.inHours(202).toLocalDateTime().toString());
		Response saved = unit.postForm("/activities/new", fields);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
		assertThat(refused.body()).contains("结束时间必须晚于开始时间。", "网页新建的活动");
		assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
		String location = saved.header("Location");
		assertThat(location).matches(".*/activities/\\d+");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(unit.get("/activities/" + id, null).body()).contains("网页新建的活动", "报名中", "活动已保存。");

		Http resident = Http.browser(port).from(Http.newClientAddress());
		assertThat(resident.login(f.user("residentA"), ActivityFixture.PASSWORD).status()).isEqualTo(302);
		String csrf = Http.csrfToken(resident.get("/m/activities/" + id, null).body());
		Response signedUp = resident.postForm("/m/activities/" + id + "/signup", Map.of("_csrf", csrf));
		assertThat(signedUp.status()).as(signedUp.toString()).isEqualTo(302);
		assertThat(resident.get("/m/activities/" + id, null).body()).contains("报名成功。", "已报名", "取消报名");
		assertThat(resident.get("/m/signups", null).body()).contains("网页新建的活动", "即将参加");
	}

	private String token(String name) {
		return http.token(f.user(name), ActivityFixture.PASSWORD);
	}

	private String body(String title, int startHours, int capacity, boolean publish) {
		OffsetDateTime start = ActivityFixture.inHours(startHours);
		return Http.json(Map.of("title", title, "type", "VOLUNTEER_SERVICE", "organizerOrgId", f.communityA.id(),
				"place", "社区服务中心", "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "capacity",
				capacity, "publish", publish));
	}

}
