package org.wenming.volunteer.web;

import java.util.LinkedHashMap;
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
 * A control character or a time that is no time, typed into a phone or store form, is refused on
 * the same page in Chinese, naming the field by its label, with what was typed still in the form;
 * never an error page naming the field by its code.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	DemoCity city;

	String adminToken;

	@BeforeAll
	void demoCity() {
		city = DemoCity.ensure(context);
		adminToken = Http.api(port).token("admin", DemoCity.PASSWORD);
	}

	private Http signedIn(String username) {
		Http http = Http.browser(port).from(Http.newClientAddress());
		assertThat(http.login(username, DemoCity.PASSWORD).status()).isEqualTo(302);
		return http;
	}

	private Http newResident() {
		long heping = city.org("和平社区");
		String username = DemoCity.newAccount(Http.api(port), adminToken, heping, "jw", DemoCity.PASSWORD, "RESIDENT",
				heping);
		return signedIn(username);
	}

	private static Map<String, String> form(String page, String... fields) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", Http.csrfToken(page));
		for (int i = 0; i < fields.length; i += 2) {
			form.put(fields[i], fields[i + 1]);
		}
		return form;
	}

	@Test
	void anOrderWithAControlCharacterOrABadTimeStaysOnThePhoneFormWithWhatWasTyped() {
		Http resident = newResident();
		Response page = resident.get("/m/orders", null);
		String category = page.body().replaceAll("(?s).*<select[^>]*id=\"categoryId\"[^>]*>\\s*<option value=\"(\\d+)\".*", "$1");

		Response control = resident.postForm("/m/orders", form(page.body(), "categoryId", category, "desiredFrom",
				"2026-12-20T09:00", "desiredTo", "2026-12-20T11:00", "description", "帮忙修\u0007水管", "phone",
				"13800138000", "address", "和平路1号"));
		assertThat(control.status()).as(control.toString()).isEqualTo(422);
		assertThat(control.body()).contains("id=\"form-error\"", "“需求描述”含有不允许的字符")
			.doesNotContain("“description”")
			.contains("value=\"和平路1号\"", "value=\"13800138000\"", "value=\"2026-12-20T09:00\"");

		Response badTime = resident.postForm("/m/orders", form(page.body(), "categoryId", category, "desiredFrom",
				"明天上午", "desiredTo", "2026-12-20T11:00", "description", "帮忙修水管", "phone", "13800138000"));
		assertThat(badTime.status()).as(badTime.toString()).isEqualTo(422);
		assertThat(badTime.body()).contains("id=\"form-error\"", "开始")
			.doesNotContain("desiredFrom”", "“desiredFrom")
			.contains(">帮忙修水管</textarea>", "value=\"明天上午\"");
	}

	@Test
	void aRegistrationWithAControlCharacterStaysOnThePhoneFormWithWhatWasTyped() {
		Http resident = newResident();
		Response page = resident.get("/m/volunteer", null);
		assertThat(page.body()).contains("id=\"self-register\"");
		Response refused = resident.postForm("/m/volunteer", form(page.body(), "idNumber", "", "orgId",
				String.valueOf(city.org("和平社区")), "skills", "急救\u0001摄影", "availability", "周末"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"form-error\"", "“技能特长”含有不允许的字符")
			.doesNotContain("“skills”")
			.contains("value=\"周末\"");
	}

	@Test
	void aBonusWithAControlCharacterStaysOnTheStoreFormWithWhatWasTyped() {
		Http admin = signedIn("admin");
		Response page = admin.get("/store/bonus", null);
		Response refused = admin.postForm("/store/bonus",
				form(page.body(), "points", "5", "reason", "助人\u001b为乐"));
		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.body()).contains("id=\"form-error\"", "“理由”含有不允许的字符")
			.doesNotContain("“reason”")
			.contains("value=\"5\"");
	}

}
