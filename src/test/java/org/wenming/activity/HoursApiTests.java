package org.wenming.activity;

import java.time.LocalDateTime;
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
 * The check-in and hours API over HTTP: the organizer's token with its QR code, check-in and
 * check-out by the volunteer's phone, refusals as problem documents in Chinese, confirmation by the
 * unit and the volunteer's own hours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HoursApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	HoursFixture f;

	Http http;

	@BeforeEach
	void fixture() {
		f = new HoursFixture(context);
		http = Http.api(port);
	}

	@Test
	void volunteerChecksInAndOutAndSeesTheConfirmedHours() {
		LocalDateTime now = LocalDateTime.now(HoursFixture.ZONE);
		long activity = f.activity(now.minusHours(2), now.plusMinutes(30));
		String volunteer = f.volunteer();
		String other = f.volunteer();
		f.signUp(activity, volunteer);
		f.signUp(activity, other);
		String leader = http.token(f.leader, HoursFixture.PASSWORD);
		String phone = http.token(volunteer, HoursFixture.PASSWORD);
		String otherPhone = http.token(other, HoursFixture.PASSWORD);

		Response token = http.get("/api/v1/activities/" + activity + "/checkin-token", leader);
		assertThat(token.status()).as(token.toString()).isEqualTo(200);
		assertThat(token.json().get("code").asString()).matches("\\d{6}");
		assertThat(token.json().path("qrSvg").isNull()).isTrue();
		String scanned = token.json().get("token").asString();
		Response withQr = http.get("/api/v1/activities/" + activity + "/checkin-token?qr=svg", leader);
		assertThat(withQr.json().get("token").asString()).isEqualTo(scanned);
		assertThat(withQr.json().get("qrSvg").asString()).startsWith("<svg");

		Response in = http.post("/api/v1/activities/" + activity + "/check-in", phone, Http.json(Map.of("token", scanned)));
		Response again = http.post("/api/v1/activities/" + activity + "/check-in", phone, Http.json(Map.of("token", scanned)));
		Response replay = http.post("/api/v1/activities/" + activity + "/check-in", otherPhone,
				Http.json(Map.of("token", scanned)));
		Response early = http.post("/api/v1/activities/" + activity + "/check-out", otherPhone,
				Http.json(Map.of("code", http.get("/api/v1/activities/" + activity + "/checkin-token", leader).json()
					.get("code").asString())));
		Response out = http.post("/api/v1/activities/" + activity + "/check-out", phone, Http.json(Map.of("token", scanned)));

		assertThat(in.status()).as(in.toString()).isEqualTo(200);
		assertThat(again.json().get("id").asLong()).isEqualTo(in.json().get("id").asLong());
		assertThat(replay.status()).as(replay.toString()).isEqualTo(409);
		assertThat(replay.contentType()).startsWith("application/problem+json");
		assertThat(replay.json().get("detail").asString()).isEqualTo("该签到码已被其他账号使用，请扫描最新二维码");
		assertThat(early.status()).as(early.toString()).isEqualTo(409);
		assertThat(early.json().get("detail").asString()).isEqualTo("您还没有签到，不能签退");
		assertThat(out.status()).as(out.toString()).isEqualTo(200);
		assertThat(out.json().get("checkedOutAt").isNull()).isFalse();

		// 集体录入 for the one who never checked in; the other's few seconds are worth no hours yet.
		Response group = http.post("/api/v1/activities/" + activity + "/attendance", leader, Http.json(Map.of("entries",
				java.util.List.of(Map.of("personId", f.personId(other), "checkedInAt",
						HoursFixture.at(now.minusHours(2)).toString(), "checkedOutAt",
						HoursFixture.at(now.minusMinutes(30)).toString())))));
		assertThat(group.status()).as(group.toString()).isEqualTo(200);
		assertThat(group.json().get(0).get("method").asString()).isEqualTo("GROUP");
		assertThat(group.json().get(0).get("hours").decimalValue()).isEqualByComparingTo("1.5");

		String admin = http.token(f.admin, HoursFixture.PASSWORD);
		Response confirmed = http.post("/api/v1/activities/" + activity + "/attendance/confirm", admin, null);
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
		assertThat(confirmed.json().size()).isEqualTo(1);

		Response mine = http.get("/api/v1/people/me/hours", otherPhone);
		assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
		assertThat(mine.json().get("totalHours").decimalValue())
			.isEqualByComparingTo(confirmed.json().get(0).get("hours").decimalValue());
		assertThat(mine.json().get("entries").size()).isEqualTo(1);

		Response self = http.post("/api/v1/hours/corrections", admin,
				Http.json(Map.of("entryId", confirmed.json().get(0).get("id").asLong(), "hours", 1, "reason", "")));
		assertThat(self.status()).as(self.toString()).isEqualTo(422);
		assertThat(self.json().get("detail").asString()).isEqualTo("请填写更正原因");
	}

}
