package org.wenming.directory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
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
 * Exact-match look-ups as unmasking oracles: guessing the hidden digits of {@code 193****0634}
 * through {@code ?phone=}, an ID number through {@code ?idNumber=}, through the duplicate check of
 * the person form and through the ID check of volunteer self-registration. Each needs
 * {@code person:full} or answers neutrally, is audited without the number in clear, and stops at
 * {@code wenming.lookups.per-hour} (30) per account with 429.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnmaskingOracleTests {

	static final int PER_HOUR = 30;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http api;

	String admin;

	String inspector;

	long heping;

	long mingzhu;

	@BeforeAll
	void signIn() {
		DemoCity city = DemoCity.ensure(context);
		api = Http.api(port);
		admin = api.token("admin", DemoCity.PASSWORD);
		inspector = api.token("inspector", DemoCity.PASSWORD);
		heping = city.org("和平社区");
		mingzhu = city.org("明珠社区");
	}

	@Test
	void searchingByFullNumberNeedsPersonFull() {
		Victim victim = person(heping);
		Response byPhone = api.get("/api/v1/people?phone=" + victim.phone(), inspector);
		Response byId = api.get("/api/v1/people?idNumber=" + victim.idNumber(), inspector);
		assertThat(byPhone.status()).as(byPhone.toString()).isEqualTo(403);
		assertThat(byId.status()).as(byId.toString()).isEqualTo(403);
		assertThat(byPhone.json().get("detail").asString()).contains("查看完整个人信息");
		assertThat(byPhone.body()).doesNotContain(victim.name());

		Http browser = Http.browser(port).from(Http.newClientAddress());
		browser.login("inspector", DemoCity.PASSWORD);
		Response page = browser.get("/people?phone=" + victim.phone(), null);
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.body()).doesNotContain(victim.name());
		assertThat(browser.get("/people", null).body()).doesNotContain("name=\"phone\"").doesNotContain("name=\"idNumber\"");
	}

	@Test
	void guessingAPhoneStopsAtTheHourlyLimitAndIsAuditedMasked() {
		String username = account("UNIT_ADMIN", heping);
		String token = api.token(username, DemoCity.PASSWORD);
		Victim victim = person(heping);
		String visible = victim.phone().substring(0, 3);
		String last = victim.phone().substring(7);
		int found = -1;
		Response refused = null;
		// The attack: walk the 10,000 candidates of 139****NNNN.
		for (int guess = 0; guess < 10_000; guess++) {
			String candidate = visible + String.format("%04d", guess) + last;
			Response response = api.get("/api/v1/people?phone=" + candidate, token);
			if (response.status() == 429) {
				refused = response;
				assertThat(guess).isEqualTo(PER_HOUR);
				break;
			}
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
			if (response.json().get("total").asLong() > 0) {
				found = guess;
			}
		}
		assertThat(refused).as("the guessing was stopped").isNotNull();
		assertThat(refused.contentType()).contains("application/problem+json");
		assertThat(refused.json().get("detail").asString()).contains("过于频繁");
		assertThat(found).as("found only if the number was among the first 30 guesses")
			.isEqualTo(Integer.parseInt(victim.phone().substring(3, 7)) < PER_HOUR
					? Integer.parseInt(victim.phone().substring(3, 7)) : -1);

		// The ID number search is counted against the same allowance, and the pages answer 429 too.
		assertThat(api.get("/api/v1/people?idNumber=" + victim.idNumber(), token).status()).isEqualTo(429);
		Http browser = Http.browser(port).from(Http.newClientAddress());
		browser.login(username, DemoCity.PASSWORD);
		Response page = browser.get("/people?phone=" + victim.phone(), null);
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.body()).contains("过于频繁").doesNotContain(victim.name());
		// Ordinary searches go on.
		assertThat(api.get("/api/v1/people?name=" + encode(victim.name()), token).json().get("total").asLong()).isEqualTo(1);

		List<String> audited = jdbc.sql("select summary from audit_log where actor = ? and action like 'SEARCH_FULL%'")
			.param(username)
			.query(String.class)
			.list();
		assertThat(audited).hasSizeGreaterThan(PER_HOUR);
		assertThat(audited).allSatisfy(summary -> assertThat(summary).doesNotContain(victim.phone())
			.doesNotContain(victim.idNumber())
			.containsPattern("\\*{4}"));
		System.out.printf("Phone guessing: %d of 10,000 candidates tried before 429, %d audit entries%n", PER_HOUR,
				audited.size());
	}

	@Test
	void duplicateIdNumberOutsideScopeGetsANeutralRefusal() {
		String username = account("UNIT_ADMIN", heping);
		String token = api.token(username, DemoCity.PASSWORD);
		Victim elsewhere = person(mingzhu);
		Victim inScope = person(heping);

		Response outside = api.post("/api/v1/people", token, body("重复外", elsewhere.idNumber(), heping));
		Response inside = api.post("/api/v1/people", token, body("重复内", inScope.idNumber(), heping));
		Response unused = api.post("/api/v1/people", token, body("未登记", DemoCity.newIdNumber(), heping));

		assertThat(outside.status()).as(outside.toString()).isEqualTo(422);
		assertThat(outside.body()).doesNotContain("已登记").doesNotContain(elsewhere.name()).contains("无法在此登记");
		assertThat(inside.status()).isEqualTo(422);
		assertThat(inside.body()).contains("已登记");
		assertThat(unused.status()).isEqualTo(201);
		assertThat(jdbc.sql("select coalesce(sum(lookups), 0) from lookup_throttle where account = ?")
			.param(username)
			.query(Long.class)
			.single()).as("the refusal outside scope counts as a look-up").isEqualTo(1);
	}

	@Test
	void selfRegistrationDoesNotTellWhoseIdNumberItIsAndStopsGuessing() {
		String username = account("RESIDENT", heping);
		String token = api.token(username, DemoCity.PASSWORD);
		long me = jdbc.sql("select person_id from account where username = ?").param(username).query(Long.class).single();
		jdbc.sql("update person set id_number_cipher = null, id_number_hash = null, id_number_masked = null where id = ?")
			.param(me)
			.update();
		Victim someoneElse = person(mingzhu);

		Response taken = api.post("/api/v1/volunteers/me", token, registration(someoneElse.idNumber()));
		assertThat(taken.status()).as(taken.toString()).isEqualTo(422);
		assertThat(taken.body()).doesNotContain("他人").contains("未能核验");

		Response last = taken;
		for (int i = 1; i <= PER_HOUR && last.status() != 429; i++) {
			last = api.post("/api/v1/volunteers/me", token, registration(someoneElse.idNumber()));
		}
		assertThat(last.status()).isEqualTo(429);
		assertThat(api.post("/api/v1/volunteers/me", token, registration(someoneElse.idNumber())).status()).isEqualTo(429);
		assertThat(jdbc.sql("select count(*) from volunteer where person_id = ?").param(me).query(Long.class).single())
			.isZero();
	}

	record Victim(long id, String name, String idNumber, String phone) {
	}

	private Victim person(long homeOrgId) {
		String name = DemoCity.unique("猜测");
		String idNumber = DemoCity.newIdNumber();
		String phone = DemoCity.newPhone();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", name);
		body.put("idNumber", idNumber);
		body.put("phone", phone);
		body.put("homeOrgId", homeOrgId);
		Response created = api.post("/api/v1/people", admin, Http.json(body));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return new Victim(created.json().get("id").asLong(), name, idNumber, phone);
	}

	/** A fresh account (its own look-up allowance) holding the role at the org. */
	private String account(String role, long orgId) {
		Victim person = person(orgId);
		String username = DemoCity.unique("oracle_");
		Response created = api.post("/api/v1/accounts", admin, Http.json(Map.of("personId", person.id(), "username",
				username, "password", DemoCity.PASSWORD, "roles", List.of(Map.of("role", role, "orgId", orgId)))));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return username;
	}

	private static String body(String name, String idNumber, long homeOrgId) {
		return Http.json(Map.of("name", DemoCity.unique(name), "idNumber", idNumber, "homeOrgId", homeOrgId));
	}

	private String registration(String idNumber) {
		return Http.json(Map.of("orgId", heping, "idNumber", idNumber, "skills", "陪伴"));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
