package org.wenming.platform;

import java.time.LocalTime;
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
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-address limit on failed logins, set to three a minute here (its own application
 * context, same database): the fourth attempt from that address within the minute is refused
 * whatever its credentials, while other addresses go on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wenming.address-limit-per-minute=3")
@ActiveProfiles("demo")
class LoginThrottleTests {

	static final String THROTTLED = "登录尝试过于频繁，请一分钟后再试。";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void demoCityAndAFreshMinute() throws InterruptedException {
		DemoCity.ensure(context);
		// The counter is per minute: start early enough in one that four attempts stay within it.
		int second = LocalTime.now().getSecond();
		if (second > 45) {
			Thread.sleep((61 - second) * 1000L);
		}
	}

	@Test
	void fourthTokenRequestFromAnAddressWithThreeFailuresThisMinuteIsRefusedWith429() {
		Http client = Http.api(port).from(Http.newClientAddress());
		String nobody = DemoCity.unique("nobody_");

		for (int attempt = 1; attempt <= 3; attempt++) {
			Response failed = token(client, nobody, "Wrong@2026x");
			assertThat(failed.status()).as(failed.toString()).isEqualTo(401);
		}
		Response fourth = token(client, "admin", DemoCity.PASSWORD);

		assertThat(fourth.status()).as(fourth.toString()).isEqualTo(429);
		assertThat(fourth.contentType()).startsWith("application/problem+json");
		assertThat(fourth.json().get("detail").asString()).isEqualTo(THROTTLED);
		assertThat(fourth.json().get("title").asString()).isEqualTo("请求过于频繁");
		assertThat(token(Http.api(port).from(Http.newClientAddress()), "admin", DemoCity.PASSWORD).status())
			.isEqualTo(200);
	}

	@Test
	void fourthFormLoginFromAnAddressWithThreeFailuresThisMinuteGoesBackToTheLoginPage() {
		Http browser = Http.browser(port).from(Http.newClientAddress());
		String nobody = DemoCity.unique("nobody_");
		for (int attempt = 1; attempt <= 3; attempt++) {
			Response failed = browser.login(nobody, "Wrong@2026x");
			assertThat(failed.header("Location")).as(failed.toString()).endsWith("/login?error");
		}

		Response fourth = browser.login("admin", DemoCity.PASSWORD);
		Response page = browser.get("/login?throttled", null);

		assertThat(fourth.status()).isEqualTo(302);
		assertThat(fourth.header("Location")).endsWith("/login?throttled");
		assertThat(page.body()).contains(THROTTLED);
		assertThat(browser.get("/", null).status()).isEqualTo(302);
	}

	@Test
	void throttlingCountsFailuresOnlyNotSuccesses() {
		Http client = Http.api(port).from(Http.newClientAddress());

		for (int attempt = 1; attempt <= 5; attempt++) {
			Response ok = token(client, "resident", DemoCity.PASSWORD);
			assertThat(ok.status()).as(ok.toString()).isEqualTo(200);
		}
	}

	private static Response token(Http client, String username, String password) {
		return client.post("/api/v1/auth/token", null, Http.json(Map.of("username", username, "password", password)));
	}

}
