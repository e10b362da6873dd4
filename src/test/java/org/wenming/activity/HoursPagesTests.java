package org.wenming.activity;

import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check-in and hours pages through a signed-in browser session: the organizer's QR screen and
 * its token for the script, attendance with a forgotten check-out flagged, the confirmation queue,
 * anomalies, the Excel export, the phone's pages, and who may not open them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HoursPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	CheckIns checkIns;

	@Autowired
	ForgottenCheckOutJob job;

	@Test
	void organizerVolunteerAndReviewerSeeTheirPages() {
		HoursFixture f = new HoursFixture(context);
		LocalDateTime now = LocalDateTime.now(HoursFixture.ZONE);
		long running = f.activity(now.minusHours(1), now.plusHours(1));
		long ended = f.activity(now.minusHours(5), now.minusHours(3));
		String volunteer = f.volunteer();
		long person = f.personId(volunteer);
		f.as(f.leader, () -> checkIns.recordGroup(ended,
				List.of(new CheckIns.GroupEntry(person, HoursFixture.at(now.minusHours(5)), HoursFixture.at(now.minusHours(4))))));

		Http leader = Http.browser(port);
		assertThat(leader.login(f.leader, HoursFixture.PASSWORD).status()).isEqualTo(302);
		Response screen = leader.get("/activities/" + running + "/checkin", null);
		Response token = leader.get("/activities/" + running + "/checkin/token", null);
		Response attendance = leader.get("/activities/" + ended + "/attendance", null);
		Response queue = leader.get("/hours", null);
		Response anomalies = leader.get("/hours/anomalies", null);
		Response export = leader.get("/hours/export", null);

		assertThat(screen.status()).as(screen.toString()).isEqualTo(200);
		assertThat(screen.body()).contains("<svg", "/js/checkin-screen.js").doesNotContain("<script>");
		assertThat(token.json().get("code").asString()).matches("\\d{6}");
		assertThat(attendance.status()).as(attendance.toString()).isEqualTo(200);
		assertThat(attendance.body()).contains("志愿者", "集体录入", "全部确认");
		assertThat(queue.body()).contains("清洁家园" + f.tag);
		assertThat(anomalies.status()).isEqualTo(200);
		assertThat(export.status()).isEqualTo(200);
		assertThat(export.header("Content-Type")).startsWith("application/vnd.openxmlformats");

		Http phone = Http.browser(port);
		assertThat(phone.login(volunteer, HoursFixture.PASSWORD).status()).isEqualTo(302);
		assertThat(phone.get("/m/scan", null).body()).contains("/js/checkin-scan.js", "签到码");
		assertThat(phone.get("/m/hours", null).body()).contains("累计 0 小时");
		assertThat(phone.get("/hours", null).status()).isEqualTo(403);
		assertThat(phone.get("/activities/" + running + "/checkin", null).status()).isEqualTo(403);
	}

}
