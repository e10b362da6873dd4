package org.wenming.platform;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

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
 * What the API does with input it cannot use: a Chinese problem document with the right status,
 * never a stack trace, and nothing stored by half; and input it can use however odd (Chinese,
 * emoji, SQL, HTML) is stored and read back exactly as sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTests {

	static final String NOT_FOUND = "未找到该记录，或您无权查看。";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http http;

	String admin;

	long heping;

	@BeforeAll
	void signIn() {
		DemoCity city = DemoCity.ensure(context);
		http = Http.api(port);
		admin = http.token("admin", DemoCity.PASSWORD);
		heping = city.org("和平社区");
	}

	@Test
	void malformedJsonIsA400ProblemInChinese() {
		Response response = post("/api/v1/orgs", "{\"parentId\": " + heping + ", \"name\": \"半截");

		problem(response, 400, "请求内容不是有效的 JSON。");
		assertThat(response.json().get("title").asString()).isEqualTo("请求无效");
	}

	@Test
	void wrongTypeIsA400Problem() {
		Response text = post("/api/v1/orgs", "{\"parentId\":\"abc\",\"name\":\"类型错误\",\"type\":\"DEPARTMENT\"}");
		Response enumValue = post("/api/v1/orgs", Http.json(Map.of("parentId", heping, "name", "类型错误", "type", "PLANET")));
		Response date = post("/api/v1/people", Http.json(Map.of("name", "日期错误", "birthDate", "2020-13-45",
				"idNumber", DemoCity.newIdNumber(), "homeOrgId", heping)));
		Response list = post("/api/v1/people", "{\"name\":\"列表错误\",\"tags\":\"居民\",\"homeOrgId\":" + heping + "}");

		for (Response response : List.of(text, enumValue, date, list)) {
			problem(response, 400, "请求中某个字段的类型不正确。");
		}
		assertThat(orgsNamed("类型错误")).isZero();
		assertThat(peopleNamed("日期错误") + peopleNamed("列表错误")).isZero();
	}

	@Test
	void unknownFieldIsA400Problem() {
		String name = DemoCity.unique("未知字段");

		Response response = post("/api/v1/orgs",
				Http.json(Map.of("parentId", heping, "name", name, "type", "DEPARTMENT", "colour", "red")));

		problem(response, 400, "请求中包含无法识别的字段。");
		assertThat(orgsNamed(name)).isZero();
	}

	@Test
	void missingRequiredFieldIsA400ProblemNamingTheField() {
		Response response = post("/api/v1/orgs", Http.json(Map.of("parentId", heping, "type", "DEPARTMENT")));

		assertThat(response.status()).as(response.toString()).isEqualTo(400);
		assertThat(response.json().get("detail").asString()).startsWith("输入有误：");
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
		assertThat(response.json().get("errors").get(0).get("message").asString()).matches(".*\\p{IsHan}.*");
	}

	@Test
	void badQueryAndPathParametersAre400Problems() {
		problem(get("/api/v1/people?page=abc"), 400, "请求参数格式不正确。");
		problem(get("/api/v1/people/abc"), 400, "请求参数格式不正确。");
		Response tooBig = get("/api/v1/people?size=100000");
		assertThat(tooBig.status()).as(tooBig.toString()).isEqualTo(400);
		assertThat(tooBig.json().get("detail").asString()).matches(".*\\p{IsHan}.*");
	}

	@Test
	void bodyOverTenMegabytesIsRefusedWith413() {
		String name = DemoCity.unique("过大");
		String huge = "{\"parentId\":" + heping + ",\"type\":\"DEPARTMENT\",\"name\":\"" + name + "\",\"divisionCode\":\""
				+ "9".repeat(11 * 1024 * 1024) + "\"}";

		Response response = post("/api/v1/orgs", huge);

		problem(response, 413, "请求内容过大（不能超过 10 MB，上传文件不能超过 20 MB）。");
		assertThat(orgsNamed(name)).isZero();
	}

	@Test
	void bodyOverTenMegabytesWithoutADeclaredLengthIsRefusedWith413() {
		String name = DemoCity.unique("过大");
		byte[] huge = ("{\"parentId\":" + heping + ",\"type\":\"DEPARTMENT\",\"name\":\"" + name + "\",\"divisionCode\":\""
				+ "9".repeat(11 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);

		Response response = clean(http.send("POST", "/api/v1/orgs", admin, "application/json",
				BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge))));

		problem(response, 413, "请求内容过大（不能超过 10 MB，上传文件不能超过 20 MB）。");
		assertThat(orgsNamed(name)).isZero();
	}

	@Test
	void chineseAndEmojiInEveryTextFieldAreStoredAndReadBackUnchanged() {
		String orgName = DemoCity.unique("文明😀社区");
		String renamed = DemoCity.unique("𠀀和谐🏮街道");
		String personName = DemoCity.unique("文明😀");
		String address = "示范市😀文明路𠀀号🏠";
		String needs = "上门😀探望，陪同就医🏥";

		JsonNode org = created(post("/api/v1/orgs", Http.json(Map.of("parentId", heping, "name", orgName, "type", "COMMUNITY"))));
		assertThat(org.get("name").asString()).isEqualTo(orgName);
		assertThat(get("/api/v1/orgs/" + org.get("id").asLong()).json().get("name").asString()).isEqualTo(orgName);
		assertThat(put("/api/v1/orgs/" + org.get("id").asLong(), Http.json(Map.of("name", renamed))).json().get("name")
			.asString()).isEqualTo(renamed);
		assertThat(jdbc.sql("select name from org where id = ?").param(org.get("id").asLong()).query(String.class).single())
			.isEqualTo(renamed);

		JsonNode person = created(post("/api/v1/people", Http.json(Map.of("name", personName, "gender", "女",
				"idNumber", DemoCity.newIdNumber(), "phone", DemoCity.newPhone(), "address", address,
				"politicalStatus", "群众", "tags", List.of("居民"), "homeOrgId", org.get("id").asLong()))));
		long id = person.get("id").asLong();
		JsonNode detail = get("/api/v1/people/" + id).json();
		JsonNode full = get("/api/v1/people/" + id + "/personal-data").json();
		created(post("/api/v1/care-recipients", Http.json(Map.of("personId", id, "type", "DISABLED", "needs", needs,
				"responsibleOrgId", org.get("id").asLong()))));
		JsonNode care = get("/api/v1/care-recipients?orgId=" + org.get("id").asLong()).json().get("items").get(0);
		JsonNode found = get("/api/v1/people?name=" + URLEncoder.encode(personName, StandardCharsets.UTF_8)).json();

		assertThat(detail.get("name").asString()).isEqualTo(personName);
		assertThat(detail.get("gender").asString()).isEqualTo("女");
		assertThat(detail.get("politicalStatus").asString()).isEqualTo("群众");
		assertThat(detail.get("tags").get(0).asString()).isEqualTo("居民");
		assertThat(detail.get("homeOrgName").asString()).isEqualTo(renamed);
		assertThat(detail.get("addressMasked").asString()).isEqualTo("示范市😀文****");
		assertThat(full.get("address").asString()).isEqualTo(address);
		assertThat(full.get("name").asString()).isEqualTo(personName);
		assertThat(care.get("needs").asString()).isEqualTo(needs);
		assertThat(care.get("personName").asString()).isEqualTo(personName);
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(jdbc.sql("select name from person where id = ?").param(id).query(String.class).single())
			.isEqualTo(personName);
	}

	@Test
	void sqlInNamesIsStoredAsTextAndReadBackExactly() {
		String sql = "'); drop table person; -- " + DemoCity.unique("");
		String orgSql = "'); drop table org; -- " + DemoCity.unique("");

		JsonNode org = created(post("/api/v1/orgs", Http.json(Map.of("parentId", heping, "name", orgSql, "type", "COMMUNITY"))));
		JsonNode person = created(post("/api/v1/people", Http.json(Map.of("name", sql, "idNumber",
				DemoCity.newIdNumber(), "homeOrgId", org.get("id").asLong()))));
		JsonNode found = get("/api/v1/people?name=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)).json();
		JsonNode foundByLike = get("/api/v1/people?name=" + URLEncoder.encode("%' or '1'='1", StandardCharsets.UTF_8)).json();

		assertThat(get("/api/v1/orgs/" + org.get("id").asLong()).json().get("name").asString()).isEqualTo(orgSql);
		assertThat(get("/api/v1/people/" + person.get("id").asLong()).json().get("name").asString()).isEqualTo(sql);
		assertThat(found.get("total").asLong()).isEqualTo(1);
		assertThat(found.get("items").get(0).get("name").asString()).isEqualTo(sql);
		assertThat(foundByLike.get("total").asLong()).isZero();
		tablesStillExist();
	}

	@Test
	void htmlInNamesIsStoredAsTextAndReadBackExactly() {
		String html = "<script>alert(1)</script>" + DemoCity.unique("");
		String orgHtml = "<img src=x onerror=alert(1)>" + DemoCity.unique("");

		JsonNode org = created(post("/api/v1/orgs", Http.json(Map.of("parentId", heping, "name", orgHtml, "type", "COMMUNITY"))));
		JsonNode person = created(post("/api/v1/people", Http.json(Map.of("name", html, "idNumber",
				DemoCity.newIdNumber(), "homeOrgId", org.get("id").asLong()))));

		assertThat(get("/api/v1/orgs/" + org.get("id").asLong()).json().get("name").asString()).isEqualTo(orgHtml);
		Response detail = get("/api/v1/people/" + person.get("id").asLong());
		assertThat(detail.json().get("name").asString()).isEqualTo(html);
		assertThat(detail.json().get("homeOrgName").asString()).isEqualTo(orgHtml);
		assertThat(detail.contentType()).startsWith("application/json");
		assertThat(jdbc.sql("select name from person where id = ?").param(person.get("id").asLong()).query(String.class)
			.single()).isEqualTo(html);
		tablesStillExist();
	}

	@Test
	void nonExistentIdIsA404Problem() {
		long none = 9_000_000_000L;

		problem(get("/api/v1/people/" + none), 404, NOT_FOUND);
		problem(get("/api/v1/people/" + none + "/personal-data"), 404, NOT_FOUND);
		problem(get("/api/v1/orgs/" + none), 404, NOT_FOUND);
		problem(get("/api/v1/accounts/" + none), 404, NOT_FOUND);
		problem(put("/api/v1/orgs/" + none, Http.json(Map.of("name", "不存在"))), 404, NOT_FOUND);
		problem(post("/api/v1/orgs/" + none + "/close", null), 404, NOT_FOUND);
		problem(post("/api/v1/care-recipients/" + none + "/close", null), 404, NOT_FOUND);
		problem(put("/api/v1/people/" + none, Http.json(Map.of("name", "不存在", "homeOrgId", heping))), 404, NOT_FOUND);
	}

	@Test
	void unsupportedMethodIsA405Problem() {
		Response delete = clean(http.delete("/api/v1/orgs/" + heping, admin));
		Response patch = clean(http.send("PATCH", "/api/v1/people/1", admin, "application/json", "{}"));

		for (Response response : List.of(delete, patch)) {
			problem(response, 405, "不支持该请求方法。");
			assertThat(response.header("Allow")).as(response.toString()).isNotBlank().doesNotContain(response.method());
		}
		assertThat(get("/api/v1/orgs/" + heping).status()).isEqualTo(200);
	}

	@Test
	void unknownResourceIsAChinese404PageForBrowsersAndAProblemForClients() {
		Response page = clean(http.get("/webjars/nothing/nothing.js", null));
		Response problem = clean(http.send("GET", "/webjars/nothing/nothing.js", null, null, BodyPublishers.noBody(),
				"Accept", "application/json"));

		assertThat(page.status()).as(page.toString()).isEqualTo(404);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains(NOT_FOUND);
		problem(problem, 404, NOT_FOUND);
	}

	@Test
	void unsupportedContentTypeIsA415Problem() {
		Response response = clean(http.send("POST", "/api/v1/orgs", admin, "text/plain", "name=文明"));

		problem(response, 415, "不支持该内容类型。");
	}

	@Test
	void refusedPersonLeavesNothingStored() {
		long people = count("person");
		long audit = count("audit_log");
		String name = DemoCity.unique("半存");

		Response response = post("/api/v1/people",
				Http.json(Map.of("name", name, "idNumber", DemoCity.newIdNumber(), "phone", "12345", "homeOrgId", heping)));

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(count("person")).isEqualTo(people);
		assertThat(peopleNamed(name)).isZero();
		assertThat(count("audit_log")).isEqualTo(audit);
	}

	@Test
	void accountRefusedAtItsRoleLeavesNeitherAccountNorAuditEntry() {
		long personId = created(post("/api/v1/people", Http.json(Map.of("name", DemoCity.unique("半存账号"), "idNumber",
				DemoCity.newIdNumber(), "homeOrgId", heping)))).get("id").asLong();
		String username = DemoCity.unique("half_");
		long accounts = count("account");

		Response response = post("/api/v1/accounts", Http.json(Map.of("personId", personId, "username", username,
				"password", "Half@2026x", "roles", List.of(Map.of("role", "RESIDENT", "orgId", 9_000_000_000L)))));

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("orgId");
		assertThat(count("account")).isEqualTo(accounts);
		assertThat(jdbc.sql("select count(*) from account where username = ?").param(username).query(Long.class).single())
			.isZero();
		assertThat(jdbc.sql("select count(*) from audit_log where summary like ?").param("%" + username + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void refusedOrgLeavesNothingStored() {
		String name = DemoCity.unique("坏代码");

		Response response = post("/api/v1/orgs",
				Http.json(Map.of("parentId", heping, "name", name, "type", "DEPARTMENT", "divisionCode", "12ab")));

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("divisionCode");
		assertThat(orgsNamed(name)).isZero();
	}

	// ---------------------------------------------------------------------------------------------

	private Response get(String path) {
		return clean(http.get(path, admin));
	}

	private Response post(String path, String json) {
		return clean(http.post(path, admin, json));
	}

	private Response put(String path, String json) {
		return clean(http.put(path, admin, json));
	}

	/** Every answer of this class is checked for traces of the server's insides. */
	private static Response clean(Response response) {
		assertThat(response.body()).as(response.toString())
			.doesNotContainIgnoringCase("exception")
			.doesNotContain("at org.")
			.doesNotContain("at java.")
			.doesNotContainIgnoringCase("stack")
			.doesNotContain("SQLState")
			.doesNotContain("PSQL");
		assertThat(response.status()).as(response.toString()).isLessThan(500);
		return response;
	}

	private static void problem(Response response, int status, String detail) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
		assertThat(response.json().get("status").asInt()).isEqualTo(status);
		assertThat(response.json().get("detail").asString()).isEqualTo(detail);
	}

	private static JsonNode created(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	private void tablesStillExist() {
		for (String table : new String[] { "person", "org", "account", "audit_log" }) {
			assertThat(jdbc.sql("select to_regclass(?)::text").param("public." + table).query(String.class).single())
				.isEqualTo(table);
			assertThat(count(table)).isPositive();
		}
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private long orgsNamed(String name) {
		return jdbc.sql("select count(*) from org where name = ?").param(name).query(Long.class).single();
	}

	private long peopleNamed(String name) {
		return jdbc.sql("select count(*) from person where name = ?").param(name).query(Long.class).single();
	}

}
