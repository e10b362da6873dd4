package org.wenming.directory;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.WenmingApplication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions and tokens end with the decisions that should end them, on every instance: the user
 * signs in on instance A (this test's application), an admin acts on instance B (a second
 * application context on its own port, same database), and the user's next request on A sees it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRevocationTests {

	static final String PASSWORD = "Session@2026a";

	@LocalServerPort
	int portA;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	ConfigurableApplicationContext instanceB;

	Http a;

	Http b;

	String adminOnB;

	long heping;

	@BeforeAll
	void twoInstances() {
		heping = DemoCity.ensure(context).org("和平社区");
		instanceB = new SpringApplicationBuilder(WenmingApplication.class).run("--server.port=0");
		int portB = Integer.parseInt(instanceB.getEnvironment().getProperty("local.server.port"));
		assertThat(portB).isNotEqualTo(portA);
		a = Http.api(portA);
		b = Http.api(portB);
		adminOnB = b.token("admin", DemoCity.PASSWORD);
	}

	@AfterAll
	void stopInstanceB() {
		instanceB.close();
	}

	@Test
	void disablingOnBEndsTheSessionAndTheTokenOnA() {
		String user = account("RESIDENT");
		Http browser = signedIn(user);
		String token = a.token(user, PASSWORD);
		assertThat(browser.get("/", null).status()).isEqualTo(200);
		assertThat(a.get("/api/v1/me", token).status()).isEqualTo(200);

		Response disable = b.post("/api/v1/accounts/" + accountId(user) + "/disable", adminOnB, null);

		assertThat(disable.status()).as(disable.toString()).isEqualTo(200);
		assertThat(sessionsOf(user)).isZero();
		Response page = browser.get("/", null);
		assertThat(page.status()).as(page.toString()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login");
		assertThat(browser.get("/api/v1/me", null).status()).isEqualTo(401);
		assertThat(a.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	@Test
	void resettingThePasswordOnBEndsTheSessionAndTheTokenOnA() {
		String user = account("RESIDENT");
		Http browser = signedIn(user);
		String token = a.token(user, PASSWORD);

		Response reset = b.post("/api/v1/accounts/" + accountId(user) + "/password", adminOnB,
				Http.json(Map.of("password", "Changed@2026x")));

		assertThat(reset.status()).as(reset.toString()).isEqualTo(204);
		assertThat(browser.get("/", null).status()).isEqualTo(302);
		assertThat(a.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	@Test
	void revokingARoleOnBEndsTheSessionAndTheTokenOnA() {
		String user = account("INSPECTOR");
		Http browser = signedIn(user);
		String token = a.token(user, PASSWORD);
		assertThat(browser.get("/people", null).status()).isEqualTo(200);

		Response revoke = b.delete("/api/v1/accounts/" + accountId(user) + "/roles/" + firstAssignment(user), adminOnB);

		assertThat(revoke.status()).as(revoke.toString()).isEqualTo(200);
		assertThat(browser.get("/people", null).status()).isEqualTo(302);
		assertThat(a.get("/api/v1/me", token).status()).isEqualTo(401);
	}

	@Test
	void aRoleGrantedOnBCountsFromTheNextRequestOnAWithoutSigningInAgain() {
		String user = account("RESIDENT");
		Http browser = signedIn(user);
		Response before = browser.get("/people", null);
		assertThat(before.status()).as(before.toString()).isEqualTo(403);

		Response grant = b.post("/api/v1/accounts/" + accountId(user) + "/roles", adminOnB,
				Http.json(Map.of("role", "INSPECTOR", "orgId", heping)));

		assertThat(grant.status()).as(grant.toString()).isEqualTo(200);
		Response after = browser.get("/people", null);
		assertThat(after.status()).as(after.toString()).isEqualTo(200);
		assertThat(sessionsOf(user)).isEqualTo(1);
	}

	@Test
	void aRoleRevokedBehindTheApplicationsBackCountsFromTheNextRequest() {
		String user = account("INSPECTOR");
		Http browser = signedIn(user);
		assertThat(browser.get("/people", null).status()).isEqualTo(200);

		// Not through Accounts (which would end the session): only the per-request reload can see it.
		jdbc.sql("delete from role_assignment where account_id = ?").param(accountId(user)).update();

		assertThat(browser.get("/people", null).status()).isEqualTo(403);
	}

	@Test
	void deletingTheTokenRevokesOnlyThatToken() {
		String user = account("RESIDENT");
		String first = a.token(user, PASSWORD);
		String second = a.token(user, PASSWORD);

		Response revoke = a.delete("/api/v1/auth/token", first);

		assertThat(revoke.status()).as(revoke.toString()).isEqualTo(204);
		assertThat(a.get("/api/v1/me", first).status()).isEqualTo(401);
		assertThat(b.get("/api/v1/me", first).status()).isEqualTo(401);
		assertThat(b.get("/api/v1/me", second).status()).isEqualTo(200);
		assertThat(a.delete("/api/v1/auth/token", null).status()).isEqualTo(401);
	}

	@Test
	void theApiDescriptionListsTheTokenRevocation() {
		String reader = account("RESIDENT");
		Response docs = a.send("GET", "/v3/api-docs", a.token(reader, PASSWORD), null,
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Accept", "application/json");

		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		assertThat(docs.json().get("paths").get("/api/v1/auth/token").has("delete")).isTrue();
		assertThat(docs.json().get("paths").get("/api/v1/auth/token").get("delete").get("responses").has("204"))
			.isTrue();
	}

	@Test
	void signingOutRevokesTheTokensOnlyWhenAsked() {
		String kept = account("RESIDENT");
		String keptToken = a.token(kept, PASSWORD);
		Http keeping = signedIn(kept);
		String csrf = Http.csrfToken(keeping.get("/", null).body());
		assertThat(keeping.postForm("/logout", Map.of("_csrf", csrf)).status()).isEqualTo(302);
		assertThat(a.get("/api/v1/me", keptToken).status()).isEqualTo(200);

		String ended = account("RESIDENT");
		String endedToken = a.token(ended, PASSWORD);
		Http ending = signedIn(ended);
		String page = ending.get("/", null).body();
		assertThat(page).contains("name=\"revokeTokens\"").contains("同时作废我的接口令牌");
		Response logout = ending.postForm("/logout", Map.of("_csrf", Http.csrfToken(page), "revokeTokens", "1"));

		assertThat(logout.status()).isEqualTo(302);
		assertThat(b.get("/api/v1/me", endedToken).status()).isEqualTo(401);
	}

	// ---------------------------------------------------------------------------------------------

	private Http signedIn(String user) {
		Http browser = Http.browser(portA).from(Http.newClientAddress());
		Response login = browser.login(user, PASSWORD);
		// Residents land on the phone pages, everyone else on the workbench.
		assertThat(login.header("Location")).as(login.toString()).matches(".*:\\d+/m?$");
		return browser;
	}

	/** A new account of a resident of 和平社区 with one role there, made on instance B. */
	private String account(String role) {
		return DemoCity.newAccount(b, adminOnB, heping, "session_", PASSWORD, role, heping);
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

	private long sessionsOf(String username) {
		return jdbc.sql("select count(*) from spring_session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

}
