package org.wenming.activity;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One request is one transaction: creating an activity with {@code publish} whose publishing is
 * refused stores neither the draft nor its audit entry, through the API and through the form, so
 * that a retry makes no duplicate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HalfStoredWriteTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture f;

	@BeforeEach
	void tree() {
		f = ActivityFixture.create(context);
	}

	@Test
	void aCreateWhosePublishingFailsStoresNothing() {
		Http http = Http.api(port).from(Http.newClientAddress());
		String title = DemoCity.unique("已结束的活动");
		// Publishing is refused for an activity that has ended already; creating it alone is not.
		OffsetDateTime start = ActivityFixture.inHours(-5);
		String body = Http.json(Map.of("title", title, "type", "FESTIVAL", "organizerOrgId", f.communityA.id(), "place",
				"广场", "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "capacity", 10, "publish",
				true));
		String token = http.token(f.user("unitA"), ActivityFixture.PASSWORD);

		Response first = http.post("/api/v1/activities", token, body);
		Response retry = http.post("/api/v1/activities", token, body);

		assertThat(first.status()).as(first.toString()).isEqualTo(422);
		assertThat(first.json().get("detail").asString()).isEqualTo("活动结束时间已过，不能发布。");
		assertThat(retry.status()).as(retry.toString()).isEqualTo(422);
		assertThat(stored(title)).isZero();
		assertThat(audited(title)).isZero();
	}

	@Test
	void theFormStoresNothingEither() {
		Http unit = Http.browser(port).from(Http.newClientAddress());
		assertThat(unit.login(f.user("unitA"), ActivityFixture.PASSWORD).status()).isEqualTo(302);
		String title = DemoCity.unique("已结束的网页活动");
		String start = ActivityFixture.inHours(-5).toLocalDateTime().toString();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", Http.csrfToken(unit.get("/activities/new", null).body()));
		fields.put("title", title);
		fields.put("type", "FESTIVAL");
		fields.put("organizerOrgId", String.valueOf(f.communityA.id()));
		fields.put("place", "广场");
		fields.put("startsAt", start);
		fields.put("endsAt", ActivityFixture.inHours(-3).toLocalDateTime().toString());
		fields.put("capacity", "10");
		fields.put("audience", "ANYONE");
		fields.put("hoursRule", "ACTUAL");
		fields.put("publish", "true");

		Response refused = unit.postForm("/activities/new", fields);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(200);
		assertThat(refused.body()).contains("活动结束时间已过，不能发布。");
		assertThat(stored(title)).isZero();
		assertThat(audited(title)).isZero();
	}

	private long stored(String title) {
		return jdbc.sql("select count(*) from activity where title = ?").param(title).query(Long.class).single();
	}

	private long audited(String title) {
		return jdbc.sql("select count(*) from audit_log where summary like ?").param("%" + title + "%")
			.query(Long.class)
			.single();
	}

}
