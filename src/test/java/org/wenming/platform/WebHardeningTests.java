package org.wenming.platform;

import java.net.http.HttpRequest.BodyPublishers;
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
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The low-severity holes of the web layer: the large-font switch redirects only to a page of this
 * site, the OpenAPI document and Swagger UI need a signed-in user (unless configured public), and
 * behind TLS (a trusted proxy's {@code X-Forwarded-Proto: https}) the answers carry HSTS and the
 * session cookie is {@code Secure}; every page carries the Permissions-Policy.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebHardeningTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	String token;

	@BeforeAll
	void signIn() {
		DemoCity.ensure(context);
		token = Http.api(port).token("resident", DemoCity.PASSWORD);
	}

	private Response switchFont(Http browser, String referer) {
		String csrf = Http.csrfToken(browser.get("/login", null).body());
		return browser.send("POST", "/preferences/large-font", null, "application/x-www-form-urlencoded",
				BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf, java.nio.charset.StandardCharsets.UTF_8)),
				"Referer", referer);
	}

	private static String path(Response response) {
		String location = response.header("Location");
		assertThat(location).as(response.toString()).isNotNull();
		return location.replaceFirst("^https?://localhost:\\d+", "");
	}

	@Test
	void theLargeFontSwitchNeverRedirectsToAnotherHost() {
		Http browser = Http.browser(port);
		String self = "http://localhost:" + port;
		for (String attack : List.of(self + "//evil.example/login", self + "/\\evil.example/", self + "//evil.example",
				"https://evil.example/", "http://localhost:" + (port + 1) + "/x", "http://user@evil.example/",
				self + "@evil.example/", "javascript:alert(1)", "//evil.example/", "/%5Cevil.example")) {
			Response response = switchFont(browser, attack);
			assertThat(response.status()).as(attack).isEqualTo(302);
			assertThat(path(response)).as(attack).isEqualTo("/");
		}
		Response back = switchFont(browser, self + "/activities?page=2");
		assertThat(path(back)).isEqualTo("/activities?page=2");
	}

	@Test
	void theApiDocumentAndSwaggerUiNeedASignedInUser() {
		Http api = Http.api(port);
		Response anonymous = api.get("/v3/api-docs", null);
		assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
		assertThat(anonymous.contentType()).startsWith("application/problem+json");
		assertThat(anonymous.json().get("detail").asString()).isEqualTo("请先登录，或提供有效的访问令牌。");
		Response ui = Http.browser(port).get("/swagger-ui.html", null);
		assertThat(ui.status()).as(ui.toString()).isEqualTo(302);
		assertThat(ui.header("Location")).endsWith("/login");

		Response withToken = api.send("GET", "/v3/api-docs", token, null, BodyPublishers.noBody(), "Accept",
				"application/json");
		assertThat(withToken.status()).as(withToken.toString()).isEqualTo(200);
		assertThat(withToken.json().get("paths").has("/api/v1/people/{id}")).isTrue();

		Http browser = Http.browser(port);
		assertThat(browser.login("resident", DemoCity.PASSWORD).status()).isEqualTo(302);
		Response withSession = browser.send("GET", "/v3/api-docs", null, null, BodyPublishers.noBody(), "Accept",
				"application/json");
		assertThat(withSession.status()).as(withSession.toString()).isEqualTo(200);
		assertThat(browser.get("/swagger-ui.html", null).status()).isIn(200, 302);
		Response index = browser.get("/swagger-ui/index.html", null);
		assertThat(index.status()).as(index.toString()).isEqualTo(200);
	}

	private static String sessionCookie(Response response) {
		List<String> cookies = response.headers().allValues("Set-Cookie");
		assertThat(cookies).as(response.toString()).anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION="));
		return cookies.stream().filter(cookie -> cookie.startsWith("SESSION=")).findFirst().orElseThrow();
	}

	@Test
	void behindTlsTheAnswersCarryHstsAndTheSessionCookieIsSecure() {
		// Cookies are handled by hand: a client over plain HTTP rightly never sends a Secure cookie back.
		Http client = Http.api(port);
		Response page = client.send("GET", "/login", null, null, BodyPublishers.noBody(), "Accept", "text/html",
				"X-Forwarded-Proto", "https");
		assertThat(page.header("Strict-Transport-Security")).as(page.toString()).contains("max-age=31536000")
			.contains("includeSubDomains");
		assertThat(page.header("Permissions-Policy")).contains("camera=(self)").contains("geolocation=(self)")
			.contains("microphone=()").contains("payment=()");
		String session = sessionCookie(page);
		assertThat(session).containsIgnoringCase("; Secure").containsIgnoringCase("HttpOnly");
		Map<String, String> fields = Map.of("username", "resident", "password", DemoCity.PASSWORD, "_csrf",
				Http.csrfToken(page.body()));
		String form = fields.entrySet().stream()
			.map(e -> e.getKey() + "=" + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
			.reduce((a, b) -> a + "&" + b).orElseThrow();
		Response login = client.send("POST", "/login", null, "application/x-www-form-urlencoded",
				BodyPublishers.ofString(form), "Accept", "text/html", "X-Forwarded-Proto", "https", "Cookie",
				session.substring(0, session.indexOf(';')));
		assertThat(login.status()).as(login.toString()).isEqualTo(302);
		assertThat(login.header("Location")).doesNotContain("error");
		assertThat(sessionCookie(login)).as("the session after signing in").containsIgnoringCase("; Secure")
			.containsIgnoringCase("HttpOnly");
		Response api = Http.api(port).send("GET", "/api/v1/me", token, null, BodyPublishers.noBody(), "X-Forwarded-Proto",
				"https");
		assertThat(api.header("Strict-Transport-Security")).contains("max-age=31536000");

		// Over plain HTTP (no proxy saying otherwise) a browser ignores HSTS, and it is not sent.
		Response plain = Http.browser(port).get("/login", null);
		assertThat(plain.header("Strict-Transport-Security")).isNull();
		assertThat(plain.header("Permissions-Policy")).contains("camera=(self)");
	}

}
