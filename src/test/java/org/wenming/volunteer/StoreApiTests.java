package org.wenming.volunteer;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
 * The store's JSON API through HTTP with the demo accounts: status codes, the order document and
 * problem documents in Chinese.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StoreApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http http;

	long heping;

	@BeforeEach
	void signIn() {
		DemoCity city = DemoCity.ensure(context);
		http = Http.api(port);
		heping = city.org("和平社区");
	}

	private long item(String admin, int price, int stock) {
		Response created = http.post("/api/v1/store/items", admin, Http.json(
				Map.of("orgId", heping, "name", DemoCity.unique("爱心毛巾"), "points", price, "stock", stock)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	@Test
	void volunteerRedeemsTheLastItemOnceAndStaffCollectIt() {
		String admin = http.token("admin", DemoCity.PASSWORD);
		String unit = http.token("unit", DemoCity.PASSWORD);
		String volunteer = http.token("volunteer", DemoCity.PASSWORD);
		long person = jdbc.sql("select person_id from account where username = 'volunteer'").query(Long.class).single();
		Response bonus = http.post("/api/v1/points/bonus", admin,
				Http.json(Map.of("personId", person, "points", 30, "reason", "社区清洁志愿服务")));
		assertThat(bonus.status()).as(bonus.toString()).isEqualTo(201);
		long before = http.get("/api/v1/people/me/points", volunteer).json().get("balance").asLong();
		long item = item(admin, 25, 1);

		Response ordered = http.post("/api/v1/store/items/" + item + "/redemptions", volunteer, null);
		Response again = http.post("/api/v1/store/items/" + item + "/redemptions", volunteer, null);

		assertThat(ordered.status()).as(ordered.toString()).isEqualTo(201);
		assertThat(ordered.json().get("status").asString()).isEqualTo("ORDERED");
		assertThat(ordered.json().get("points").asInt()).isEqualTo(25);
		assertThat(ordered.json().get("balance").asLong()).isEqualTo(before - 25);
		String code = ordered.json().get("code").asString();
		assertThat(code).hasSize(8);
		assertThat(again.status()).as(again.toString()).isEqualTo(409);
		assertThat(again.contentType()).startsWith("application/problem+json");
		assertThat(again.json().get("detail").asString()).contains("已兑换完");

		Response points = http.get("/api/v1/people/me/points", volunteer);
		assertThat(points.json().get("balance").asLong()).isEqualTo(before - 25);
		assertThat(points.json().get("entries").get(0).get("kind").asString()).isEqualTo("REDEMPTION");

		Response collected = http.post("/api/v1/store/redemptions/collect", unit, Http.json(Map.of("code", code)));
		assertThat(collected.status()).as(collected.toString()).isEqualTo(200);
		assertThat(collected.json().get("status").asString()).isEqualTo("COLLECTED");
		Response cancel = http.post("/api/v1/store/redemptions/" + ordered.json().get("id").asLong() + "/cancel",
				volunteer, null);
		assertThat(cancel.status()).as(cancel.toString()).isEqualTo(409);
		assertThat(cancel.json().get("detail").asString()).contains("已领取或已取消");
	}

	@Test
	void refusalsAreProblemDocumentsInChinese() {
		String admin = http.token("admin", DemoCity.PASSWORD);
		String resident = http.token("resident", DemoCity.PASSWORD);
		long dear = item(admin, 1_000_000, 3);
		long hidden = item(admin, 1, 3);
		Response deactivated = http.put("/api/v1/store/items/" + hidden, admin,
				Http.json(Map.of("name", "下架商品", "points", 1, "stock", 3, "active", false)));
		assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);

		Response poor = http.post("/api/v1/store/items/" + dear + "/redemptions", resident, null);
		Response inactive = http.post("/api/v1/store/items/" + hidden + "/redemptions", resident, null);
		Response badStock = http.post("/api/v1/store/items", admin,
				Http.json(Map.of("orgId", heping, "name", "毛巾", "points", 5, "stock", -1)));
		Response self = http.post("/api/v1/points/bonus", admin, Http.json(Map.of("personId",
				jdbc.sql("select person_id from account where username = 'admin'").query(Long.class).single(), "points",
				5, "reason", "自己")));

		assertThat(poor.status()).as(poor.toString()).isEqualTo(422);
		assertThat(poor.json().get("detail").asString()).startsWith("积分不足");
		assertThat(inactive.status()).as(inactive.toString()).isEqualTo(404);
		assertThat(badStock.status()).as(badStock.toString()).isEqualTo(422);
		assertThat(badStock.json().get("detail").asString()).contains("库存");
		assertThat(self.status()).as(self.toString()).isEqualTo(422);
		assertThat(self.json().get("detail").asString()).isEqualTo("不能给自己发放奖励积分");
		assertThat(http.get("/api/v1/store/items?orgId=" + heping, resident).json().findValues("id").stream()
			.map(id -> id.asLong())).contains(dear).doesNotContain(hidden);
	}

}
