package org.wenming.directory;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.platform.database.OwnerDatabase;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * ID numbers, phones and addresses: encrypted at rest, masked in every list and detail, shown in
 * full only with {@code person:full} and then audited in a log the database keeps append-only;
 * ID numbers checked by GB 11643 and phones by the mainland format.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataTests {

	static final String ADDRESS = "示范市和平社区12号楼3单元402室";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http http;

	String admin;

	long heping;

	long mingzhu;

	@BeforeAll
	void signIn() {
		DemoCity city = DemoCity.ensure(context);
		http = Http.api(port);
		admin = http.token("admin", DemoCity.PASSWORD);
		heping = city.org("和平社区");
		mingzhu = city.org("明珠社区");
	}

	@Test
	void storesIdNumberPhoneAndAddressOnlyAsCiphertextWithThirtyTwoByteHashes() {
		String idNumber = DemoCity.newIdNumber();
		String phone = DemoCity.newPhone();
		long id = create(idNumber, phone, ADDRESS, heping).get("id").asLong();

		Map<String, Object> row = jdbc.sql("select * from person where id = ?").param(id).query().singleRow();
		String rowAsText = jdbc.sql("select p::text from person p where id = ?").param(id).query(String.class).single();

		for (Map.Entry<String, Object> column : row.entrySet()) {
			String value = column.getValue() instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8)
					: String.valueOf(column.getValue());
			assertThat(value).as(column.getKey()).doesNotContain(idNumber).doesNotContain(phone).doesNotContain(ADDRESS)
				.doesNotContain(idNumber.substring(6, 14)).doesNotContain("和平社区12号楼");
		}
		for (String secret : new String[] { idNumber, phone, ADDRESS }) {
			assertThat(rowAsText).doesNotContain(secret)
				.doesNotContain(HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8)));
		}
		assertThat((byte[]) row.get("id_number_hash")).hasSize(32);
		assertThat((byte[]) row.get("phone_hash")).hasSize(32);
		assertThat((byte[]) row.get("id_number_cipher")).hasSizeGreaterThan(idNumber.length());
		assertThat((byte[]) row.get("phone_cipher")).hasSizeGreaterThan(phone.length());
		assertThat((byte[]) row.get("address_cipher")).hasSizeGreaterThan(ADDRESS.getBytes(StandardCharsets.UTF_8).length);
	}

	@Test
	void detailAndListShowOnlyMaskedValues() {
		String idNumber = DemoCity.newIdNumber();
		String phone = DemoCity.newPhone();
		long id = create(idNumber, phone, ADDRESS, heping).get("id").asLong();
		String maskedId = idNumber.substring(0, 6) + "***********" + idNumber.substring(17);
		String maskedPhone = phone.substring(0, 3) + "****" + phone.substring(7);

		Response detail = http.get("/api/v1/people/" + id, admin);
		Response byIdNumber = http.get("/api/v1/people?idNumber=" + idNumber, admin);
		Response byPhone = http.get("/api/v1/people?phone=" + phone, admin);
		Response careList = http.get("/api/v1/care-recipients?orgId=" + heping + "&size=200", admin);

		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.json().get("idNumberMasked").asString()).isEqualTo(maskedId);
		assertThat(detail.json().get("phoneMasked").asString()).isEqualTo(maskedPhone);
		assertThat(detail.json().get("addressMasked").asString()).isEqualTo("示范市和平社****");
		assertThat(byIdNumber.json().get("total").asLong()).isEqualTo(1);
		assertThat(byIdNumber.json().get("items").get(0).get("id").asLong()).isEqualTo(id);
		assertThat(byIdNumber.json().get("items").get(0).get("idNumberMasked").asString()).isEqualTo(maskedId);
		assertThat(byPhone.json().get("items").get(0).get("id").asLong()).isEqualTo(id);
		for (Response response : new Response[] { detail, byIdNumber, byPhone, careList }) {
			assertThat(response.body()).doesNotContain(idNumber).doesNotContain(phone).doesNotContain(ADDRESS);
		}
	}

	@Test
	void demoPeopleAreListedMaskedToo() {
		Response list = http.get("/api/v1/people?orgId=" + heping + "&size=200", admin);

		assertThat(list.json().get("total").asLong()).isGreaterThanOrEqualTo(250);
		for (JsonNode person : list.json().get("items")) {
			assertThat(person.get("idNumberMasked").asString()).matches("\\d{6}\\*{11}[\\dX]");
			if (!person.get("phoneMasked").isNull()) {
				assertThat(person.get("phoneMasked").asString()).matches("1\\d{2}\\*{4}\\d{4}");
			}
		}
	}

	@Test
	void fullViewHandsOutTheValuesAndWritesExactlyOneAuditEntry() {
		String idNumber = DemoCity.newIdNumber();
		String phone = DemoCity.newPhone();
		long id = create(idNumber, phone, ADDRESS, heping).get("id").asLong();
		long before = viewsOf(id);

		Response full = http.get("/api/v1/people/" + id + "/personal-data", admin);

		assertThat(full.status()).as(full.toString()).isEqualTo(200);
		assertThat(full.json().get("idNumber").asString()).isEqualTo(idNumber);
		assertThat(full.json().get("phone").asString()).isEqualTo(phone);
		assertThat(full.json().get("address").asString()).isEqualTo(ADDRESS);
		assertThat(viewsOf(id)).isEqualTo(before + 1);
		Map<String, Object> entry = jdbc.sql("""
				select actor, actor_ip, org_id, entity_type from audit_log where action = 'VIEW_FULL' and entity_id = ?
				order by id desc limit 1""").param(String.valueOf(id)).query().singleRow();
		assertThat(entry).containsEntry("actor", "admin").containsEntry("entity_type", "person")
			.containsEntry("org_id", heping);
		assertThat(entry.get("actor_ip")).isNotNull();
	}

	@Test
	void fullViewIsForbiddenWithoutPersonFullAndNotAudited() {
		long id = create(DemoCity.newIdNumber(), DemoCity.newPhone(), ADDRESS, heping).get("id").asLong();
		String inspector = http.token("inspector", DemoCity.PASSWORD);
		long before = viewsOf(id);

		Response refused = http.get("/api/v1/people/" + id + "/personal-data", inspector);
		Response masked = http.get("/api/v1/people/" + id, inspector);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
		assertThat(masked.status()).isEqualTo(200);
		assertThat(viewsOf(id)).isEqualTo(before);
	}

	@Test
	void fullViewOutsideTheCallersScopeIsNotFoundAndNotAudited() {
		long id = create(DemoCity.newIdNumber(), DemoCity.newPhone(), "示范市明珠社区1号", mingzhu).get("id").asLong();
		String unit = http.token("unit", DemoCity.PASSWORD);

		Response refused = http.get("/api/v1/people/" + id + "/personal-data", unit);

		assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
		assertThat(refused.body()).doesNotContain("明珠社区1号");
		assertThat(viewsOf(id)).isZero();
	}

	@Test
	void databaseRefusesToUpdateAnAuditEntry() {
		long entry = someAuditEntry();
		Map<String, Object> before = auditRow(entry);

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("update audit_log set summary = 'changed', actor = 'someone' where id = ?")
				.param(entry)
				.update())
			.havingRootCause().withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> OwnerDatabase.owner(context)
				.sql("update audit_log set summary = 'changed', actor = 'someone' where id = ?")
				.param(entry)
				.update())
			.withMessageContaining("审计日志只能追加");
		assertThat(auditRow(entry)).isEqualTo(before);
	}

	@Test
	void databaseRefusesToDeleteAnAuditEntry() {
		long entry = someAuditEntry();
		Map<String, Object> before = auditRow(entry);

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("delete from audit_log where id = ?").param(entry).update())
			.havingRootCause().withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> OwnerDatabase.owner(context).sql("delete from audit_log where id = ?").param(entry).update())
			.withMessageContaining("审计日志只能追加");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("delete from audit_log").update());
		assertThat(auditRow(entry)).isEqualTo(before);
	}

	@Test
	void databaseRefusesToTruncateTheAuditLog() {
		long entry = someAuditEntry();
		Map<String, Object> before = auditRow(entry);
		long count = jdbc.sql("select count(*) from audit_log").query(Long.class).single();

		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> jdbc.sql("truncate audit_log").update())
			.havingRootCause().withMessageContaining("permission denied");
		assertThatExceptionOfType(DataAccessException.class)
			.isThrownBy(() -> OwnerDatabase.owner(context).sql("truncate audit_log").update())
			.withMessageContaining("审计日志只能追加");
		assertThat(auditRow(entry)).isEqualTo(before);
		assertThat(jdbc.sql("select count(*) from audit_log").query(Long.class).single()).isGreaterThanOrEqualTo(count);
	}

	@Test
	void acceptsAValidIdNumberAndReadsBirthYearAndGenderFromIt() {
		String idNumber = DemoCity.newIdNumber();

		JsonNode person = create(idNumber, null, null, heping);

		assertThat(IdNumbers.isValid(idNumber)).isTrue();
		// Only the year is shown: the date is part of the (masked) ID number.
		assertThat(person.get("birthYear").asInt()).isEqualTo(IdNumbers.birthDate(idNumber).orElseThrow().getYear());
		assertThat(person.has("birthDate")).isFalse();
		assertThat(person.get("gender").asString()).isEqualTo(IdNumbers.gender(idNumber).orElseThrow());
	}

	@Test
	void refusesAnIdNumberWithAWrongCheckDigit() {
		String valid = DemoCity.newIdNumber();
		char wrong = valid.charAt(17) == '1' ? '2' : '1';

		refused(person(valid.substring(0, 17) + wrong, null), "idNumber", "身份证号校验位错误。");
	}

	@Test
	void refusesAnIdNumberWithAnImpossibleBirthDate() {
		String first17 = "11010119990230" + "123";

		refused(person(first17 + IdNumbers.checkDigit(first17), null), "idNumber", "身份证号中的出生日期无效。");
	}

	@Test
	void refusesAnIdNumberOfTheWrongShape() {
		refused(person("11010119900307123", null), "idNumber", "身份证号应为 18 位，前 17 位为数字，最后一位为数字或 X。");
	}

	@Test
	void refusesAMalformedPhone() {
		refused(person(DemoCity.newIdNumber(), "12345"), "phone", "手机号格式不正确，应为 11 位大陆手机号。");
	}

	@Test
	void refusesAnIdNumberAlreadyRegisteredWhateverTheCaseOfItsCheckLetter() {
		String idNumber;
		do {
			idNumber = DemoCity.newIdNumber();
		}
		while (idNumber.charAt(17) != 'X');
		create(idNumber, null, null, heping);

		refused(person(idNumber.toLowerCase(), null), "idNumber", "该身份证号已登记。");
	}

	// ---------------------------------------------------------------------------------------------

	private Map<String, Object> person(String idNumber, String phone) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", DemoCity.unique("测试"));
		body.put("idNumber", idNumber);
		body.put("phone", phone);
		body.put("homeOrgId", heping);
		return body;
	}

	private JsonNode create(String idNumber, String phone, String address, long homeOrgId) {
		Map<String, Object> body = person(idNumber, phone);
		body.put("address", address);
		body.put("homeOrgId", homeOrgId);
		Response response = http.post("/api/v1/people", admin, Http.json(body));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private void refused(Map<String, Object> body, String field, String message) {
		long people = jdbc.sql("select count(*) from person").query(Long.class).single();

		Response response = http.post("/api/v1/people", admin, Http.json(body));

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.json().get("detail").asString()).isEqualTo(message);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
		assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo(message);
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(people);
		assertThat(jdbc.sql("select count(*) from person where name = ?").param(body.get("name")).query(Long.class).single())
			.isZero();
	}

	private long viewsOf(long personId) {
		return jdbc.sql("select count(*) from audit_log where action = 'VIEW_FULL' and entity_type = 'person' and entity_id = ?")
			.param(String.valueOf(personId))
			.query(Long.class)
			.single();
	}

	private long someAuditEntry() {
		long id = create(DemoCity.newIdNumber(), null, null, heping).get("id").asLong();
		return jdbc.sql("select id from audit_log where action = 'CREATE' and entity_type = 'person' and entity_id = ?")
			.param(String.valueOf(id))
			.query(Long.class)
			.single();
	}

	private Map<String, Object> auditRow(long id) {
		return jdbc.sql("select * from audit_log where id = ?").param(id).query().singleRow();
	}

}
