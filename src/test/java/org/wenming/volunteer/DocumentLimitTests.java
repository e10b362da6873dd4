package org.wenming.volunteer;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Documents (exports, certificates, the outline of a plan text) cost seconds of CPU each at the size
 * limit: each account may ask for {@code wenming.document-limit-per-minute} of them a minute,
 * counted in the database (so on every instance alike), and gets 429 in Chinese beyond.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "wenming.document-limit-per-minute=3")
class DocumentLimitTests {

	static final String LIMITED = "导出和生成文档过于频繁（每分钟最多 3 次），请一分钟后再试。";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	VolunteerFixture f;

	@BeforeEach
	void fixture() {
		f = VolunteerFixture.create(context);
	}

	private Response outline(Http http, String token) {
		return http.send("POST", "/api/v1/plan-documents/outline", token, "text/plain; charset=UTF-8",
				"一、总体要求\n二、工作措施");
	}

	/** Waits for a fresh minute when the current one is about to end, so that all counts land in one. */
	private static void startOfAMinute() throws InterruptedException {
		int second = java.time.LocalTime.now().getSecond();
		if (second > 45) {
			Thread.sleep((61 - second) * 1000L);
		}
	}

	@Test
	void anAccountGetsAtMostTheLimitOfDocumentsAMinuteAndThen429() throws InterruptedException {
		f.resident("v", f.communityA, true);
		f.resident("w", f.communityA, true);
		Http http = Http.api(port);
		String token = http.token(f.user("v"), "Passw0rd-Test");
		String other = http.token(f.user("w"), "Passw0rd-Test");
		startOfAMinute();

		// The attack: one account asks for document after document.
		for (int i = 0; i < 3; i++) {
			Response allowed = outline(http, token);
			assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);
		}
		Response refused = outline(http, token);
		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("application/problem+json");
		assertThat(refused.json().get("detail").asString()).isEqualTo(LIMITED);
		assertThat(refused.json().get("title").asString()).isEqualTo("请求过于频繁");
		assertThat(refused.header("Retry-After")).isEqualTo("60");
		Response export = http.post("/api/v1/plan-documents/export?format=pdf", token,
				Http.json(Map.of("text", "一、总体要求\n二、工作措施")));
		assertThat(export.status()).as("every document endpoint shares the limit: " + export).isEqualTo(429);

		// The count is in the database, where every instance reads it.
		assertThat(f.jdbc.sql("select max(failures) from login_throttle where address like 'document:account:%' "
				+ "and window_start = date_trunc('minute', now())").query(Integer.class).single()).isGreaterThanOrEqualTo(5);

		// Another account is not held back by the first.
		assertThat(outline(http, other).status()).isEqualTo(200);
	}

	@Test
	void thePagesSayItInChinese() throws InterruptedException {
		long person = f.resident("p", f.communityA, true);
		f.as("a", () -> context.getBean(Volunteers.class).registerByUnit(new VolunteerRegistration(person,
				f.communityA.id(), null, "", "", "", null, null, null, null)));
		f.credit(person, f.communityA, "2", LocalDate.of(2026, 1, 10));
		Http browser = Http.browser(port);
		assertThat(browser.login(f.user("p"), "Passw0rd-Test").status()).isEqualTo(302);
		startOfAMinute();
		String card = browser.get("/m/volunteer", null).body();

		Response issued = browser.postForm("/m/volunteer/certificate", Map.of("_csrf", Http.csrfToken(card)));
		assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
		assertThat(browser.get("/m/volunteer/certificate.pdf", null).status()).isEqualTo(200);
		assertThat(browser.get("/m/volunteer/certificate.pdf", null).status()).isEqualTo(200);
		Response refused = browser.get("/m/volunteer/certificate.pdf", null);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
		assertThat(refused.contentType()).startsWith("text/html");
		assertThat(refused.body()).contains(LIMITED);
		assertThat(browser.postForm("/m/volunteer/certificate", Map.of("_csrf", Http.csrfToken(card))).status())
			.isEqualTo(429);
		assertThat(f.jdbc.sql("select count(*) from volunteer_certificate where person_id = ?").param(person)
			.query(Long.class).single()).as("a refused issue stores nothing").isEqualTo(1);
	}

}
