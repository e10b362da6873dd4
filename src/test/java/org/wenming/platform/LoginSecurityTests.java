package org.wenming.platform;

import java.time.OffsetDateTime;
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
 * Signing in: five wrong passwords lock the account for the address they came from only, with the
 * same answer as a wrong password or an unknown name; audit entries for every login and
 * failure, form login with CSRF, sessions in PostgreSQL, bcrypt hashes and the security headers.
 * Every test signs in from an address of its own, so that the per-address counters of one test
 * never reach another's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginSecurityTests {

	static final String PASSWORD = "Right@2026x";

	static final String BAD_CREDENTIALS = "用户名或密码错误。";

	static final String DISABLED = "该账号已停用。";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	String admin;

	long heping;

	@BeforeAll
	void signIn() {
		DemoCity city = DemoCity.ensure(context);
		admin = Http.api(port).token("admin", DemoCity.PASSWORD);
		heping = city.org("和平社区");
	}

	@Test
	void fiveWrongPasswordsLockTheAccountForThatAddressOnlyAndTheLockAnswersLikeAWrongPassword() {
		String username = newAccount();
		Http stranger = Http.api(port).from(newAddress());

		for (int attempt = 1; attempt <= 5; attempt++) {
			Response wrong = token(stranger, username, "Wrong@2026x" + attempt);
			assertThat(wrong.status()).as(wrong.toString()).isEqualTo(401);
			assertThat(wrong.json().get("detail").asString()).isEqualTo(BAD_CREDENTIALS);
		}
		Response right = token(stranger, username, PASSWORD);
		Response owner = token(Http.api(port).from(newAddress()), username, PASSWORD);

		assertThat(right.status()).as(right.toString()).isEqualTo(401);
		assertThat(right.contentType()).startsWith("application/problem+json");
		assertThat(right.json().get("detail").asString()).isEqualTo(BAD_CREDENTIALS);
		assertThat(right.body()).doesNotContain("token\":\"");
		assertThat(owner.status()).as("the owner signs in from elsewhere: " + owner).isEqualTo(200);
		assertThat(audited(username, "ACCOUNT_LOCKED")).isEqualTo(1);
		assertThat(audited(username, "LOGIN_FAILED")).isEqualTo(6);
		assertThat(audited(username, "LOGIN")).isEqualTo(1);
		OffsetDateTime lockedUntil = jdbc.sql("""
				select l.locked_until from account_login_lock l join account a on a.id = l.account_id
				where a.username = ? and l.locked_until is not null""")
			.param(username)
			.query(OffsetDateTime.class)
			.single();
		assertThat(lockedUntil).isAfter(OffsetDateTime.now().plusMinutes(14));
	}

	@Test
	void aStrangerCannotLockTheCityAdminOut() {
		Http stranger = Http.api(port).from(newAddress());
		for (int attempt = 1; attempt <= 6; attempt++) {
			assertThat(token(stranger, "admin", "Wrong@2026x" + attempt).status()).isEqualTo(401);
		}

		Response admin = token(Http.api(port).from(newAddress()), "admin", DemoCity.PASSWORD);
		Response page = Http.browser(port).from(newAddress()).login("admin", DemoCity.PASSWORD);

		assertThat(admin.status()).as(admin.toString()).isEqualTo(200);
		assertThat(page.header("Location")).as(page.toString()).matches(".*:\\d+/$");
	}

	@Test
	void unknownNamesWrongPasswordsAndLocksGetTheSameAnswer() {
		String locked = newAccount();
		String existing = newAccount();
		String address = newAddress();
		Http client = Http.api(port).from(address);
		for (int attempt = 1; attempt <= 5; attempt++) {
			token(client, locked, "Wrong@2026x");
		}

		Response unknown = token(client, DemoCity.unique("nobody_"), "Wrong@2026x");
		Response wrong = token(client, existing, "Wrong@2026x");
		Response lockedWrong = token(client, locked, "Wrong@2026x");
		Response lockedRight = token(client, locked, PASSWORD);

		for (Response response : List.of(unknown, wrong, lockedWrong, lockedRight)) {
			assertThat(response.status()).as(response.toString()).isEqualTo(401);
			assertThat(response.json().get("detail").asString()).as(response.toString()).isEqualTo(BAD_CREDENTIALS);
			assertThat(response.json().get("title").asString()).isEqualTo(unknown.json().get("title").asString());
			assertThat(response.header("WWW-Authenticate")).isEqualTo(unknown.header("WWW-Authenticate"));
		}
		for (String username : List.of(DemoCity.unique("nobody_"), existing, locked)) {
			Http browser = Http.browser(port).from(address);
			Response login = browser.login(username, username.equals(locked) ? PASSWORD : "Wrong@2026x");
			assertThat(login.header("Location")).as(login.toString()).endsWith("/login?error");
			assertThat(browser.get("/login?error", null).body()).contains(BAD_CREDENTIALS).doesNotContain(DISABLED);
		}
	}

	@Test
	void aDisabledAccountIsToldOnlyToWhoeverGaveItsPassword() {
		String username = newAccount();
		long id = jdbc.sql("select id from account where username = ?").param(username).query(Long.class).single();
		assertThat(Http.api(port).post("/api/v1/accounts/" + id + "/disable", admin, null).status()).isEqualTo(200);
		Http client = Http.api(port).from(newAddress());

		Response wrong = token(client, username, "Wrong@2026x");
		Response right = token(client, username, PASSWORD);
		Http browser = Http.browser(port).from(newAddress());
		browser.login(username, "Wrong@2026x");
		String wrongPage = browser.get("/login?error", null).body();

		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.json().get("detail").asString()).isEqualTo(BAD_CREDENTIALS);
		assertThat(wrongPage).contains(BAD_CREDENTIALS).doesNotContain(DISABLED);
		assertThat(right.status()).isEqualTo(401);
		assertThat(right.json().get("detail").asString()).isEqualTo(DISABLED);
	}

	@Test
	void lockedAddressCannotSignInThroughTheLoginPageEither() {
		String username = newAccount();
		String address = newAddress();
		Http api = Http.api(port).from(address);
		for (int attempt = 1; attempt <= 5; attempt++) {
			token(api, username, "Wrong@2026x");
		}
		Http browser = Http.browser(port).from(address);

		Response login = browser.login(username, PASSWORD);
		Response page = browser.get("/login?error", null);

		assertThat(login.status()).isEqualTo(302);
		assertThat(login.header("Location")).endsWith("/login?error");
		assertThat(page.body()).contains(BAD_CREDENTIALS);
		assertThat(browser.get("/", null).status()).isEqualTo(302);
		Response elsewhere = Http.browser(port).from(newAddress()).login(username, PASSWORD);
		// A resident: the phone pages are its home.
		assertThat(elsewhere.header("Location")).as(elsewhere.toString()).matches(".*:\\d+/m$");
	}

	@Test
	void successfulLoginResetsTheCountOfWrongPasswords() {
		String username = newAccount();
		Http client = Http.api(port).from(newAddress());
		for (int attempt = 1; attempt <= 4; attempt++) {
			token(client, username, "Wrong@2026x");
		}
		assertThat(token(client, username, PASSWORD).status()).isEqualTo(200);

		for (int attempt = 1; attempt <= 4; attempt++) {
			token(client, username, "Wrong@2026x");
		}

		assertThat(token(client, username, PASSWORD).status()).isEqualTo(200);
		assertThat(audited(username, "ACCOUNT_LOCKED")).isZero();
	}

	@Test
	void tokenLoginIsAuditedWithTheClientAddress() {
		String username = newAccount();
		String address = newAddress();

		Response response = token(Http.api(port).from(address), username, PASSWORD);

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().get("token").asString()).hasSizeGreaterThanOrEqualTo(40);
		assertThat(audited(username, "LOGIN")).isEqualTo(1);
		assertThat(jdbc.sql("select actor_ip from audit_log where actor = ? and action = 'LOGIN'")
			.param(username)
			.query(String.class)
			.single()).isEqualTo(address);
	}

	@Test
	void formLoginIsAuditedAndAWrongPasswordToo() {
		String username = newAccount();
		Http browser = Http.browser(port).from(newAddress());

		Response wrong = browser.login(username, "Wrong@2026x");
		Response page = browser.get("/login?error", null);
		Response right = browser.login(username, PASSWORD);

		assertThat(wrong.header("Location")).endsWith("/login?error");
		assertThat(page.body()).contains(BAD_CREDENTIALS);
		assertThat(right.header("Location")).as(right.toString()).matches(".*:\\d+/m$");
		assertThat(audited(username, "LOGIN_FAILED")).isEqualTo(1);
		assertThat(audited(username, "LOGIN")).isEqualTo(1);
	}

	@Test
	void formLoginWithTheCsrfTokenSignsInAndKeepsTheSessionInTheDatabase() {
		long sessionsBefore = sessionsOf("leader");
		Http browser = Http.browser(port).from(newAddress());

		Response login = browser.login("leader", DemoCity.PASSWORD);
		Response workbench = browser.get("/", null);
		Response me = browser.get("/api/v1/me", null);

		assertThat(login.status()).as(login.toString()).isEqualTo(302);
		assertThat(login.header("Location")).matches("http://localhost:\\d+/");
		assertThat(workbench.status()).as(workbench.toString()).isEqualTo(200);
		assertThat(me.status()).as(me.toString()).isEqualTo(200);
		assertThat(me.json().get("username").asString()).isEqualTo("leader");
		assertThat(sessionsOf("leader")).isEqualTo(sessionsBefore + 1);
	}

	@Test
	void formLoginWithoutTheCsrfTokenIsRefused() {
		Http browser = Http.browser(port).from(newAddress());
		browser.get("/login", null);

		Response login = browser.postForm("/login", Map.of("username", "leader", "password", DemoCity.PASSWORD));
		Response forged = browser.postForm("/login",
				Map.of("username", "leader", "password", DemoCity.PASSWORD, "_csrf", "forged"));

		assertThat(login.status()).as(login.toString()).isEqualTo(403);
		assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
		assertThat(browser.get("/", null).status()).isEqualTo(302);
	}

	@Test
	void apiAcceptsThePageSessionButNoChangeWithoutTheCsrfToken() {
		Http browser = Http.browser(port).from(newAddress());
		browser.login("admin", DemoCity.PASSWORD);
		String name = DemoCity.unique("无令牌");

		Response change = browser.post("/api/v1/orgs", null,
				Http.json(Map.of("parentId", heping, "name", name, "type", "DEPARTMENT")));

		assertThat(change.status()).as(change.toString()).isEqualTo(403);
		assertThat(change.json().get("detail").asString()).isEqualTo("您没有权限执行此操作。");
		assertThat(jdbc.sql("select count(*) from org where name = ?").param(name).query(Long.class).single()).isZero();
	}

	@Test
	void logoutEndsTheSessionInTheDatabase() {
		Http browser = Http.browser(port).from(newAddress());
		browser.login("volunteer", DemoCity.PASSWORD);
		long signedIn = sessionsOf("volunteer");
		String csrf = Http.csrfToken(browser.get("/", null).body());

		Response logout = browser.postForm("/logout", Map.of("_csrf", csrf));

		assertThat(logout.status()).isEqualTo(302);
		assertThat(logout.header("Location")).endsWith("/login?logout");
		assertThat(sessionsOf("volunteer")).isEqualTo(signedIn - 1);
		assertThat(browser.get("/", null).status()).isEqualTo(302);
	}

	@Test
	void pagesAndApiAnswersCarryTheSecurityHeaders() {
		Http client = Http.api(port);
		List<Response> responses = List.of(client.get("/login", null), client.get("/api/v1/me", admin),
				client.get("/api/v1/me", null), client.get("/people", null));

		for (Response response : responses) {
			assertThat(response.header("Content-Security-Policy")).as(response.toString())
				.contains("default-src 'self'")
				.contains("script-src 'self'")
				.contains("object-src 'none'")
				.contains("frame-ancestors 'none'");
			assertThat(response.header("X-Content-Type-Options")).as(response.toString()).isEqualTo("nosniff");
			assertThat(response.header("X-Frame-Options")).as(response.toString()).isEqualTo("DENY");
		}
	}

	@Test
	void passwordsAreStoredAsBcryptHashes() {
		String username = newAccount();

		List<String> hashes = jdbc.sql("select password_hash from account where username = any(?)")
			.param(new String[] { "admin", "unit", "inspector", "leader", "volunteer", "resident", username })
			.query(String.class)
			.list();

		assertThat(hashes).hasSize(7).allSatisfy(hash -> assertThat(hash)
			.matches("\\{bcrypt\\}\\$2[aby]\\$\\d{2}\\$[./A-Za-z0-9]{53}")
			.doesNotContain(DemoCity.PASSWORD)
			.doesNotContain(PASSWORD));
	}

	// ---------------------------------------------------------------------------------------------

	/** A new account of a resident of 和平社区 with the password {@link #PASSWORD}. */
	private String newAccount() {
		Http client = Http.api(port);
		Response person = client.post("/api/v1/people", admin, Http.json(Map.of("name", DemoCity.unique("登录"),
				"idNumber", DemoCity.newIdNumber(), "homeOrgId", heping)));
		assertThat(person.status()).as(person.toString()).isEqualTo(201);
		String username = DemoCity.unique("login_");
		Response account = client.post("/api/v1/accounts", admin,
				Http.json(Map.of("personId", person.json().get("id").asLong(), "username", username, "password", PASSWORD,
						"roles", List.of(Map.of("role", "RESIDENT", "orgId", heping)))));
		assertThat(account.status()).as(account.toString()).isEqualTo(201);
		return username;
	}

	private static String newAddress() {
		return Http.newClientAddress();
	}

	private static Response token(Http client, String username, String password) {
		return client.post("/api/v1/auth/token", null, Http.json(Map.of("username", username, "password", password)));
	}

	private long audited(String actor, String action) {
		return jdbc.sql("select count(*) from audit_log where actor = ? and action = ?")
			.params(actor, action)
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
