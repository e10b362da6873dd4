package org.wenming.activity;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.platform.Times;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A leader types 09:01 (Beijing time) into the activity form, and 09:01 is what every page, the
 * API, the export and the database's day arithmetic see, whether the JVM runs in UTC or in
 * Asia/Shanghai (the suite runs both ways): never 01:01, the same instant in UTC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@org.springframework.context.annotation.Import(org.wenming.plan.MutableClock.Config.class)
class ActivityZoneTests {

	@Autowired
	org.wenming.plan.MutableClock clock;

	@org.junit.jupiter.api.AfterEach
	void resetClock() {
		clock.reset();
	}

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	HoursExport export;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Times times;

	@Test
	void aTimeTypedAtNineOhOneIsNineOhOneOnEveryPageInTheApiAndInTheDatabase() {
		HoursFixture f = new HoursFixture(context);
		LocalDate day = LocalDate.now(BEIJING).plusDays(3);
		String volunteer = f.volunteer();
		Http leader = Http.browser(port).from(Http.newClientAddress());
		assertThat(leader.login(f.leader, HoursFixture.PASSWORD).status()).isEqualTo(302);

		long id = create(leader, f, "九点零一分的活动" + f.tag, day + "T09:01", day + "T11:01");
		assertThat(jdbc.sql("select starts_at from activity where id = ?").param(id).query(OffsetDateTime.class).single())
			.isEqualTo(day.atTime(1, 1).atOffset(java.time.ZoneOffset.UTC));

		String detail = leader.get("/activities/" + id, null).body();
		assertThat(detail).contains(day + " 09:01", day + " 11:01").doesNotContain("01:01 —", " 03:01");
		String edit = leader.get("/activities/" + id + "/edit", null).body();
		assertThat(edit).contains("value=\"" + day + "T09:01\"", "value=\"" + day + "T11:01\"");
		String list = leader.get("/activities?q=" + f.tag, null).body();
		assertThat(list).contains(day + " 09:01").doesNotContain(day + " 01:01");

		// Attendance typed for the group is Beijing time as well; it is recorded once the activity is over.
		clock.set(day.plusDays(1).atTime(12, 0));
		long person = f.personId(volunteer);
		Response recorded = post(leader, "/activities/" + id + "/attendance", "/activities/" + id + "/attendance/group",
				Map.of("personId", String.valueOf(person), "checkedInAt", day + "T09:01", "checkedOutAt", day + "T10:31"));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(302);
		String attendance = leader.get("/activities/" + id + "/attendance", null).body();
		assertThat(attendance).contains(day.toString().substring(5) + " 09:01", day.toString().substring(5) + " 10:31")
			.doesNotContain(" 01:01", " 02:31");

		// The API gives the instant with the Beijing offset.
		Http api = Http.api(port).from(Http.newClientAddress());
		String token = api.token(f.leader, HoursFixture.PASSWORD);
		Response answer = api.get("/api/v1/activities/" + id, token);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
		assertThat(answer.json().get("startsAt").asString()).isEqualTo(day + "T09:01:00+08:00");
		assertThat(OffsetDateTime.parse(answer.json().get("startsAt").asString()).toInstant())
			.isEqualTo(day.atTime(9, 1).atZone(BEIJING).toInstant());
	}

	@Test
	void anActivityJustAfterMidnightInBeijingCountsOnTheBeijingDayInTheLedgerAndTheExport() throws Exception {
		HoursFixture f = new HoursFixture(context);
		LocalDate day = LocalDate.now(BEIJING).plusDays(4);
		String volunteer = f.volunteer();
		Http leader = Http.browser(port).from(Http.newClientAddress());
		assertThat(leader.login(f.leader, HoursFixture.PASSWORD).status()).isEqualTo(302);
		String title = "凌晨的活动" + f.tag;
		long id = create(leader, f, title, day + "T00:30", day + "T02:00");
		long person = f.personId(volunteer);
		clock.set(day.plusDays(1).atTime(12, 0));
		post(leader, "/activities/" + id + "/attendance", "/activities/" + id + "/attendance/group",
				Map.of("personId", String.valueOf(person), "checkedInAt", day + "T00:30", "checkedOutAt", day + "T02:00"));
		Response confirmed = post(leader, "/activities/" + id + "/attendance", "/activities/" + id + "/attendance/confirm",
				Map.of());
		assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(302);

		assertThat(jdbc.sql("select service_date from hours_entry where activity_id = ?").param(id)
			.query(LocalDate.class).single()).isEqualTo(day);
		// The database session counts days in Beijing time too, whatever the JVM's zone.
		assertThat(jdbc.sql("select starts_at::date from activity where id = ?").param(id).query(LocalDate.class).single())
			.isEqualTo(day);
		assertThat(jdbc.sql("show timezone").query(String.class).single()).isEqualTo(times.zone().getId());

		ByteArrayOutputStream out = new ByteArrayOutputStream();
		f.as(f.leader, () -> export.write(out));
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
			Sheet sheet = book.getSheetAt(0);
			DataFormatter text = new DataFormatter();
			boolean found = false;
			for (Row row : sheet) {
				if (title.equals(text.formatCellValue(row.getCell(3)))) {
					assertThat(text.formatCellValue(row.getCell(0))).isEqualTo(day.toString());
					found = true;
				}
			}
			assertThat(found).as("the export holds the activity's hours").isTrue();
		}
	}

	/** Fills the activity form as the leader's browser sends it; the new activity's id. */
	private static long create(Http leader, HoursFixture f, String title, String startsAt, String endsAt) {
		Response page = leader.get("/activities/new", null);
		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", Http.csrfToken(page.body()));
		form.put("title", title);
		form.put("type", "VOLUNTEER_SERVICE");
		form.put("organizerOrgId", String.valueOf(f.community.id()));
		form.put("place", "社区广场");
		form.put("radiusMeters", "300");
		form.put("startsAt", startsAt);
		form.put("endsAt", endsAt);
		form.put("capacity", "20");
		form.put("audience", "ANYONE");
		form.put("hoursRule", "ACTUAL");
		form.put("publish", "true");
		Response created = leader.postForm("/activities/new", form);
		assertThat(created.status()).as(created.toString()).isEqualTo(302);
		String location = created.header("Location");
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	private static Response post(Http http, String page, String action, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", Http.csrfToken(http.get(page, null).body()));
		return http.postForm(action, form);
	}

}
