package org.wenming.directory;

import java.util.List;
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
 * The account takeover of issue 8: a unit admin of 和平社区 reset the password of (and disabled,
 * enabled, unlocked) the city admin because the city admin LIVES in 和平社区. Here a city admin, a
 * district inspector and a unit admin all live in 和平社区; every management action of the unit
 * admin on the other two is tried through the API and through the pages (with CSRF), and refused.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountTakeoverTests {

	static final String PASSWORD = "Takeover@2026a";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	String demoAdmin;

	long city;

	long east;

	long heping;

	@BeforeAll
	void demoCity() {
		DemoCity demo = DemoCity.ensure(context);
		demoAdmin = Http.api(port).token("admin", DemoCity.PASSWORD);
		city = demo.org("示范市");
		east = demo.org("东城区");
		heping = demo.org("和平社区");
	}

	@Test
	void unitAdminIsRefusedEveryManagementActionOnTheCityAdminAndTheInspectorThroughTheApi() {
		Actors actors = actors();
		Http api = Http.api(port);
		String unit = api.token(actors.unit(), PASSWORD);

		for (String target : List.of(actors.city(), actors.inspector())) {
			long id = accountId(target);
			String hashBefore = hash(target);
			List<Response> attempts = List.of(
					api.post("/api/v1/accounts/" + id + "/password", unit,
							Http.json(Map.of("password", "Stolen@2026x", "callerPassword", PASSWORD))),
					api.post("/api/v1/accounts/" + id + "/disable", unit, null),
					api.post("/api/v1/accounts/" + id + "/enable", unit, null),
					api.post("/api/v1/accounts/" + id + "/unlock", unit, null),
					api.post("/api/v1/accounts/" + id + "/roles", unit,
							Http.json(Map.of("role", "RESIDENT", "orgId", heping))),
					api.delete("/api/v1/accounts/" + id + "/roles/" + firstAssignment(target), unit));

			for (Response attempt : attempts) {
				assertThat(attempt.status()).as(attempt.toString()).isIn(403, 404);
				assertThat(attempt.contentType()).as(attempt.toString()).startsWith("application/problem+json");
			}
			assertThat(hash(target)).isEqualTo(hashBefore);
			assertThat(enabled(target)).isTrue();
			assertThat(roles(target)).hasSize(1);
			assertThat(api.token(target, PASSWORD)).isNotBlank();
		}
	}

	@Test
	void unitAdminIsRefusedEveryManagementActionOnTheCityAdminThroughThePages() {
		Actors actors = actors();
		Http browser = Http.browser(port).from(Http.newClientAddress());
		assertThat(browser.login(actors.unit(), PASSWORD).header("Location")).endsWith("/");

		for (String target : List.of(actors.city(), actors.inspector())) {
			long id = accountId(target);
			String hashBefore = hash(target);
			Response page = browser.get("/accounts/" + id, null);
			assertThat(page.status()).as(page.toString()).isEqualTo(200);
			assertThat(page.body()).doesNotContain("/accounts/" + id + "/password")
				.doesNotContain("/accounts/" + id + "/disable")
				.doesNotContain("/accounts/" + id + "/roles")
				.contains("超出您管理范围");
			String csrf = Http.csrfToken(page.body());

			List<Response> attempts = List.of(
					browser.postForm("/accounts/" + id + "/password",
							Map.of("password", "Stolen@2026x", "callerPassword", PASSWORD, "_csrf", csrf)),
					browser.postForm("/accounts/" + id + "/disable", Map.of("_csrf", csrf)),
					browser.postForm("/accounts/" + id + "/enable", Map.of("_csrf", csrf)),
					browser.postForm("/accounts/" + id + "/unlock", Map.of("_csrf", csrf)),
					browser.postForm("/accounts/" + id + "/roles",
							Map.of("role", "RESIDENT", "orgId", String.valueOf(heping), "_csrf", csrf)),
					browser.postForm("/accounts/" + id + "/roles/" + firstAssignment(target) + "/revoke",
							Map.of("_csrf", csrf)));

			for (Response attempt : attempts) {
				assertThat(attempt.status()).as(attempt.toString()).isIn(403, 404);
			}
			assertThat(hash(target)).isEqualTo(hashBefore);
			assertThat(enabled(target)).isTrue();
			assertThat(roles(target)).hasSize(1);
		}
		Response takeover = Http.browser(port).from(Http.newClientAddress()).login(actors.city(), "Stolen@2026x");
		assertThat(takeover.header("Location")).endsWith("/login?error");
	}

	@Test
	void unitAdminStillManagesAResidentOfItsCommunity() {
		Actors actors = actors();
		Http api = Http.api(port);
		String unit = api.token(actors.unit(), PASSWORD);
		long resident = accountId(actors.resident());

		Response reset = api.post("/api/v1/accounts/" + resident + "/password", unit,
				Http.json(Map.of("password", "Fresh@2026x")));
		Response disable = api.post("/api/v1/accounts/" + resident + "/disable", unit, null);
		Response grant = api.post("/api/v1/accounts/" + resident + "/roles", unit,
				Http.json(Map.of("role", "VOLUNTEER", "orgId", heping)));

		assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
		assertThat(disable.status()).as(disable.toString()).isEqualTo(200);
		assertThat(grant.status()).as(grant.toString()).isEqualTo(200);
	}

	@Test
	void cityAdminManagesTheInspectorAndTheUnitAdmin() {
		Actors actors = actors();
		Http api = Http.api(port);
		String cityAdmin = api.token(actors.city(), PASSWORD);
		long inspector = accountId(actors.inspector());
		long unit = accountId(actors.unit());

		Response resetInspector = api.post("/api/v1/accounts/" + inspector + "/password", cityAdmin,
				Http.json(Map.of("password", "Fresh@2026x")));
		Response disable = api.post("/api/v1/accounts/" + inspector + "/disable", cityAdmin, null);
		Response enable = api.post("/api/v1/accounts/" + inspector + "/enable", cityAdmin, null);
		Response grant = api.post("/api/v1/accounts/" + unit + "/roles", cityAdmin,
				Http.json(Map.of("role", "INSPECTOR", "orgId", east)));
		Response resetUnit = api.post("/api/v1/accounts/" + unit + "/password", cityAdmin,
				Http.json(Map.of("password", "Fresh@2026x", "callerPassword", PASSWORD)));

		assertThat(resetInspector.status()).as(resetInspector.toString()).isEqualTo(204);
		assertThat(disable.status()).as(disable.toString()).isEqualTo(200);
		assertThat(enable.status()).as(enable.toString()).isEqualTo(200);
		assertThat(grant.status()).as(grant.toString()).isEqualTo(200);
		assertThat(resetUnit.status()).as(resetUnit.toString()).isEqualTo(204);
		assertThat(api.token(actors.inspector(), "Fresh@2026x")).isNotBlank();
		assertThat(api.token(actors.unit(), "Fresh@2026x")).isNotBlank();
	}

	@Test
	void nobodyManagesTheirOwnRoles() {
		Actors actors = actors();
		Http api = Http.api(port);
		for (String who : List.of(actors.city(), actors.unit())) {
			String token = api.token(who, PASSWORD);
			long self = accountId(who);

			Response grant = api.post("/api/v1/accounts/" + self + "/roles", token,
					Http.json(Map.of("role", "INSPECTOR", "orgId", heping)));
			Response revoke = api.delete("/api/v1/accounts/" + self + "/roles/" + firstAssignment(who), token);

			assertThat(grant.status()).as(grant.toString()).isEqualTo(403);
			assertThat(grant.json().get("detail").asString()).isEqualTo("不能管理自己的角色。");
			assertThat(revoke.status()).as(revoke.toString()).isEqualTo(403);
			assertThat(roles(who)).hasSize(1);
		}
		Http browser = Http.browser(port).from(Http.newClientAddress());
		browser.login(actors.city(), PASSWORD);
		long self = accountId(actors.city());
		Response page = browser.get("/accounts/" + self, null);
		assertThat(page.body()).doesNotContain("/accounts/" + self + "/roles");
		Response grant = browser.postForm("/accounts/" + self + "/roles", Map.of("role", "INSPECTOR", "orgId",
				String.valueOf(heping), "_csrf", Http.csrfToken(page.body())));
		assertThat(grant.status()).as(grant.toString()).isEqualTo(403);
		assertThat(roles(actors.city())).hasSize(1);
	}

	@Test
	void resettingAnAdminsPasswordTakesTheCallersOwnPasswordAgain() {
		Actors actors = actors();
		Http api = Http.api(port).from(Http.newClientAddress());
		String cityAdmin = api.token(actors.city(), PASSWORD);
		long unit = accountId(actors.unit());
		String hashBefore = hash(actors.unit());

		Response without = api.post("/api/v1/accounts/" + unit + "/password", cityAdmin,
				Http.json(Map.of("password", "Fresh@2026x")));
		Response wrong = api.post("/api/v1/accounts/" + unit + "/password", cityAdmin,
				Http.json(Map.of("password", "Fresh@2026x", "callerPassword", "Guess@2026x")));

		assertThat(without.status()).as(without.toString()).isEqualTo(422);
		assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
		assertThat(wrong.body()).contains("callerPassword");
		assertThat(hash(actors.unit())).isEqualTo(hashBefore);

		Http browser = Http.browser(port).from(Http.newClientAddress());
		browser.login(actors.city(), PASSWORD);
		Response page = browser.get("/accounts/" + unit, null);
		assertThat(page.body()).contains("name=\"callerPassword\"");
		Response form = browser.postForm("/accounts/" + unit + "/password",
				Map.of("password", "Fresh@2026x", "callerPassword", "Guess@2026x", "_csrf", Http.csrfToken(page.body())));
		assertThat(form.status()).as(form.toString()).isEqualTo(422);
		assertThat(form.body()).contains("请输入您本人的当前密码");
		assertThat(hash(actors.unit())).isEqualTo(hashBefore);

		Response right = browser.postForm("/accounts/" + unit + "/password",
				Map.of("password", "Fresh@2026x", "callerPassword", PASSWORD, "_csrf", Http.csrfToken(page.body())));
		assertThat(right.status()).as(right.toString()).isEqualTo(302);
		assertThat(hash(actors.unit())).isNotEqualTo(hashBefore);
	}

	@Test
	void unitAdminOpensNoAccountForTheCityAdminsPersonNorASecondOneForItself() {
		Actors actors = actors();
		Http api = Http.api(port);
		String unit = api.token(actors.unit(), PASSWORD);
		long before = jdbc.sql("select count(*) from account").query(Long.class).single();

		// The attack: a role-less account for a person who lives in the community acts as that person.
		for (String target : List.of(actors.city(), actors.inspector(), actors.unit())) {
			Response shadow = api.post("/api/v1/accounts", unit, Http.json(Map.of("personId", personOf(target),
					"username", DemoCity.unique("shadow_"), "password", PASSWORD)));
			assertThat(shadow.status()).as(target + " " + shadow).isEqualTo(403);
		}
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).isEqualTo(before);

		// A resident of the community still gets an account from its unit admin.
		long resident = personOf(actors.resident());
		Response second = api.post("/api/v1/accounts", unit, Http.json(Map.of("personId", resident, "username",
				DemoCity.unique("second_"), "password", PASSWORD)));
		assertThat(second.status()).as(second.toString()).isEqualTo(201);
	}

	@Test
	void aGrantOutsideScopeDoesNotNameTheOrg() {
		Actors actors = actors();
		Http api = Http.api(port);
		String unit = api.token(actors.unit(), PASSWORD);

		Response grant = api.post("/api/v1/accounts/" + accountId(actors.resident()) + "/roles", unit,
				Http.json(Map.of("role", "UNIT_ADMIN", "orgId", east)));
		Response missing = api.post("/api/v1/accounts/" + accountId(actors.resident()) + "/roles", unit,
				Http.json(Map.of("role", "UNIT_ADMIN", "orgId", Integer.MAX_VALUE)));

		assertThat(grant.status()).as(grant.toString()).isEqualTo(422);
		assertThat(grant.body()).doesNotContain("东城区");
		assertThat(grant.json().get("detail").asString()).isEqualTo(missing.json().get("detail").asString());
	}

	@Test
	void guessingOnesOwnPasswordThroughASessionStopsAfterThreeAMinute() {
		Actors actors = actors();
		Http api = Http.api(port).from(Http.newClientAddress());
		String cityAdmin = api.token(actors.city(), PASSWORD);
		long unit = accountId(actors.unit());
		String hashBefore = hash(actors.unit());

		List<Integer> answers = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			answers.add(api.post("/api/v1/accounts/" + unit + "/password", cityAdmin,
					Http.json(Map.of("password", "Fresh@2026x", "callerPassword", "Guess@" + i + "x"))).status());
		}
		Response right = api.post("/api/v1/accounts/" + unit + "/password", cityAdmin,
				Http.json(Map.of("password", "Fresh@2026x", "callerPassword", PASSWORD)));

		assertThat(answers).containsOnly(422);
		assertThat(right.status()).as(right.toString()).isEqualTo(429);
		assertThat(hash(actors.unit())).isEqualTo(hashBefore);
	}

	@Test
	void userNamesThatDifferOnlyInCaseAreRefused() {
		Actors actors = actors();
		Response twin = Http.api(port).post("/api/v1/accounts", demoAdmin, Http.json(Map.of("personId",
				personOf(actors.resident()), "username", actors.city().toUpperCase(), "password", PASSWORD)));

		assertThat(twin.status()).as(twin.toString()).isEqualTo(422);
		assertThat(twin.body()).contains("username");
	}

	// ---------------------------------------------------------------------------------------------

	/** The city admin, the district inspector, the unit admin and a resident: all live in 和平社区. */
	record Actors(String city, String inspector, String unit, String resident) {
	}

	private Actors actors() {
		return new Actors(account("OFFICE_ADMIN", city), account("INSPECTOR", east), account("UNIT_ADMIN", heping),
				account("RESIDENT", heping));
	}

	private String account(String role, long orgId) {
		return DemoCity.newAccount(Http.api(port), demoAdmin, heping, "takeover_", PASSWORD, role, orgId);
	}

	private long personOf(String username) {
		return jdbc.sql("select person_id from account where username = ?").param(username).query(Long.class).single();
	}

	private long accountId(String username) {
		return jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
	}

	private long firstAssignment(String username) {
		return jdbc.sql("select min(r.id) from role_assignment r join account a on a.id = r.account_id where a.username = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	private String hash(String username) {
		return jdbc.sql("select password_hash from account where username = ?").param(username).query(String.class).single();
	}

	private boolean enabled(String username) {
		return jdbc.sql("select enabled from account where username = ?").param(username).query(Boolean.class).single();
	}

	private List<String> roles(String username) {
		return jdbc.sql("select r.role from role_assignment r join account a on a.id = r.account_id where a.username = ?")
			.param(username)
			.query(String.class)
			.list();
	}

}
