package org.wenming.volunteer;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.directory.DataScopes;
import org.wenming.directory.People;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteer API over HTTP: self-registration, review, my record, teams and applications, and
 * the pages a volunteer and an admin open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VolunteerApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	People people;

	VolunteerFixture f;

	Http http;

	@BeforeEach
	void tree() {
		f = VolunteerFixture.create(context);
		http = Http.api(port);
	}

	private String token(String name) {
		return http.token(f.user(name), "Passw0rd-Test");
	}

	@Test
	void aResidentRegistersTheCommunityApprovesAndTheRecordShowsTheNumber() {
		long person = f.resident("res", f.communityA, true);
		String idNumber = DataScopes.asSystem(() -> people.fullView(person)).idNumber();
		String resident = token("res");

		Response registered = http.post("/api/v1/volunteers/me", resident, Http.json(Map.of("orgId", f.communityA.id(),
				"idNumber", idNumber, "skills", "理发", "emergencyContact", "李四", "emergencyPhone", "13800001111")));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.json().get("status").asString()).isEqualTo("PENDING");
		assertThat(registered.body()).contains("138****1111").doesNotContain("13800001111");
		long id = registered.json().get("id").asLong();

		Response again = http.post("/api/v1/volunteers/me", resident, Http.json(Map.of("orgId", f.communityA.id(),
				"idNumber", idNumber)));
		assertThat(again.status()).as(again.toString()).isEqualTo(409);

		assertThat(http.post("/api/v1/volunteers/" + id + "/approve", token("b"), null).status()).isEqualTo(404);
		Response approved = http.post("/api/v1/volunteers/" + id + "/approve", token("a"), null);
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);

		Response mine = http.get("/api/v1/people/me/volunteer", resident);
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.json().get("volunteer").get("volunteerNo").asString()).startsWith("ZY");
		assertThat(mine.json().get("starLevel").asInt()).isZero();
		assertThat(mine.json().get("starThresholds").size()).isEqualTo(5);

		Response list = http.get("/api/v1/volunteers?q=" + f.tag, token("a"));
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().size()).isEqualTo(1);
	}

	@Test
	void aMismatchingIdNumberIsAProblemNamingTheField() {
		f.resident("res", f.communityA, true);

		Response response = http.post("/api/v1/volunteers/me", token("res"), Http.json(Map.of("orgId", f.communityA.id(),
				"idNumber", org.wenming.TestIdNumbers.next())));

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isEqualTo("身份证号与您登记的身份证号不一致。");
	}

	@Test
	void aTeamIsCreatedJoinedAndItsLeaderApproves() {
		long leader = f.resident("leader", f.communityA, true);
		f.resident("member", f.communityA, true);
		Response team = http.post("/api/v1/teams", token("a"), Http.json(Map.of("orgId", f.communityA.id(), "name",
				"助老服务队" + f.tag, "leaderPersonId", leader)));
		assertThat(team.status()).as(team.toString()).isEqualTo(201);
		long teamId = team.json().get("id").asLong();

		Response application = http.post("/api/v1/teams/" + teamId + "/applications", token("member"), null);
		assertThat(application.status()).as(application.toString()).isEqualTo(201);
		String approve = "/api/v1/teams/" + teamId + "/applications/" + application.json().get("id").asLong() + "/approve";

		assertThat(http.post(approve, token("member"), null).status()).isEqualTo(404);
		Response approved = http.post(approve, token("leader"), null);
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void pagesOpenForTheirUsers() {
		f.resident("res", f.communityA, true);
		Http resident = Http.browser(port);
		assertThat(resident.login(f.user("res"), "Passw0rd-Test").status()).isEqualTo(302);
		Response card = resident.get("/m/volunteer", null);
		assertThat(card.status()).as(card.toString()).isEqualTo(200);
		assertThat(card.body()).contains("id=\"self-register\"");
		assertThat(resident.get("/m/teams", null).status()).isEqualTo(200);
		assertThat(resident.get("/volunteers", null).status()).isEqualTo(403);

		Http admin = Http.browser(port);
		assertThat(admin.login(f.user("a"), "Passw0rd-Test").status()).isEqualTo(302);
		for (String page : new String[] { "/volunteers", "/volunteers/new", "/volunteers/stars", "/teams", "/teams/new",
				"/leaderboards" }) {
			Response response = admin.get(page, null);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			assertThat(response.body()).doesNotContain("??");
		}
	}

}
