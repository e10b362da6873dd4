package org.wenming;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every id in a request body must exist, be of the right kind and lie in the caller's scope: the
 * unit admin and the team leader of 和平社区 feed another community's team, org or person, an id
 * that does not exist, a negative one and 2^31 (and 2^63) into the id fields of the mutating
 * endpoints, through real HTTP. Each gets a 4xx problem document, no name of someone outside, and
 * nothing is stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceScopeTests {

	static final long MISSING = 9_000_000_001L;

	static final long TWO_TO_31 = 2_147_483_648L;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http http;

	String unit;

	String leader;

	long heping;

	long xingfu;

	long bureau;

	long ownTeam;

	long foreignTeam;

	long outsider;

	String outsiderName;

	long neighbour;

	@BeforeAll
	void signIn() {
		DemoCity city = DemoCity.ensure(context);
		http = Http.api(port).from(Http.newClientAddress());
		unit = http.token("unit", DemoCity.PASSWORD);
		leader = http.token("leader", DemoCity.PASSWORD);
		heping = city.org("和平社区");
		xingfu = city.org("幸福社区");
		bureau = city.org("示范市水利局");
		ownTeam = jdbc.sql("select id from volunteer_team where org_id = ? and closed_at is null order by id limit 1")
			.param(heping).query(Long.class).single();
		foreignTeam = jdbc.sql("select id from volunteer_team where org_id = ? and closed_at is null order by id limit 1")
			.param(xingfu).query(Long.class).single();
		outsider = city.residentOf("幸福社区");
		outsiderName = jdbc.sql("select name from person where id = ?").param(outsider).query(String.class).single();
		neighbour = city.residentOf("和平社区");
	}

	// ---- activity: teamId, audienceTeamId, audienceOrgId, organizerOrgId ----------------------------

	@Test
	void activityRefusesTeamsAndOrgsOutsideScopeMissingNegativeAndHugeIds() {
		int tried = 0;
		for (String token : List.of(unit, leader)) {
			for (long bad : List.of(foreignTeam, MISSING, -1L, TWO_TO_31)) {
				tried += refusedActivity(token, a -> a.put("teamId", bad));
				tried += refusedActivity(token, a -> {
					a.put("audience", "TEAM_MEMBERS");
					return a.put("audienceTeamId", bad);
				});
			}
			for (long bad : List.of(xingfu, MISSING, -1L, TWO_TO_31)) {
				tried += refusedActivity(token, a -> {
					a.put("audience", "ORG_RESIDENTS");
					return a.put("audienceOrgId", bad);
				});
				// An audience org given with another audience is checked all the same.
				tried += refusedActivity(token, a -> a.put("audienceOrgId", bad));
				tried += refusedActivity(token, a -> a.put("organizerOrgId", bad));
			}
		}
		assertThat(tried).isEqualTo(2 * (4 * 2 + 4 * 3));
		// 2^63 does not fit an id at all: a 400, not a 500.
		String title = DemoCity.unique("越界活动");
		String json = Http.json(activity(title)).replace("\"capacity\"", "\"teamId\":9223372036854775808,\"capacity\"");
		Response huge = http.post("/api/v1/activities", unit, json);
		assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
		assertThat(activities(title)).isZero();
	}

	@Test
	void activityTakesTheTeamAndOrgsInScope() {
		String title = DemoCity.unique("本社区活动");
		Map<String, Object> body = activity(title);
		body.put("teamId", ownTeam);
		body.put("audience", "ORG_RESIDENTS");
		body.put("audienceOrgId", heping);

		Response created = http.post("/api/v1/activities", leader, Http.json(body));

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("teamId").asLong()).isEqualTo(ownTeam);
		assertThat(activities(title)).isEqualTo(1);
	}

	@Test
	void activityChangeRefusesAForeignTeam() {
		String title = DemoCity.unique("改队活动");
		long id = http.post("/api/v1/activities", unit, Http.json(activity(title))).json().get("id").asLong();
		Map<String, Object> changed = activity(title);
		changed.put("teamId", foreignTeam);

		Response response = http.put("/api/v1/activities/" + id, unit, Http.json(changed));

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().get("detail").asString()).isEqualTo("所选的志愿服务队不存在，或不在您的管理范围内。");
		assertThat(jdbc.sql("select team_id from activity where id = ?").param(id).query(Long.class).optional())
			.isEmpty();
	}

	@Test
	void groupAttendanceRefusesAPersonOutsideScopeWhoDidNotSignUp() {
		String title = DemoCity.unique("集体录入活动");
		long id = http.post("/api/v1/activities", unit, Http.json(activity(title))).json().get("id").asLong();
		OffsetDateTime in = OffsetDateTime.now().minusHours(3).truncatedTo(ChronoUnit.MINUTES);
		for (String token : List.of(unit, leader)) {
			for (long bad : List.of(outsider, MISSING, -1L, TWO_TO_31)) {
				Response response = http.post("/api/v1/activities/" + id + "/attendance", token, Http.json(Map.of("entries",
						List.of(Map.of("personId", bad, "checkedInAt", in.toString(), "checkedOutAt",
								in.plusHours(2).toString())))));
				assertRefused(response, 422);
			}
		}
		assertThat(jdbc.sql("select count(*) from attendance where activity_id = ?").param(id).query(Long.class).single())
			.isZero();
		Response ok = http.post("/api/v1/activities/" + id + "/attendance", leader, Http.json(Map.of("entries",
				List.of(Map.of("personId", neighbour, "checkedInAt", in.toString(), "checkedOutAt",
						in.plusHours(2).toString())))));
		assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
	}

	// ---- volunteer: a team's leader, a unit's registration ------------------------------------------

	@Test
	void teamRefusesALeaderOrOrgOutsideScopeWithoutNamingThem() {
		for (long bad : List.of(outsider, MISSING, -1L, TWO_TO_31)) {
			String name = DemoCity.unique("越权服务队");
			Response response = http.post("/api/v1/teams", unit,
					Http.json(Map.of("orgId", heping, "name", name, "leaderPersonId", bad)));
			assertRefused(response, 422);
			assertThat(response.json().get("detail").asString()).isEqualTo("找不到该人员，或该人员不在您的管理范围内。");
			assertThat(teams(name)).isZero();
		}
		for (long bad : List.of(xingfu, MISSING, -1L, TWO_TO_31)) {
			String name = DemoCity.unique("越权服务队");
			Response response = http.post("/api/v1/teams", unit,
					Http.json(Map.of("orgId", bad, "name", name, "leaderPersonId", neighbour)));
			// Out-of-scope ids in the path or naming the org to work in answer 404, as everywhere.
			assertRefused(response, 404);
			assertThat(teams(name)).isZero();
		}
		String name = DemoCity.unique("本社区服务队");
		Response ok = http.post("/api/v1/teams", unit, Http.json(Map.of("orgId", heping, "name", name, "leaderPersonId",
				neighbour)));
		assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
	}

	@Test
	void unitRegistrationRefusesAPersonOutsideScopeWithoutNamingThem() {
		long before = volunteersOf(outsider);
		long neighbourBefore = volunteersOf(neighbour);
		for (long bad : List.of(outsider, MISSING, -1L, TWO_TO_31)) {
			Response response = http.post("/api/v1/volunteers", unit, Http.json(Map.of("personId", bad, "orgId", heping)));
			assertRefused(response, 422);
			assertThat(response.json().get("detail").asString()).isEqualTo("找不到该人员，或该人员不在您的管理范围内。");
		}
		for (long bad : List.of(xingfu, MISSING, -1L, TWO_TO_31)) {
			Response foreignOrg = http.post("/api/v1/volunteers", unit, Http.json(Map.of("personId", neighbour, "orgId", bad)));
			assertRefused(foreignOrg, 404);
		}
		assertThat(volunteersOf(outsider)).isEqualTo(before);
		assertThat(volunteersOf(neighbour)).isEqualTo(neighbourBefore);
	}

	// ---- directory: a person's work and home org ---------------------------------------------------

	@Test
	void personRefusesAWorkOrgOutsideScope() {
		for (long bad : List.of(bureau, MISSING, -1L, TWO_TO_31)) {
			String name = DemoCity.unique("越权");
			Response response = http.post("/api/v1/people", unit, Http.json(Map.of("name", name, "idNumber",
					DemoCity.newIdNumber(), "homeOrgId", heping, "workOrgId", bad)));
			assertRefused(response, 422);
			assertThat(response.json().get("detail").asString()).isEqualTo("所填组织不存在或不在您的管理范围内。");
			assertThat(people(name)).isZero();
		}
		String name = DemoCity.unique("本社区");
		Response ok = http.post("/api/v1/people", unit,
				Http.json(Map.of("name", name, "idNumber", DemoCity.newIdNumber(), "homeOrgId", heping)));
		assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
		// Kept as it was: an org set by someone with a wider scope may stay when the unit edits.
		long id = ok.json().get("id").asLong();
		jdbc.sql("update person set work_org_id = ? where id = ?").params(bureau, id).update();
		Response kept = http.put("/api/v1/people/" + id, unit,
				Http.json(Map.of("name", name, "homeOrgId", heping, "workOrgId", bureau)));
		assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
	}

	// ---- helpers ------------------------------------------------------------------------------------

	private int refusedActivity(String token, Function<Map<String, Object>, Object> attack) {
		String title = DemoCity.unique("越权活动");
		Map<String, Object> body = activity(title);
		attack.apply(body);
		Response response = http.post("/api/v1/activities", token, Http.json(body));
		assertRefused(response, -1);
		assertThat(activities(title)).as(body.toString()).isZero();
		assertThat(jdbc.sql("select count(*) from audit_log where summary like ?").param("%" + title + "%")
			.query(Long.class).single()).isZero();
		return 1;
	}

	private void assertRefused(Response response, int status) {
		assertThat(response.status()).as(response.toString()).isBetween(400, 499);
		if (status > 0) {
			assertThat(response.status()).as(response.toString()).isEqualTo(status);
		}
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).doesNotContain(outsiderName, "幸福社区", "水利局");
	}

	private Map<String, Object> activity(String title) {
		OffsetDateTime start = OffsetDateTime.now().plusDays(3).truncatedTo(ChronoUnit.MINUTES);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("type", "VOLUNTEER_SERVICE");
		body.put("organizerOrgId", heping);
		body.put("place", "和平社区广场");
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(2).toString());
		body.put("capacity", 10);
		return body;
	}

	private long activities(String title) {
		return jdbc.sql("select count(*) from activity where title = ?").param(title).query(Long.class).single();
	}

	private long teams(String name) {
		return jdbc.sql("select count(*) from volunteer_team where name = ?").param(name).query(Long.class).single();
	}

	private long people(String name) {
		return jdbc.sql("select count(*) from person where name = ?").param(name).query(Long.class).single();
	}

	private long volunteersOf(long personId) {
		return jdbc.sql("select count(*) from volunteer where person_id = ?").param(personId).query(Long.class).single();
	}

}
