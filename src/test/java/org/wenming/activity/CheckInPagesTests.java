package org.wenming.activity;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.plan.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check-in the way people scan, through the pages: the QR code holds a link to the phone page,
 * which a person not signed in opens after signing in (the token has expired by then, but the
 * phone showed it in time) and completes with one tap; the same link checks out; the six-digit code
 * alone names the activity; refusals stay on the page with what was typed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClock.Config.class)
class CheckInPagesTests {

	private static final Pattern LINK = Pattern.compile("data-url=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	HoursFixture f;

	LocalDate day;

	@BeforeEach
	void fixture() {
		f = new HoursFixture(context);
		day = LocalDate.now().plusYears(2).plusDays(f.tag.hashCode() & 127);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void qrLinkOpensThePhonePageAndChecksInAfterSignInWithOneTapThenOut() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		String other = f.volunteer();
		f.signUp(activity, volunteer);
		f.signUp(activity, other);
		clock.set(day.atTime(8, 50));
		Http leader = Http.browser(port);
		leader.login(f.leader, HoursFixture.PASSWORD);
		Response screen = leader.get("/activities/" + activity + "/checkin", null);
		assertThat(screen.status()).as(screen.toString()).isEqualTo(200);
		assertThat(screen.body()).contains("清洁家园" + f.tag, "社区广场", day + " 09:00 — 11:00", "id=\"checkin-count\"",
				"checkin-fullscreen");
		String url = link(screen.body());
		assertThat(url).startsWith("http://localhost:" + port + "/m/checkin?t=" + activity + ".");
		String apiUrl = Http.api(port)
			.get("/api/v1/activities/" + activity + "/checkin-token", Http.api(port).token(f.leader, HoursFixture.PASSWORD))
			.json()
			.get("url")
			.asString();
		assertThat(apiUrl).as("the live token, unused, is the same").isEqualTo(url);

		Http phone = Http.browser(port);
		String path = URI.create(url).getRawPath() + "?" + URI.create(url).getRawQuery();
		Response opened = phone.get(path, null);
		assertThat(opened.status()).isEqualTo(302);
		assertThat(opened.header("Location")).endsWith("/login");
		clock.set(day.atTime(8, 52));
		Response signedIn = phone.login(volunteer, HoursFixture.PASSWORD);
		assertThat(signedIn.header("Location")).as("back to the link").contains("/m/checkin?t=");
		Response page = phone.get(URI.create(signedIn.header("Location")).getRawPath() + "?"
				+ URI.create(signedIn.header("Location")).getRawQuery(), null);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains("清洁家园" + f.tag, "社区广场", "id=\"checkin-submit\"", ">签到</button>");
		Response tapped = phone.postForm("/m/checkin", Map.of("t", token(url), "_csrf", Http.csrfToken(page.body())));
		assertThat(tapped.status()).as("two minutes after the token was shown, it still counts").isEqualTo(302);
		assertThat(tapped.header("Location")).endsWith("/m/checkin/" + activity);
		Response done = phone.get("/m/checkin/" + activity, null);
		assertThat(done.body()).contains("签到成功", "08:52 已签到").doesNotContain("id=\"checkin-submit\"");

		Http late = Http.browser(port);
		late.login(other, HoursFixture.PASSWORD);
		Response refused = late.get(path, null);
		refused = late.postForm("/m/checkin", Map.of("t", token(url), "_csrf", Http.csrfToken(refused.body())));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).contains("该签到码已被其他账号使用", "清洁家园" + f.tag, "/m/scan");

		clock.set(day.atTime(10, 30));
		String later = leader.get("/activities/" + activity + "/checkin/token", null).json().get("url").asString();
		Response again = phone.get(URI.create(later).getRawPath() + "?" + URI.create(later).getRawQuery(), null);
		assertThat(again.body()).contains(">签退</button>", "08:52 已签到");
		Response out = phone.postForm("/m/checkin", Map.of("t", token(later), "_csrf", Http.csrfToken(again.body())));
		assertThat(out.status()).isEqualTo(302);
		assertThat(phone.get("/m/checkin/" + activity, null).body()).contains("签退成功", "10:30 已签退",
				"按活动时间计 1.5 小时");
		assertThat(leader.get("/activities/" + activity + "/checkin/token", null).json().get("checkedIn").asInt())
			.isEqualTo(1);
	}

	@Test
	void theCodeAloneNamesTheActivityAndAWrongCodeStaysOnThePage() {
		long activity = f.activity(day.atTime(14, 0), day.atTime(16, 0));
		String volunteer = f.volunteer();
		f.signUp(activity, volunteer);
		clock.set(day.atTime(14, 10));
		Http leader = Http.browser(port);
		leader.login(f.leader, HoursFixture.PASSWORD);
		String code = leader.get("/activities/" + activity + "/checkin/token", null).json().get("code").asString();
		String wrong = jdbc.sql("""
				select lpad(n::text, 6, '0') from generate_series(0, 999) n
				where lpad(n::text, 6, '0') not in (select code from checkin_token) limit 1""").query(String.class).single();

		Http phone = Http.browser(port);
		phone.login(volunteer, HoursFixture.PASSWORD);
		Response scan = phone.get("/m/scan", null);
		assertThat(scan.body()).contains("scan-photo", "capture=\"environment\"", "scan-code").doesNotContain("活动编号",
				"activityId");
		Response bad = phone.postForm("/m/scan", Map.of("code", wrong, "_csrf", Http.csrfToken(scan.body())));
		assertThat(bad.status()).isEqualTo(422);
		assertThat(bad.body()).contains("签到码不正确", "value=\"" + wrong + "\"", "is-invalid");
		Response typo = phone.postForm("/m/scan", Map.of("code", "12a4", "_csrf", Http.csrfToken(bad.body())));
		assertThat(typo.status()).isEqualTo(422);
		assertThat(typo.body()).contains("签到码是6位数字", "value=\"12a4\"");

		Response in = phone.postForm("/m/scan", Map.of("code", code, "_csrf", Http.csrfToken(typo.body())));
		assertThat(in.status()).isEqualTo(302);
		assertThat(in.header("Location")).endsWith("/m/checkin/" + activity);
		assertThat(phone.get("/m/checkin/" + activity, null).body()).contains("签到成功", "14:10 已签到");
	}

	private static String link(String html) {
		Matcher matcher = LINK.matcher(html);
		assertThat(matcher.find()).as("the screen shows its link").isTrue();
		return matcher.group(1).replace("&amp;", "&");
	}

	private static String token(String url) {
		return java.net.URLDecoder.decode(url.substring(url.indexOf("?t=") + 3), java.nio.charset.StandardCharsets.UTF_8);
	}

}
