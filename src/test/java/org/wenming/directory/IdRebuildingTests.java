package org.wenming.directory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.Http.Response;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ID-rebuilding attack: an inspector (no {@code person:full}) reads what the API, the people
 * pages and the masked export show about 50 people, a thief reads the unencrypted columns of the
 * person table, and each enumerates the ID numbers that agree with what they saw and pass the
 * GB 11643 check digit. For every person at least 1,000 must remain; the phone's hidden digits
 * must not show anywhere either, leaving its 10,000.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdRebuildingTests {

	static final int PEOPLE = 50;

	static final int MINIMUM = 1_000;

	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

	private static final char[] CHECK = { '1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2' };

	private static final Pattern MASK = Pattern.compile("\\d{6}[\\d*]{11}[\\dX*]");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http api;

	String admin;

	String inspector;

	long heping;

	final List<Victim> victims = new ArrayList<>();

	record Victim(long id, String name, String idNumber, String phone) {
	}

	/** What one channel shows about a person. */
	record Seen(String mask, LocalDate birthDate, Integer birthYear, String gender) {
	}

	@BeforeAll
	void createPeople() {
		DemoCity city = DemoCity.ensure(context);
		api = Http.api(port);
		admin = api.token("admin", DemoCity.PASSWORD);
		inspector = api.token("inspector", DemoCity.PASSWORD);
		heping = city.org("和平社区");
		String batch = DemoCity.unique("重建");
		for (int i = 0; i < PEOPLE; i++) {
			String idNumber = DemoCity.newIdNumber();
			String phone = DemoCity.newPhone();
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("name", batch + i);
			body.put("idNumber", idNumber);
			body.put("phone", phone);
			body.put("address", "示范市和平社区" + (i + 1) + "号楼2单元301室");
			body.put("homeOrgId", heping);
			if (i % 2 == 0) {
				// Half of them with the birth date typed too, as a form or import may send it.
				body.put("birthDate", IdNumbers.birthDate(idNumber).orElseThrow().toString());
			}
			Response created = api.post("/api/v1/people", admin, Http.json(body));
			assertThat(created.status()).as(created.toString()).isEqualTo(201);
			victims.add(new Victim(created.json().get("id").asLong(), batch + i, idNumber, phone));
		}
	}

	@Test
	void inspectorCannotRebuildIdNumbersFromTheApi() {
		int minimum = Integer.MAX_VALUE;
		for (Victim victim : victims) {
			Response one = api.get("/api/v1/people/" + victim.id(), inspector);
			assertThat(one.status()).as(one.toString()).isEqualTo(200);
			Response list = api.get("/api/v1/people?name=" + encode(victim.name()), inspector);
			assertThat(list.body()).contains(victim.name());
			for (Response response : List.of(one, list)) {
				assertNothingHiddenIn(response.body(), victim);
			}
			JsonNode person = one.json();
			Seen seen = new Seen(person.get("idNumberMasked").asString(), date(person.get("birthDate")),
					person.has("birthYear") && !person.get("birthYear").isNull() ? person.get("birthYear").asInt() : null,
					person.get("gender").asString());
			minimum = Math.min(minimum, attack(seen, victim));
		}
		report("API", minimum);
	}

	@Test
	void inspectorCannotRebuildIdNumbersFromThePeoplePages() {
		Http browser = Http.browser(port).from(Http.newClientAddress());
		assertThat(browser.login("inspector", DemoCity.PASSWORD).status()).isEqualTo(302);
		int minimum = Integer.MAX_VALUE;
		for (Victim victim : victims) {
			Response detail = browser.get("/people/" + victim.id(), null);
			assertThat(detail.status()).as(detail.toString()).isEqualTo(200);
			Response list = browser.get("/people?name=" + encode(victim.name()), null);
			assertThat(list.body()).contains(victim.name());
			assertNothingHiddenIn(detail.body(), victim);
			assertNothingHiddenIn(list.body(), victim);
			String html = detail.body();
			Matcher mask = MASK.matcher(html);
			assertThat(mask.find()).as("a masked ID number on the page").isTrue();
			assertThat(list.body()).contains(mask.group());
			Seen seen = new Seen(mask.group(), labelled(html, "出生日期").map(LocalDate::parse).orElse(null),
					labelled(html, "出生年份").map(Integer::valueOf).orElse(null), labelled(html, "性别").orElse(null));
			minimum = Math.min(minimum, attack(seen, victim));
		}
		report("pages", minimum);
	}

	@Test
	void maskedExportDoesNotRebuildIdNumbers() throws Exception {
		String batch = victims.get(0).name().substring(0, victims.get(0).name().length() - 1);
		byte[] xlsx = download("/api/v1/people/export?orgId=" + heping + "&name=" + encode(batch), admin);
		List<List<String>> rows = read(xlsx);
		List<String> header = rows.get(0);
		int nameColumn = header.indexOf("姓名");
		int idColumn = header.indexOf("身份证号");
		int genderColumn = header.indexOf("性别");
		int birthColumn = header.contains("出生日期") ? header.indexOf("出生日期") : header.indexOf("出生年份");
		assertThat(rows).hasSize(PEOPLE + 1);
		int minimum = Integer.MAX_VALUE;
		for (Victim victim : victims) {
			List<String> row = rows.stream().filter(r -> r.get(nameColumn).equals(victim.name())).findFirst().orElseThrow();
			assertNothingHiddenIn(row.toString(), victim);
			String birth = row.get(birthColumn);
			Seen seen = new Seen(row.get(idColumn), birth.length() > 4 ? LocalDate.parse(birth) : null,
					birth.length() == 4 ? Integer.valueOf(birth) : null, row.get(genderColumn));
			minimum = Math.min(minimum, attack(seen, victim));
		}
		report("masked export", minimum);
	}

	@Test
	void unencryptedColumnsDoNotRebuildIdNumbers() {
		int minimum = Integer.MAX_VALUE;
		for (Victim victim : victims) {
			Map<String, Object> row = jdbc.sql("select * from person where id = ?").param(victim.id()).query().singleRow();
			StringBuilder clear = new StringBuilder();
			row.forEach((column, value) -> {
				if (!(value instanceof byte[])) {
					clear.append(column).append('=').append(value).append(';');
				}
			});
			assertNothingHiddenIn(clear.toString(), victim);
			Object birthDate = row.get("birth_date");
			Object birthYear = row.get("birth_year");
			Seen seen = new Seen((String) row.get("id_number_masked"),
					birthDate == null ? null : ((java.sql.Date) birthDate).toLocalDate(),
					birthYear == null ? null : ((Number) birthYear).intValue(), (String) row.get("gender"));
			minimum = Math.min(minimum, attack(seen, victim));
		}
		report("database", minimum);
	}

	@Test
	void birthDateContradictingTheIdNumberIsRefusedOnTheField() {
		String idNumber = DemoCity.newIdNumber();
		LocalDate birth = IdNumbers.birthDate(idNumber).orElseThrow();
		String name = DemoCity.unique("生日");
		Response wrong = api.post("/api/v1/people", admin, Http.json(Map.of("name", name, "idNumber", idNumber,
				"birthDate", birth.plusDays(1).toString(), "homeOrgId", heping)));
		assertThat(wrong.status()).as(wrong.toString()).isEqualTo(422);
		assertThat(wrong.json().get("errors").get(0).get("field").asString()).isEqualTo("birthDate");
		assertThat(wrong.body()).contains("出生日期与身份证号");

		Response right = api.post("/api/v1/people", admin, Http.json(Map.of("name", name, "idNumber", idNumber,
				"birthDate", birth.toString(), "homeOrgId", heping)));
		assertThat(right.status()).as(right.toString()).isEqualTo(201);
		assertThat(right.json().get("birthYear").asInt()).isEqualTo(birth.getYear());
		long id = right.json().get("id").asLong();

		// A change that types only a birth date is checked against the stored (encrypted) number.
		Response changed = api.put("/api/v1/people/" + id, admin, Http.json(Map.of("name", name, "birthDate",
				birth.minusYears(1).toString(), "homeOrgId", heping)));
		assertThat(changed.status()).as(changed.toString()).isEqualTo(422);
		assertThat(changed.json().get("errors").get(0).get("field").asString()).isEqualTo("birthDate");
		assertThat(jdbc.sql("select birth_year from person where id = ?").param(id).query(Integer.class).single())
			.isEqualTo(birth.getYear());
	}

	@Test
	void candidateArithmeticMatchesTheEstimate() {
		// Region and check character shown, year and gender known: 365 days × 500 sequences / 11.
		int count = candidates(new Seen("110101***********X", null, 1990, "男"));
		assertThat(count).isBetween(365 * 500 / 11 - 1_000, 365 * 500 / 11 + 1_000);
		// The old mask beside the birth date left a single one.
		String id = "11010119900307123" + IdNumbers.checkDigit("11010119900307123");
		assertThat(candidates(new Seen(id.substring(0, 6) + "********" + id.substring(14), LocalDate.of(1990, 3, 7), null,
				"男"))).isEqualTo(1);
	}

	/** The candidates for what was seen; the true number must be among them and they must be many. */
	private int attack(Seen seen, Victim victim) {
		assertThat(seen.mask()).as("mask of " + victim.name()).hasSize(18);
		int count = candidates(seen);
		assertThat(matches(seen, victim.idNumber())).as("the true number agrees with what was seen").isTrue();
		assertThat(count).as("candidates for " + seen).isGreaterThanOrEqualTo(MINIMUM);
		return count;
	}

	/**
	 * ID numbers agreeing with the mask's visible characters, the birth date or year and the gender
	 * (parity of the 17th digit) that pass the check digit.
	 */
	static int candidates(Seen seen) {
		String mask = seen.mask();
		List<LocalDate> days = new ArrayList<>();
		if (seen.birthDate() != null) {
			days.add(seen.birthDate());
		}
		else {
			int from = seen.birthYear() != null ? seen.birthYear() : 1900;
			int to = seen.birthYear() != null ? seen.birthYear() : LocalDate.now().getYear();
			for (LocalDate day = LocalDate.of(from, 1, 1); day.getYear() <= to && !day.isAfter(LocalDate.now());
					day = day.plusDays(1)) {
				days.add(day);
			}
		}
		int count = 0;
		char[] digits = new char[17];
		for (int i = 0; i < 6; i++) {
			digits[i] = mask.charAt(i);
		}
		for (LocalDate day : days) {
			String date = String.format("%04d%02d%02d", day.getYear(), day.getMonthValue(), day.getDayOfMonth());
			boolean dateFits = true;
			for (int i = 0; i < 8; i++) {
				digits[6 + i] = date.charAt(i);
				dateFits &= mask.charAt(6 + i) == '*' || mask.charAt(6 + i) == date.charAt(i);
			}
			if (!dateFits) {
				continue;
			}
			for (int sequence = 0; sequence < 1000; sequence++) {
				if (seen.gender() != null && (sequence % 2 == 1) != "男".equals(seen.gender())) {
					continue;
				}
				digits[14] = (char) ('0' + sequence / 100);
				digits[15] = (char) ('0' + sequence / 10 % 10);
				digits[16] = (char) ('0' + sequence % 10);
				if (fits(mask, digits)) {
					count++;
				}
			}
		}
		return count;
	}

	private static boolean fits(String mask, char[] digits) {
		for (int i = 14; i < 17; i++) {
			if (mask.charAt(i) != '*' && mask.charAt(i) != digits[i]) {
				return false;
			}
		}
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (digits[i] - '0') * WEIGHTS[i];
		}
		return mask.charAt(17) == '*' || mask.charAt(17) == CHECK[sum % 11];
	}

	private static boolean matches(Seen seen, String idNumber) {
		for (int i = 0; i < 18; i++) {
			if (seen.mask().charAt(i) != '*' && seen.mask().charAt(i) != idNumber.charAt(i)) {
				return false;
			}
		}
		LocalDate birth = IdNumbers.birthDate(idNumber).orElseThrow();
		return (seen.birthDate() == null || seen.birthDate().equals(birth))
				&& (seen.birthYear() == null || seen.birthYear() == birth.getYear())
				&& (seen.gender() == null || seen.gender().equals(IdNumbers.gender(idNumber).orElseThrow()));
	}

	/** Neither the ID number, its birth date and sequence, nor the phone's hidden digits show anywhere. */
	private static void assertNothingHiddenIn(String text, Victim victim) {
		String id = victim.idNumber();
		LocalDate birth = IdNumbers.birthDate(id).orElseThrow();
		assertThat(text).doesNotContain(id)
			.doesNotContain(id.substring(6, 14))
			.doesNotContain(birth.toString())
			.doesNotContain(birth.getYear() + "年" + birth.getMonthValue() + "月" + birth.getDayOfMonth() + "日")
			.doesNotContain(victim.phone())
			.doesNotContain(victim.phone().substring(3, 7) + victim.phone().substring(7));
	}

	private void report(String channel, int minimum) {
		System.out.printf("ID rebuilding from the %s: at least %,d candidates for each of %d people%n", channel, minimum,
				PEOPLE);
		assertThat(minimum).isGreaterThanOrEqualTo(MINIMUM);
	}

	private static LocalDate date(JsonNode node) {
		return node == null || node.isNull() ? null : LocalDate.parse(node.asString());
	}

	/** The text of the {@code <dd>} after the {@code <dt>} with this label, if the page has one. */
	private static java.util.Optional<String> labelled(String html, String label) {
		Matcher matcher = Pattern.compile(">" + label + "</dt>\\s*<dd[^>]*>([^<]*)</dd>").matcher(html);
		return matcher.find() ? java.util.Optional.of(matcher.group(1).strip()).filter(v -> !v.equals("—"))
				: java.util.Optional.empty();
	}

	private byte[] download(String path, String token) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		var response = client.send(HttpRequest.newBuilder(URI.create(api.base() + path))
			.header("Authorization", "Bearer " + token)
			.build(), BodyHandlers.ofByteArray());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	private static List<List<String>> read(byte[] xlsx) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Row row : workbook.getSheetAt(0)) {
				List<String> cells = new ArrayList<>();
				for (int i = 0; i < 10; i++) {
					cells.add(row.getCell(i) == null ? "" : formatter.formatCellValue(row.getCell(i)));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
