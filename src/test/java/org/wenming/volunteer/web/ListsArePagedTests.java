package org.wenming.volunteer.web;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
 * The volunteers list, my sign-ups and my hours come a page at a time, with links to the other
 * pages, and each exports in full to Excel.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListsArePagedTests {

	private static final Pattern ROW = Pattern.compile("<tr>\\s*<td><a href=\"/volunteers/\\d+\"");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void demoCity() {
		DemoCity.ensure(context);
	}

	private Http signedIn(String username) {
		Http http = Http.browser(port).from(Http.newClientAddress());
		assertThat(http.login(username, DemoCity.PASSWORD).status()).isEqualTo(302);
		return http;
	}

	@Test
	void theVolunteersListIsPagedAndExportsEveryPageAudited() throws Exception {
		Http admin = signedIn("admin");
		Response first = admin.get("/volunteers", null);
		assertThat(first.status()).isEqualTo(200);
		Matcher shown = Pattern.compile("id=\"volunteers-count\">共 ([\\d,]+) 人<").matcher(first.body());
		assertThat(shown.find()).as("the count of the list is shown").isTrue();
		long total = Long.parseLong(shown.group(1).replace(",", ""));
		assertThat(total).as("the demo city has more than a page of volunteers").isGreaterThan(VolunteerPages.PAGE_SIZE);
		assertThat(rows(first.body())).isEqualTo(VolunteerPages.PAGE_SIZE);
		assertThat(first.body()).contains("href=\"/volunteers?page=1\"", "id=\"volunteers-export\"");

		Response active = admin.get("/volunteers?status=ACTIVE&page=1", null);
		assertThat(active.body()).contains("status=ACTIVE&amp;page=2").contains("第 2 /");

		long before = exports();
		byte[] workbook = download("/volunteers/export.xlsx", "admin");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("姓名");
			assertThat(sheet.getLastRowNum()).isEqualTo((int) total);
		}
		assertThat(exports()).isEqualTo(before + 1);
	}

	@Test
	void mySignupsAndMyHoursArePagedAndExport() throws Exception {
		Http volunteer = signedIn("volunteer");
		Response hours = volunteer.get("/m/hours", null);
		assertThat(hours.status()).isEqualTo(200);
		assertThat(hours.body()).contains("id=\"my-hours-list\"", "id=\"hours-export\"");
		assertThat(count(hours.body(), "<li class=\"list-group-item d-flex justify-content-between\">"))
			.isLessThanOrEqualTo(20);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("/m/hours/export.xlsx", "volunteer")))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("服务日期");
			assertThat(book.getSheetAt(0).getLastRowNum()).isPositive();
		}

		Response signups = volunteer.get("/m/signups", null);
		assertThat(signups.status()).isEqualTo(200);
		assertThat(signups.body()).contains("id=\"signups-export\"");
		assertThat(volunteer.get("/m/signups?page=99", null).status()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download("/m/signups/export.xlsx", "volunteer")))) {
			assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("活动");
		}
	}

	private long exports() {
		return jdbc.sql("select count(*) from audit_log where action = 'EXPORT' and entity_type = 'volunteer'")
			.query(Long.class)
			.single();
	}

	private static int rows(String html) {
		Matcher matcher = ROW.matcher(html);
		int rows = 0;
		while (matcher.find()) {
			rows++;
		}
		return rows;
	}

	private static int count(String html, String what) {
		int count = 0;
		for (int i = html.indexOf(what); i >= 0; i = html.indexOf(what, i + 1)) {
			count++;
		}
		return count;
	}

	/** Downloads a file as {@code username}, signed in with a session of its own; the bytes. */
	private byte[] download(String path, String username) throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String base = "http://localhost:" + port;
		String address = Http.newClientAddress();
		String login = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("X-Forwarded-For", address)
			.build(), HttpResponse.BodyHandlers.ofString()).body();
		String form = "username=" + username + "&password=" + URLEncoder.encode(DemoCity.PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(Http.csrfToken(login), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Forwarded-For", address)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		HttpResponse<byte[]> file = client.send(HttpRequest.newBuilder(URI.create(base + path))
			.header("X-Forwarded-For", address)
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(file.statusCode()).as(path).isEqualTo(200);
		assertThat(file.headers().firstValue("Content-Type").orElse(""))
			.startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		assertThat(file.headers().firstValue("Content-Disposition").orElse("")).contains(".xlsx");
		return file.body();
	}

}
