package org.wenming.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Characters that break documents later: control characters and unpaired surrogates are refused
 * naming the field wherever text comes in (JSON, query, form), text is stored in NFC with LF line
 * ends, and what was stored before still exports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControlCharacterTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http http;

	String admin;

	long city;

	long heping;

	@BeforeAll
	void signIn() {
		DemoCity demo = DemoCity.ensure(context);
		http = Http.api(port);
		admin = http.token("admin", DemoCity.PASSWORD);
		city = demo.org("示范市");
		heping = demo.org("和平社区");
	}

	private long plans() {
		return jdbc.sql("select count(*) from plan").query(Long.class).single();
	}

	@Test
	void refusesAControlCharacterInAJsonFieldNamingTheField() {
		long before = plans();
		for (String bad : new String[] { "\u0001", "\u0085", "\u007f", "\r", "\u001b[31m", "\u202e", "\u2066", "\ufeff" }) {
			Response response = http.post("/api/v1/plans", admin,
					Http.json(Map.of("orgId", city, "year", 2026, "title", "计划" + bad + "标题")));
			assertThat(response.status()).as(response.toString()).isEqualTo(422);
			assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("title");
			assertThat(response.json().get("detail").asString()).contains("title").contains("不允许的字符");
		}
		Response person = http.post("/api/v1/people", admin, Http.json(Map.of("name", "张\u0001三", "homeOrgId", heping)));
		assertThat(person.status()).as(person.toString()).isEqualTo(422);
		assertThat(person.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(plans()).isEqualTo(before);
	}

	@Test
	void refusesALoneSurrogateInRawJsonAndInALists() {
		Response export = http.post("/api/v1/plan-documents/export?format=pdf", admin,
				"{\"text\":\"一、总体要求\\n坏\\ud800字\"}");
		assertThat(export.status()).as(export.toString()).isEqualTo(422);
		assertThat(export.json().get("errors").get(0).get("field").asString()).isEqualTo("text");

		Response low = http.post("/api/v1/plan-documents/export?format=docx", admin, "{\"text\":\"一、总体要求\\udc00\"}");
		assertThat(low.status()).as(low.toString()).isEqualTo(422);

		Response tags = http.post("/api/v1/people", admin,
				"{\"name\":\"李四\",\"homeOrgId\":" + heping + ",\"tags\":[\"好\",\"坏\\u0002\"]}");
		assertThat(tags.status()).as(tags.toString()).isEqualTo(422);
		assertThat(tags.json().get("errors").get(0).get("field").asString()).isEqualTo("tags.1");
	}

	@Test
	void refusesAnEnumGivenAsANumber() {
		long before = jdbc.sql("select count(*) from care_recipient").query(Long.class).single();
		Response response = http.post("/api/v1/care-recipients", admin,
				"{\"personId\":" + DemoCity.ensure(context).residentOf("和平社区") + ",\"type\":1,\"responsibleOrgId\":" + heping + "}");

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(jdbc.sql("select count(*) from care_recipient").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void refusesAControlCharacterInAQueryParameter() {
		Response response = http.get("/api/v1/people?name=" + URLEncoder.encode("张\u0001", StandardCharsets.UTF_8), admin);

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.body()).contains("name");
	}

	@Test
	void givesTheFormBackWithTheFieldsMessage() {
		Http browser = Http.browser(port);
		browser.login("admin", DemoCity.PASSWORD);
		Response form = browser.get("/orgs/new?parentId=" + city, null);
		long before = jdbc.sql("select count(*) from org").query(Long.class).single();
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("_csrf", Http.csrfToken(form.body()));
		fields.put("parentId", String.valueOf(city));
		fields.put("name", "新单位\u0001");
		fields.put("type", "DEPARTMENT");

		Response response = browser.postForm("/orgs", fields);

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.body()).contains("含有不允许的字符");
		assertThat(jdbc.sql("select count(*) from org").query(Long.class).single()).isEqualTo(before);
	}

	@Test
	void storesTextInNfcWithLfLineEnds() {
		Response created = http.post("/api/v1/plans", admin,
				Http.json(Map.of("orgId", city, "year", 2026, "title", "Cafe\u0301 计划")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		Response updated = http.put("/api/v1/plans/" + id, admin,
				Http.json(Map.of("title", "Cafe\u0301 计划", "leadText", "第一行\r\n第二行")));
		assertThat(updated.status()).as(updated.toString()).isLessThan(300);

		Map<String, Object> row = jdbc.sql("select title, lead_text from plan where id = ?").param(id).query().singleRow();
		assertThat(row.get("title")).isEqualTo("Caf\u00e9 计划");
		assertThat(row.get("lead_text")).isEqualTo("第一行\n第二行");
	}

	@Test
	void exportsAPlanWhoseTitleWasStoredWithAControlCharacter() {
		Response created = http.post("/api/v1/plans", admin, Http.json(Map.of("orgId", city, "year", 2026, "title", "旧数据")));
		long id = created.json().get("id").asLong();
		jdbc.sql("update plan set title = '旧' || chr(1) || '数据' || chr(127), lead_text = 'a' || chr(27) || 'b' where id = ?")
			.param(id).update();
		Http browser = Http.browser(port);
		browser.login("admin", DemoCity.PASSWORD);

		Response pdf = browser.get("/plans/" + id + "/export.pdf", null);
		Response docx = browser.get("/plans/" + id + "/export.docx", null);

		assertThat(pdf.status()).as(pdf.toString()).isEqualTo(200);
		assertThat(pdf.body()).startsWith("%PDF");
		assertThat(docx.status()).as(docx.toString()).isEqualTo(200);
	}

	@Test
	void printableDropsWhatDocumentsCannotCarry() {
		assertThat(Text.printable("a\u0001b\u0085c\ud800d\ud83d\ude00e\uffff")).isEqualTo("abcd\ud83d\ude00e");
		assertThat(Text.forbidden("a\tb\nc\ud83d\ude00")).isEqualTo(-1);
		assertThat(Text.forbidden("a\r\nb")).isEqualTo(1);
	}

}
