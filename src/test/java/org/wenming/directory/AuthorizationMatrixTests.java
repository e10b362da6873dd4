package org.wenming.directory;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * Every API endpoint against every demo role and an anonymous caller, through the real filter
 * chains: what the role may do in its scope succeeds, what the role may not do is 403, what lies
 * outside its org subtree is 404, and without a token it is 401.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	/** The matrix's columns. */
	static final String[] CALLERS = { "admin", "unit", "inspector", "leader", "volunteer", "resident", "anonymous" };

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	Http http;

	final Map<String, String> tokens = new LinkedHashMap<>();

	long heping;

	long mingzhu;

	long east;

	long west;

	long hepingResident;

	long mingzhuResident;

	Long mingzhuAccount;

	@BeforeAll
	void signIn() {
		DemoCity city = DemoCity.ensure(context);
		http = Http.api(port);
		for (String account : DemoCity.ACCOUNTS) {
			tokens.put(account, http.token(account, DemoCity.PASSWORD));
		}
		heping = city.org("和平社区");
		mingzhu = city.org("明珠社区");
		east = city.org("东城区");
		west = city.org("西湖区");
		hepingResident = city.residentOf("和平社区");
		mingzhuResident = city.residentOf("明珠社区");
	}

	/**
	 * The matrix. Columns: admin (文明办管理员 of 示范市), unit (单位管理员 of 和平社区), inspector (督查员 of
	 * 东城区), leader (志愿服务队长 of 和平社区), volunteer, resident, anonymous. 和平社区 lies in 东城区;
	 * 明珠社区 in 西湖区. Rows that change something make a fresh target for every call.
	 */
	List<Row> matrix() {
		return List.of(
		//                                                                                                admin unit insp lead vol  res  anon
		row("POST /api/v1/auth/token", "own credentials", c -> http.post("/api/v1/auth/token", null,
				Http.json(Map.of("username", c.anonymous() ? "resident" : c.name(), "password", DemoCity.PASSWORD))),
																									"200 200 200 200 200 200 200"),
		row("GET /api/v1/me", "", c -> get(c, "/api/v1/me"),										"200 200 200 200 200 200 401"),
		row("DELETE /api/v1/auth/token", "a fresh token of one's own", c -> http.delete("/api/v1/auth/token",
				c.anonymous() ? null : http.token(c.name(), DemoCity.PASSWORD)),					"204 204 204 204 204 204 401"),

		row("POST /api/v1/activities", "of 和平社区", c -> post(c, "/api/v1/activities", newActivity(heping, 24)),
																									"201 201 403 201 403 403 401"),
		row("POST /api/v1/activities", "of 明珠社区", c -> post(c, "/api/v1/activities", newActivity(mingzhu, 24)),
																									"201 404 403 404 403 403 401"),
		row("GET /api/v1/activities", "", c -> get(c, "/api/v1/activities"),						"200 200 200 200 200 200 401"),
		row("GET /api/v1/activities/{id}", "open, of 和平社区",
				c -> get(c, "/api/v1/activities/" + activity(heping, true)),						"200 200 200 200 200 200 401"),
		row("GET /api/v1/activities/{id}", "draft, of 明珠社区",
				c -> get(c, "/api/v1/activities/" + activity(mingzhu, false)),						"200 404 404 404 404 404 401"),
		row("PUT /api/v1/activities/{id}", "of 和平社区", c -> put(c, "/api/v1/activities/" + freshActivity(heping, false, 24),
				newActivity(heping, 24)),																"200 200 403 200 403 403 401"),
		row("PUT /api/v1/activities/{id}", "of 明珠社区", c -> put(c, "/api/v1/activities/" + freshActivity(mingzhu, false, 24),
				newActivity(mingzhu, 24)),															"200 404 403 404 403 403 401"),
		row("POST /api/v1/activities/{id}/publish", "of 和平社区",
				c -> post(c, "/api/v1/activities/" + freshActivity(heping, false, 24) + "/publish", null),	"200 200 403 200 403 403 401"),
		row("POST /api/v1/activities/{id}/publish", "of 明珠社区",
				c -> post(c, "/api/v1/activities/" + freshActivity(mingzhu, false, 24) + "/publish", null),	"200 404 403 404 403 403 401"),
		row("POST /api/v1/activities/{id}/cancel", "of 和平社区",
				c -> post(c, "/api/v1/activities/" + freshActivity(heping, true, 24) + "/cancel", REASON),	"200 200 403 200 403 403 401"),
		row("POST /api/v1/activities/{id}/cancel", "of 明珠社区",
				c -> post(c, "/api/v1/activities/" + freshActivity(mingzhu, true, 24) + "/cancel", REASON),	"200 404 403 404 403 403 401"),
		row("POST /api/v1/activities/{id}/finish", "started, of 和平社区",
				c -> post(c, "/api/v1/activities/" + freshActivity(heping, true, -1) + "/finish", null),	"200 200 403 200 403 403 401"),
		row("POST /api/v1/activities/{id}/finish", "started, of 明珠社区",
				c -> post(c, "/api/v1/activities/" + freshActivity(mingzhu, true, -1) + "/finish", null),	"200 404 403 404 403 403 401"),
		row("PUT /api/v1/activities/{id}/summary", "started, of 和平社区",
				c -> put(c, "/api/v1/activities/" + startedActivity(heping) + "/summary",
						Http.json(Map.of("summary", "到场 20 人。"))),										"200 200 403 200 403 403 401"),
		row("PUT /api/v1/activities/{id}/summary", "started, of 明珠社区",
				c -> put(c, "/api/v1/activities/" + startedActivity(mingzhu) + "/summary",
						Http.json(Map.of("summary", "到场 20 人。"))),										"200 404 403 404 403 403 401"),
		row("POST /api/v1/activities/{id}/photos", "started, of 和平社区",
				c -> uploadPhoto(c, "/api/v1/activities/" + startedActivity(heping) + "/photos"),		"201 201 403 201 403 403 401"),
		row("POST /api/v1/activities/{id}/photos", "started, of 明珠社区",
				c -> uploadPhoto(c, "/api/v1/activities/" + startedActivity(mingzhu) + "/photos"),		"201 404 403 404 403 403 401"),
		row("GET /api/v1/activities/{id}/photos", "started, of 和平社区",
				c -> get(c, "/api/v1/activities/" + activityPhoto(heping)[0] + "/photos"),				"200 200 200 200 200 200 401"),
		row("GET /api/v1/activities/{id}/photos/{photoId}", "started, of 和平社区",
				c -> get(c, "/api/v1/activities/" + activityPhoto(heping)[0] + "/photos/" + activityPhoto(heping)[1]),
																									"200 200 200 200 200 200 401"),
		row("GET /api/v1/activities/{id}/photos/{photoId}", "draft, of 明珠社区",
				c -> get(c, "/api/v1/activities/" + activity(mingzhu, false) + "/photos/1"),				"404 404 404 404 404 404 401"),
		row("GET /api/v1/activities/{id}/signups", "of 和平社区",
				c -> get(c, "/api/v1/activities/" + activity(heping, true) + "/signups"),				"200 200 200 200 403 403 401"),
		row("GET /api/v1/activities/{id}/signups", "of 明珠社区",
				c -> get(c, "/api/v1/activities/" + activity(mingzhu, true) + "/signups"),				"200 404 404 404 403 403 401"),
		row("POST /api/v1/activities/{id}/signups", "open to anyone",
				c -> post(c, "/api/v1/activities/" + freshActivity(heping, true, 24) + "/signups", null),	"201 201 201 201 201 201 401"),
		row("DELETE /api/v1/activities/{id}/signups/me", "signed up before", c -> {
			String path = "/api/v1/activities/" + freshActivity(heping, true, 24) + "/signups";
			post(c, path, null);
			return delete(c, path + "/me");
		},																							"204 204 204 204 204 204 401"),

		row("GET /api/v1/orgs", "", c -> get(c, "/api/v1/orgs"),									"200 200 200 200 403 403 401"),
		row("GET /api/v1/orgs/{id}", "和平社区", c -> get(c, "/api/v1/orgs/" + heping),				"200 200 200 200 403 403 401"),
		row("GET /api/v1/orgs/{id}", "东城区", c -> get(c, "/api/v1/orgs/" + east),					"200 404 200 404 403 403 401"),
		row("GET /api/v1/orgs/{id}", "西湖区", c -> get(c, "/api/v1/orgs/" + west),					"200 404 404 404 403 403 401"),
		row("POST /api/v1/orgs", "under 和平社区", c -> post(c, "/api/v1/orgs", newOrg(heping)),	"201 201 403 403 403 403 401"),
		row("POST /api/v1/orgs", "under 明珠社区", c -> post(c, "/api/v1/orgs", newOrg(mingzhu)),	"201 404 403 403 403 403 401"),
		row("PUT /api/v1/orgs/{id}", "in 和平社区", c -> put(c, "/api/v1/orgs/" + freshOrg(heping),
				Http.json(Map.of("name", DemoCity.unique("改名")))),								"200 200 403 403 403 403 401"),
		row("PUT /api/v1/orgs/{id}", "in 明珠社区", c -> put(c, "/api/v1/orgs/" + freshOrg(mingzhu),
				Http.json(Map.of("name", DemoCity.unique("改名")))),								"200 404 403 403 403 403 401"),
		row("POST /api/v1/orgs/{id}/move", "within 和平社区", c -> post(c, "/api/v1/orgs/" + freshOrg(heping) + "/move",
				Http.json(Map.of("parentId", freshOrg(heping)))),									"200 200 403 403 403 403 401"),
		row("POST /api/v1/orgs/{id}/move", "within 明珠社区", c -> post(c, "/api/v1/orgs/" + freshOrg(mingzhu) + "/move",
				Http.json(Map.of("parentId", freshOrg(mingzhu)))),									"200 404 403 403 403 403 401"),
		row("POST /api/v1/orgs/{id}/close", "in 和平社区", c -> post(c, "/api/v1/orgs/" + freshOrg(heping) + "/close",
				null),																				"200 200 403 403 403 403 401"),
		row("POST /api/v1/orgs/{id}/close", "in 明珠社区", c -> post(c, "/api/v1/orgs/" + freshOrg(mingzhu) + "/close",
				null),																				"200 404 403 403 403 403 401"),

		row("GET /api/v1/people", "", c -> get(c, "/api/v1/people"),								"200 200 200 403 403 403 401"),
		row("GET /api/v1/people/{id}", "of 和平社区", c -> get(c, "/api/v1/people/" + hepingResident),	"200 200 200 403 403 403 401"),
		row("GET /api/v1/people/{id}", "of 明珠社区", c -> get(c, "/api/v1/people/" + mingzhuResident),	"200 404 404 403 403 403 401"),
		row("GET /api/v1/people/{id}/personal-data", "of 和平社区",
				c -> get(c, "/api/v1/people/" + hepingResident + "/personal-data"),					"200 200 403 403 403 403 401"),
		row("GET /api/v1/people/{id}/personal-data", "of 明珠社区",
				c -> get(c, "/api/v1/people/" + mingzhuResident + "/personal-data"),				"200 404 403 403 403 403 401"),
		// An org out of scope in the body is a field error (422) rather than a 404 of the URL.
		row("POST /api/v1/people", "living in 和平社区", c -> post(c, "/api/v1/people", newPerson(heping)),
																									"201 201 403 403 403 403 401"),
		row("POST /api/v1/people", "living in 明珠社区", c -> post(c, "/api/v1/people", newPerson(mingzhu)),
																									"201 422 403 403 403 403 401"),
		row("PUT /api/v1/people/{id}", "of 和平社区", c -> put(c, "/api/v1/people/" + freshPerson(heping),
				newPerson(heping)),																	"200 200 403 403 403 403 401"),
		row("PUT /api/v1/people/{id}", "of 明珠社区", c -> put(c, "/api/v1/people/" + freshPerson(mingzhu),
				newPerson(mingzhu)),																"200 404 403 403 403 403 401"),

		row("GET /api/v1/care-recipients", "", c -> get(c, "/api/v1/care-recipients"),				"200 200 200 403 403 403 401"),
		row("POST /api/v1/care-recipients", "of 和平社区", c -> post(c, "/api/v1/care-recipients",
				newCareRecipient(freshPerson(heping), heping)),										"201 201 403 403 403 403 401"),
		row("POST /api/v1/care-recipients", "of 明珠社区", c -> post(c, "/api/v1/care-recipients",
				newCareRecipient(freshPerson(mingzhu), mingzhu)),									"201 404 403 403 403 403 401"),
		row("POST /api/v1/care-recipients/{id}/close", "of 和平社区",
				c -> post(c, "/api/v1/care-recipients/" + freshCareRecipient(heping) + "/close", null),
																									"204 204 403 403 403 403 401"),
		row("POST /api/v1/care-recipients/{id}/close", "of 明珠社区",
				c -> post(c, "/api/v1/care-recipients/" + freshCareRecipient(mingzhu) + "/close", null),
																									"204 404 403 403 403 403 401"),

		row("GET /api/v1/accounts", "", c -> get(c, "/api/v1/accounts"),							"200 200 403 403 403 403 401"),
		row("GET /api/v1/accounts/{id}", "of 和平社区", c -> get(c, "/api/v1/accounts/" + demoAccount("leader")),
																									"200 200 403 403 403 403 401"),
		row("GET /api/v1/accounts/{id}", "of 明珠社区", c -> get(c, "/api/v1/accounts/" + mingzhuAccount()),
																									"200 404 403 403 403 403 401"),
		row("POST /api/v1/accounts", "of 和平社区", c -> post(c, "/api/v1/accounts",
				newAccount(freshPerson(heping), heping)),											"201 201 403 403 403 403 401"),
		row("POST /api/v1/accounts", "of 明珠社区", c -> post(c, "/api/v1/accounts",
				newAccount(freshPerson(mingzhu), mingzhu)),											"201 404 403 403 403 403 401"),
		row("POST /api/v1/accounts/{id}/roles", "of 和平社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(heping)[0] + "/roles", role("VOLUNTEER", heping)),
																									"200 200 403 403 403 403 401"),
		row("POST /api/v1/accounts/{id}/roles", "of 明珠社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(mingzhu)[0] + "/roles", role("VOLUNTEER", mingzhu)),
																									"200 404 403 403 403 403 401"),
		row("DELETE /api/v1/accounts/{id}/roles/{assignmentId}", "of 和平社区", c -> {
			long[] account = freshAccount(heping);
			return delete(c, "/api/v1/accounts/" + account[0] + "/roles/" + account[1]);
		},																							"200 200 403 403 403 403 401"),
		row("DELETE /api/v1/accounts/{id}/roles/{assignmentId}", "of 明珠社区", c -> {
			long[] account = freshAccount(mingzhu);
			return delete(c, "/api/v1/accounts/" + account[0] + "/roles/" + account[1]);
		},																							"200 404 403 403 403 403 401"),

		row("POST /api/v1/accounts/{id}/password", "of 和平社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(heping)[0] + "/password", Http.json(Map.of("password", "Matrix@2026x"))),
																									"204 204 403 403 403 403 401"),
		row("POST /api/v1/accounts/{id}/password", "of 明珠社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(mingzhu)[0] + "/password", Http.json(Map.of("password", "Matrix@2026x"))),
																									"204 404 403 403 403 403 401"),
		row("POST /api/v1/accounts/{id}/disable", "of 和平社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(heping)[0] + "/disable", null),
																									"200 200 403 403 403 403 401"),
		row("POST /api/v1/accounts/{id}/disable", "of 明珠社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(mingzhu)[0] + "/disable", null),
																									"200 404 403 403 403 403 401"),
		row("POST /api/v1/accounts/{id}/enable", "of 和平社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(heping)[0] + "/enable", null),
																									"200 200 403 403 403 403 401"),
		row("POST /api/v1/accounts/{id}/enable", "of 明珠社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(mingzhu)[0] + "/enable", null),
																									"200 404 403 403 403 403 401"),
		row("POST /api/v1/accounts/{id}/unlock", "of 和平社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(heping)[0] + "/unlock", null),
																									"200 200 403 403 403 403 401"),
		row("POST /api/v1/accounts/{id}/unlock", "of 明珠社区", c -> post(c,
				"/api/v1/accounts/" + freshAccount(mingzhu)[0] + "/unlock", null),
																									"200 404 403 403 403 403 401"),

		row("GET /api/v1/audit", "", c -> get(c, "/api/v1/audit"),									"200 403 403 403 403 403 401"),

		// The export narrows itself to the caller's scope: a filter outside it exports nothing.
		row("GET /api/v1/people/export", "", c -> get(c, "/api/v1/people/export?orgId=" + heping),	"200 200 403 403 403 403 401"),
		// Rows naming an org outside the caller's scope are row errors (422), and nothing is stored.
		row("POST /api/v1/imports/people", "into 和平社区", c -> upload(c, "/api/v1/imports/people",
				peopleCsv("和平社区")),																"200 200 403 403 403 403 401"),
		row("POST /api/v1/imports/people", "into 明珠社区", c -> upload(c, "/api/v1/imports/people",
				peopleCsv("明珠社区")),																"200 422 403 403 403 403 401"),
		row("POST /api/v1/imports/orgs", "under 和平社区", c -> upload(c, "/api/v1/imports/orgs",
				orgsCsv(heping)),																	"200 200 403 403 403 403 401"),
		row("POST /api/v1/imports/orgs", "under 明珠社区", c -> upload(c, "/api/v1/imports/orgs",
				orgsCsv(mingzhu)),																	"200 422 403 403 403 403 401"),

		// Reading or exporting a plan document sent with the request touches no stored data.
		row("POST /api/v1/plan-documents/outline", "text", c -> http.send("POST", "/api/v1/plan-documents/outline",
				c.token(), "text/plain; charset=UTF-8", "一、总体要求\n二、工作措施"),						"200 200 200 200 200 200 401"),
		row("POST /api/v1/plan-documents/export", "as Word", c -> post(c, "/api/v1/plan-documents/export?format=docx",
				Http.json(Map.of("text", "一、总体要求\n二、工作措施", "orgName", "和平社区", "year", 2026))),
																									"200 200 200 200 200 200 401"),

		row("GET /api/v1/plans", "", c -> get(c, "/api/v1/plans"),									"200 200 200 403 403 403 401"),
		row("GET /api/v1/plans", "of 明珠社区", c -> get(c, "/api/v1/plans?orgId=" + mingzhu),		"200 404 404 403 403 403 401"),
		row("POST /api/v1/plans", "of 和平社区", c -> post(c, "/api/v1/plans", newPlan(heping)),	"201 201 403 403 403 403 401"),
		row("POST /api/v1/plans", "of 明珠社区", c -> post(c, "/api/v1/plans", newPlan(mingzhu)),	"201 404 403 403 403 403 401"),
		row("POST /api/v1/plans/preview", "", c -> post(c, "/api/v1/plans/preview",
				Http.json(Map.of("text", PLAN_TEXT))),												"200 200 403 403 403 403 401"),
		row("POST /api/v1/plans/import", "of 和平社区", c -> post(c, "/api/v1/plans/import", importPlan(heping)),
																									"201 201 403 403 403 403 401"),
		row("POST /api/v1/plans/import", "of 明珠社区", c -> post(c, "/api/v1/plans/import", importPlan(mingzhu)),
																									"201 404 403 403 403 403 401"),
		row("GET /api/v1/plans/{id}", "of 和平社区", c -> get(c, "/api/v1/plans/" + plan(heping)),	"200 200 200 403 403 403 401"),
		row("GET /api/v1/plans/{id}", "of 明珠社区", c -> get(c, "/api/v1/plans/" + plan(mingzhu)),	"200 404 404 403 403 403 401"),
		row("PUT /api/v1/plans/{id}", "of 和平社区", c -> put(c, "/api/v1/plans/" + plan(heping),
				Http.json(Map.of("title", DemoCity.unique("计划")))),								"200 200 403 403 403 403 401"),
		row("PUT /api/v1/plans/{id}", "of 明珠社区", c -> put(c, "/api/v1/plans/" + plan(mingzhu),
				Http.json(Map.of("title", DemoCity.unique("计划")))),								"200 404 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/publish", "of 和平社区",
				c -> post(c, "/api/v1/plans/" + freshPlan(heping, false) + "/publish", null),		"200 200 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/publish", "of 明珠社区",
				c -> post(c, "/api/v1/plans/" + freshPlan(mingzhu, false) + "/publish", null),		"200 404 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/archive", "of 和平社区",
				c -> post(c, "/api/v1/plans/" + freshPlan(heping, true) + "/archive", null),		"200 200 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/archive", "of 明珠社区",
				c -> post(c, "/api/v1/plans/" + freshPlan(mingzhu, true) + "/archive", null),		"200 404 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/sections", "of 和平社区", c -> post(c, "/api/v1/plans/" + plan(heping) + "/sections",
				Http.json(Map.of("title", "新增部分"))),											"201 201 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/sections", "of 明珠社区", c -> post(c, "/api/v1/plans/" + plan(mingzhu) + "/sections",
				Http.json(Map.of("title", "新增部分"))),											"201 404 403 403 403 403 401"),
		row("PUT /api/v1/plans/{id}/sections/{sectionId}", "of 和平社区", c -> put(c, section(heping),
				Http.json(Map.of("title", DemoCity.unique("部分")))),								"204 204 403 403 403 403 401"),
		row("PUT /api/v1/plans/{id}/sections/{sectionId}", "of 明珠社区", c -> put(c, section(mingzhu),
				Http.json(Map.of("title", DemoCity.unique("部分")))),								"204 404 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/sections/{sectionId}/move", "of 和平社区", c -> post(c, section(heping) + "/move",
				Http.json(Map.of("position", 0))),													"204 204 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/sections/{sectionId}/move", "of 明珠社区", c -> post(c, section(mingzhu) + "/move",
				Http.json(Map.of("position", 0))),													"204 404 403 403 403 403 401"),
		row("DELETE /api/v1/plans/{id}/sections/{sectionId}", "of 和平社区", c -> delete(c, freshSection(heping)),
																									"204 204 403 403 403 403 401"),
		row("DELETE /api/v1/plans/{id}/sections/{sectionId}", "of 明珠社区", c -> delete(c, freshSection(mingzhu)),
																									"204 404 403 403 403 403 401"),
		row("GET /api/v1/plans/{id}/revisions", "of 和平社区",
				c -> get(c, "/api/v1/plans/" + plan(heping) + "/revisions"),						"200 200 200 403 403 403 401"),
		row("GET /api/v1/plans/{id}/revisions", "of 明珠社区",
				c -> get(c, "/api/v1/plans/" + plan(mingzhu) + "/revisions"),						"200 404 404 403 403 403 401"),
		row("GET /api/v1/plans/{id}/revisions/{number}", "of 和平社区",
				c -> get(c, "/api/v1/plans/" + plan(heping) + "/revisions/1"),						"200 200 200 403 403 403 401"),
		row("GET /api/v1/plans/{id}/revisions/{number}", "of 明珠社区",
				c -> get(c, "/api/v1/plans/" + plan(mingzhu) + "/revisions/1"),						"200 404 404 403 403 403 401"),
		row("GET /api/v1/plans/{id}/revisions/compare", "of 和平社区",
				c -> get(c, "/api/v1/plans/" + plan(heping) + "/revisions/compare?from=1&to=1"),	"200 200 200 403 403 403 401"),
		row("GET /api/v1/plans/{id}/revisions/compare", "of 明珠社区",
				c -> get(c, "/api/v1/plans/" + plan(mingzhu) + "/revisions/compare?from=1&to=1"),	"200 404 404 403 403 403 401"),
		row("POST /api/v1/plans/{id}/targets", "of 和平社区",
				c -> post(c, "/api/v1/plans/" + plan(heping) + "/targets", newTarget()),			"201 201 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/targets", "of 明珠社区",
				c -> post(c, "/api/v1/plans/" + plan(mingzhu) + "/targets", newTarget()),			"201 404 403 403 403 403 401"),
		row("PUT /api/v1/plans/{id}/targets/{targetId}", "of 和平社区", c -> put(c, target(heping), newTarget()),
																									"200 200 403 403 403 403 401"),
		row("PUT /api/v1/plans/{id}/targets/{targetId}", "of 明珠社区", c -> put(c, target(mingzhu), newTarget()),
																									"200 404 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/targets/{targetId}/confirm", "of 和平社区",
				c -> post(c, target(heping) + "/confirm", null),									"200 200 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/targets/{targetId}/confirm", "of 明珠社区",
				c -> post(c, target(mingzhu) + "/confirm", null),									"200 404 403 403 403 403 401"),
		row("DELETE /api/v1/plans/{id}/targets/{targetId}", "of 和平社区", c -> delete(c, freshTarget(heping)),
																									"204 204 403 403 403 403 401"),
		row("DELETE /api/v1/plans/{id}/targets/{targetId}", "of 明珠社区", c -> delete(c, freshTarget(mingzhu)),
																									"204 404 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/targets/{targetId}/manual-values", "of 和平社区",
				c -> post(c, target(heping) + "/manual-values", manualValue()),						"201 201 403 403 403 403 401"),
		row("POST /api/v1/plans/{id}/targets/{targetId}/manual-values", "of 明珠社区",
				c -> post(c, target(mingzhu) + "/manual-values", manualValue()),					"201 404 403 403 403 403 401"),
		row("GET /api/v1/plans/{id}/targets/{targetId}/readings", "of 和平社区",
				c -> get(c, target(heping) + "/readings"),											"200 200 200 403 403 403 401"),
		row("GET /api/v1/plans/{id}/targets/{targetId}/readings", "of 明珠社区",
				c -> get(c, target(mingzhu) + "/readings"),											"200 404 404 403 403 403 401"),
		row("GET /api/v1/plan-metrics", "", c -> get(c, "/api/v1/plan-metrics"),					"200 200 200 403 403 403 401"),

		// Tasks: 和平社区's own plan, 东城区's plan (tasks distributed to 和平社区), 西湖区's plan.
		row("GET /api/v1/tasks", "assignedTo=mine", c -> get(c, "/api/v1/tasks?assignedTo=mine"),	"200 200 200 403 403 403 401"),
		row("GET /api/v1/tasks/{id}", "of 和平社区", c -> get(c, "/api/v1/tasks/" + freshTask(hepingSection(), heping)),
																									"200 200 200 403 403 403 401"),
		row("GET /api/v1/tasks/{id}", "of 西湖区", c -> get(c, "/api/v1/tasks/" + freshTask(westSection(), mingzhu)),
																									"200 404 404 403 403 403 401"),
		row("POST /api/v1/tasks", "in 和平社区's plan", c -> post(c, "/api/v1/tasks", newTask(hepingSection(), heping)),
																									"201 201 403 403 403 403 401"),
		row("POST /api/v1/tasks", "in 西湖区's plan", c -> post(c, "/api/v1/tasks", newTask(westSection(), mingzhu)),
																									"201 404 403 403 403 403 401"),
		row("GET /api/v1/tasks/{id}/evidence/{evidenceId}", "of 和平社区", c -> get(c, taskEvidence(hepingSection(), heping)),
																									"200 200 200 403 403 403 401"),
		row("GET /api/v1/tasks/{id}/evidence/{evidenceId}", "of 西湖区", c -> get(c, taskEvidence(westSection(), mingzhu)),
																									"200 404 404 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/start", "of 和平社区", c -> post(c,
				"/api/v1/tasks/" + freshTask(hepingSection(), heping) + "/start", null),				"200 200 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/start", "of 西湖区", c -> post(c,
				"/api/v1/tasks/" + freshTask(westSection(), mingzhu) + "/start", null),				"200 404 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/progress", "of 和平社区", c -> post(c,
				"/api/v1/tasks/" + freshTask(hepingSection(), heping) + "/progress", "{\"progress\": 50}"),
																									"200 200 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/progress", "of 西湖区", c -> post(c,
				"/api/v1/tasks/" + freshTask(westSection(), mingzhu) + "/progress", "{\"progress\": 50}"),
																									"200 404 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/reports", "of 和平社区", c -> multipart(c,
				"/api/v1/tasks/" + startedTask(hepingSection(), heping) + "/reports"),				"200 200 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/reports", "of 西湖区", c -> multipart(c,
				"/api/v1/tasks/" + startedTask(westSection(), mingzhu) + "/reports"),				"200 404 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/accept", "of 和平社区's plan", c -> post(c,
				"/api/v1/tasks/" + reportedTask(hepingSection(), heping)[0] + "/accept", null),		"200 200 403 403 403 403 401"),
		// 和平社区 owns the task but only 东城区, whose plan it is, accepts it.
		row("POST /api/v1/tasks/{id}/accept", "of 东城区's plan, owned by 和平社区", c -> post(c,
				"/api/v1/tasks/" + reportedTask(eastSection(), heping)[0] + "/accept", null),			"200 403 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/accept", "of 西湖区's plan", c -> post(c,
				"/api/v1/tasks/" + reportedTask(westSection(), mingzhu)[0] + "/accept", null),		"200 404 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/send-back", "of 和平社区's plan", c -> post(c,
				"/api/v1/tasks/" + reportedTask(hepingSection(), heping)[0] + "/send-back", REASON),	"200 200 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/send-back", "of 西湖区's plan", c -> post(c,
				"/api/v1/tasks/" + reportedTask(westSection(), mingzhu)[0] + "/send-back", REASON),	"200 404 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/cancel", "of 和平社区's plan", c -> post(c,
				"/api/v1/tasks/" + freshTask(hepingSection(), heping) + "/cancel", REASON),			"200 200 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/cancel", "of 西湖区's plan", c -> post(c,
				"/api/v1/tasks/" + freshTask(westSection(), mingzhu) + "/cancel", REASON),			"200 404 403 403 403 403 401"),
		// A community's plan has nobody below to distribute to.
		row("POST /api/v1/tasks/{id}/distribute", "of 和平社区's plan", c -> post(c,
				"/api/v1/tasks/" + freshTask(hepingSection(), heping) + "/distribute", null),			"422 422 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/distribute", "of 东城区's plan, to 和平社区", c -> post(c,
				"/api/v1/tasks/" + freshTask(eastSection(), east) + "/distribute", orgIds(heping)),	"200 404 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/distribute", "of 西湖区's plan, to 明珠社区", c -> post(c,
				"/api/v1/tasks/" + freshTask(westSection(), west) + "/distribute", orgIds(mingzhu)),	"200 404 403 403 403 403 401"),
		// 和平社区 sees its own submission of a 东城区 task, not the board of all of them.
		row("GET /api/v1/tasks/{id}/board", "of 东城区's plan, sent to 和平社区", c -> get(c,
				"/api/v1/tasks/" + submission(eastSection(), east, heping)[0] + "/board"),			"200 403 200 403 403 403 401"),
		row("GET /api/v1/tasks/{id}/board", "of 西湖区's plan", c -> get(c,
				"/api/v1/tasks/" + submission(westSection(), west, mingzhu)[0] + "/board"),			"200 404 404 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/remind", "of 东城区's plan, sent to 和平社区", c -> post(c,
				"/api/v1/tasks/" + submission(eastSection(), east, heping)[0] + "/remind", null),		"200 403 403 403 403 403 401"),
		row("POST /api/v1/tasks/{id}/remind", "of 西湖区's plan", c -> post(c,
				"/api/v1/tasks/" + submission(westSection(), west, mingzhu)[0] + "/remind", null),	"200 404 403 403 403 403 401"),

		row("GET /api/v1/submissions/{id}", "of 和平社区", c -> get(c,
				"/api/v1/submissions/" + submission(eastSection(), east, heping)[1]),					"200 200 200 403 403 403 401"),
		row("GET /api/v1/submissions/{id}", "of 明珠社区", c -> get(c,
				"/api/v1/submissions/" + submission(westSection(), west, mingzhu)[1]),				"200 404 404 403 403 403 401"),
		row("GET /api/v1/submissions/{id}/evidence/{evidenceId}", "of 和平社区", c -> get(c,
				submissionEvidence(eastSection(), east, heping)),									"200 200 200 403 403 403 401"),
		row("GET /api/v1/submissions/{id}/evidence/{evidenceId}", "of 明珠社区", c -> get(c,
				submissionEvidence(westSection(), west, mingzhu)),									"200 404 404 403 403 403 401"),
		row("POST /api/v1/submissions/{id}/submit", "of 和平社区", c -> multipart(c,
				"/api/v1/submissions/" + submission(eastSection(), east, heping)[1] + "/submit"),		"200 200 403 403 403 403 401"),
		row("POST /api/v1/submissions/{id}/submit", "of 明珠社区", c -> multipart(c,
				"/api/v1/submissions/" + submission(westSection(), west, mingzhu)[1] + "/submit"),	"200 404 403 403 403 403 401"),
		// Only the plan's org reviews: 和平社区 reads its submission but does not score it.
		row("POST /api/v1/submissions/{id}/review", "of 和平社区, sent by 东城区", c -> post(c,
				"/api/v1/submissions/" + submittedSubmission(eastSection(), east, heping) + "/review", ACCEPT_90),
																									"200 403 403 403 403 403 401"),
		row("POST /api/v1/submissions/{id}/review", "of 明珠社区, sent by 西湖区", c -> post(c,
				"/api/v1/submissions/" + submittedSubmission(westSection(), west, mingzhu) + "/review", ACCEPT_90),
																									"200 404 403 403 403 403 401"),

		// Service orders: placed by the demo resident at 和平社区 or 明珠社区; the team of 和平社区 is led by the
		// demo volunteer, who is also a registered volunteer and claims wishes.
		row("GET /api/v1/service-categories", "", c -> get(c, "/api/v1/service-categories"),		"200 200 200 200 200 200 401"),
		row("POST /api/v1/service-orders", "for oneself at 和平社区", c -> post(c, "/api/v1/service-orders",
				newServiceOrder(heping)),																"201 201 201 201 201 201 401"),
		row("GET /api/v1/service-orders/mine", "", c -> get(c, "/api/v1/service-orders/mine"),		"200 200 200 200 200 200 401"),
		row("GET /api/v1/service-orders", "", c -> get(c, "/api/v1/service-orders"),				"200 200 403 200 403 403 401"),
		row("GET /api/v1/service-orders/{id}", "the resident's, at 和平社区", c -> get(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "PENDING_REVIEW", null)),		"200 200 404 200 404 200 401"),
		row("GET /api/v1/service-orders/{id}", "the resident's, at 明珠社区", c -> get(c,
				"/api/v1/service-orders/" + freshServiceOrder(mingzhu, "PENDING_REVIEW", null)),		"200 404 404 404 404 200 401"),
		// The contact data in full: for those who handle the order; its resident sees it but gets 403.
		row("GET /api/v1/service-orders/{id}/contact", "the resident's, at 和平社区", c -> get(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "PENDING_REVIEW", null) + "/contact"),	"200 200 404 200 404 403 401"),
		row("GET /api/v1/service-orders/{id}/contact", "the resident's, at 明珠社区", c -> get(c,
				"/api/v1/service-orders/" + freshServiceOrder(mingzhu, "PENDING_REVIEW", null) + "/contact"),	"200 404 404 404 404 403 401"),
		row("POST /api/v1/service-orders/{id}/review", "at 和平社区", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "PENDING_REVIEW", null) + "/review", APPROVE),
																									"200 200 403 200 403 403 401"),
		row("POST /api/v1/service-orders/{id}/review", "at 明珠社区", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(mingzhu, "PENDING_REVIEW", null) + "/review", APPROVE),
																									"200 404 403 404 403 403 401"),
		row("POST /api/v1/service-orders/{id}/dispatch", "at 和平社区, to its team", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "PENDING_DISPATCH", null) + "/dispatch",
				"{\"teamId\": " + serviceTeam(heping) + "}"),												"200 200 403 200 403 403 401"),
		row("POST /api/v1/service-orders/{id}/dispatch", "at 明珠社区, to its team", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(mingzhu, "PENDING_DISPATCH", null) + "/dispatch",
				"{\"teamId\": " + serviceTeam(mingzhu) + "}"),											"200 404 403 404 403 403 401"),
		// Only the team's leader (the demo volunteer) takes the team's steps; the resident is refused.
		row("POST /api/v1/service-orders/{id}/accept", "dispatched to 和平社区's team", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "DISPATCHED", serviceTeam(heping)) + "/accept",
				null),																				"403 403 404 403 200 403 401"),
		row("POST /api/v1/service-orders/{id}/decline", "dispatched to 和平社区's team", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "DISPATCHED", serviceTeam(heping)) + "/decline",
				REASON),																			"403 403 404 403 200 403 401"),
		row("POST /api/v1/service-orders/{id}/start", "accepted by 和平社区's team", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "ACCEPTED", serviceTeam(heping)) + "/start",
				null),																				"403 403 404 403 200 403 401"),
		row("POST /api/v1/service-orders/{id}/finish", "served by 和平社区's team", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "IN_SERVICE", serviceTeam(heping)) + "/finish",
				"{\"text\": \"已完成服务\"}"),																"403 403 404 403 200 403 401"),
		row("POST /api/v1/service-orders/{id}/report", "finished by 和平社区's team", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "PENDING_RATING", serviceTeam(heping)) + "/report",
				"{\"text\": \"结项报告\"}"),																"403 403 404 403 200 403 401"),
		row("POST /api/v1/service-orders/{id}/rate", "the resident's, finished", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "PENDING_RATING", serviceTeam(heping)) + "/rate",
				"{\"rating\": 5, \"comment\": \"很好\"}"),														"403 403 404 403 403 200 401"),
		row("POST /api/v1/service-orders/{id}/cancel", "the resident's, pending review", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "PENDING_REVIEW", null) + "/cancel", null),
																									"403 403 404 403 404 200 401"),
		row("POST /api/v1/service-orders/{id}/chase", "the resident's, pending review", c -> post(c,
				"/api/v1/service-orders/" + freshServiceOrder(heping, "PENDING_REVIEW", null) + "/chase", null),
																									"403 403 404 403 404 200 401"),
		row("POST /api/v1/service-orders/{id}/claim", "an open wish at 和平社区", c -> post(c,
				"/api/v1/service-orders/" + freshWish(heping) + "/claim", null),						"403 403 404 403 200 404 401"),
		// The points store: nobody signed in holds a million points, so ordering the dear item is 422.
		row("GET /api/v1/store/items", "", c -> get(c, "/api/v1/store/items?orgId=" + heping),		"200 200 200 200 200 200 401"),
		row("GET /api/v1/people/me/points", "", c -> get(c, "/api/v1/people/me/points"),			"200 200 200 200 200 200 401"),
		row("POST /api/v1/store/items", "of 和平社区", c -> post(c, "/api/v1/store/items", newStoreItem(heping, 10, 5)),
																									"201 201 403 403 403 403 401"),
		row("POST /api/v1/store/items", "of 明珠社区", c -> post(c, "/api/v1/store/items", newStoreItem(mingzhu, 10, 5)),
																									"201 404 403 403 403 403 401"),
		row("PUT /api/v1/store/items/{id}", "of 和平社区", c -> put(c, "/api/v1/store/items/" + freshStoreItem(heping, 10, 5),
				newStoreItem(heping, 20, 3)),														"200 200 403 403 403 403 401"),
		row("PUT /api/v1/store/items/{id}", "of 明珠社区", c -> put(c, "/api/v1/store/items/" + freshStoreItem(mingzhu, 10, 5),
				newStoreItem(mingzhu, 20, 3)),														"200 404 403 403 403 403 401"),
		row("POST /api/v1/store/items/{id}/redemptions", "dearer than any balance", c -> post(c,
				"/api/v1/store/items/" + freshStoreItem(heping, 1_000_000, 5) + "/redemptions", null),	"422 422 422 422 422 422 401"),
		row("POST /api/v1/store/items/{id}/redemptions", "out of stock", c -> post(c,
				"/api/v1/store/items/" + freshStoreItem(heping, 10, 0) + "/redemptions", null),		"409 409 409 409 409 409 401"),
		row("POST /api/v1/store/redemptions/{id}/cancel", "unknown", c -> post(c,
				"/api/v1/store/redemptions/0/cancel", null),										"404 404 404 404 404 404 401"),
		row("POST /api/v1/store/redemptions/collect", "unknown code", c -> post(c, "/api/v1/store/redemptions/collect",
				Http.json(Map.of("code", "NOSUCH22"))),												"422 422 403 403 403 403 401"),
		row("POST /api/v1/points/bonus", "to a resident of 和平社区", c -> post(c, "/api/v1/points/bonus",
				Http.json(Map.of("personId", hepingResident, "points", 5, "reason", "参加志愿服务"))),	"201 201 403 403 403 403 401"),
		row("POST /api/v1/points/bonus", "to a resident of 明珠社区", c -> post(c, "/api/v1/points/bonus",
				Http.json(Map.of("personId", mingzhuResident, "points", 5, "reason", "参加志愿服务"))),	"201 404 403 403 403 403 401"),
		// Volunteers: admins with volunteer:write register, review and deregister within their scope.
		row("POST /api/v1/volunteers", "of 和平社区", c -> post(c, "/api/v1/volunteers",
				newVolunteer(freshPerson(heping), heping)),											"201 201 403 403 403 403 401"),
		row("POST /api/v1/volunteers", "of 明珠社区", c -> post(c, "/api/v1/volunteers",
				newVolunteer(freshPerson(mingzhu), mingzhu)),										"201 404 403 403 403 403 401"),
		// Everyone signed in registers themselves; an ID number with a wrong check digit is refused.
		row("POST /api/v1/volunteers/me", "bad ID number", c -> post(c, "/api/v1/volunteers/me",
				Http.json(Map.of("orgId", heping, "idNumber", "11010119900307123X"))),				"422 422 422 422 422 422 401"),
		row("GET /api/v1/volunteers/{id}/emergency-phone", "of 和平社区", c -> get(c,
				"/api/v1/volunteers/" + freshPendingVolunteer(heping) + "/emergency-phone"),		"200 200 403 403 403 403 401"),
		row("GET /api/v1/volunteers/{id}/emergency-phone", "of 明珠社区", c -> get(c,
				"/api/v1/volunteers/" + freshPendingVolunteer(mingzhu) + "/emergency-phone"),		"200 404 403 403 403 403 401"),
		row("POST /api/v1/volunteers/{id}/approve", "of 和平社区", c -> post(c,
				"/api/v1/volunteers/" + freshPendingVolunteer(heping) + "/approve", null),			"200 200 403 403 403 403 401"),
		row("POST /api/v1/volunteers/{id}/approve", "of 明珠社区", c -> post(c,
				"/api/v1/volunteers/" + freshPendingVolunteer(mingzhu) + "/approve", null),			"200 404 403 403 403 403 401"),
		row("POST /api/v1/volunteers/{id}/reject", "of 和平社区", c -> post(c,
				"/api/v1/volunteers/" + freshPendingVolunteer(heping) + "/reject", REASON),			"200 200 403 403 403 403 401"),
		row("POST /api/v1/volunteers/{id}/reject", "of 明珠社区", c -> post(c,
				"/api/v1/volunteers/" + freshPendingVolunteer(mingzhu) + "/reject", REASON),			"200 404 403 403 403 403 401"),
		row("POST /api/v1/volunteers/{id}/deregister", "of 和平社区", c -> post(c,
				"/api/v1/volunteers/" + freshPendingVolunteer(heping) + "/deregister", REASON),		"200 200 403 403 403 403 401"),
		row("POST /api/v1/volunteers/{id}/deregister", "of 明珠社区", c -> post(c,
				"/api/v1/volunteers/" + freshPendingVolunteer(mingzhu) + "/deregister", REASON),		"200 404 403 403 403 403 401"),
		row("GET /api/v1/volunteers", "", c -> get(c, "/api/v1/volunteers"),						"200 200 200 200 403 403 401"),
		row("GET /api/v1/volunteers", "of 明珠社区", c -> get(c, "/api/v1/volunteers?orgId=" + mingzhu),
																									"200 404 404 404 403 403 401"),
		row("GET /api/v1/people/me/volunteer", "", c -> get(c, "/api/v1/people/me/volunteer"),		"200 200 200 200 200 200 401"),
		row("POST /api/v1/teams", "of 和平社区", c -> post(c, "/api/v1/teams", newTeam(heping)),	"201 201 403 403 403 403 401"),
		row("POST /api/v1/teams", "of 明珠社区", c -> post(c, "/api/v1/teams", newTeam(mingzhu)),	"201 404 403 403 403 403 401"),
		row("POST /api/v1/teams/{id}/applications", "of 和平社区", c -> post(c,
				"/api/v1/teams/" + freshTeam(heping, freshPerson(heping)) + "/applications", null),	"201 201 201 201 201 201 401"),
		// The team's leader or an admin over it decides; who may read the team but not decide gets 403.
		row("POST /api/v1/teams/{id}/applications/{applicationId}/approve", "of 和平社区", c -> post(c,
				freshApplication(freshTeam(heping, freshPerson(heping))) + "/approve", null),		"200 200 403 403 404 404 401"),
		row("POST /api/v1/teams/{id}/applications/{applicationId}/approve", "led by leader", c -> post(c,
				freshApplication(freshTeam(heping, demoPerson("leader"))) + "/approve", null),		"200 200 403 200 404 404 401"),
		row("POST /api/v1/teams/{id}/applications/{applicationId}/approve", "of 明珠社区", c -> post(c,
				freshApplication(freshTeam(mingzhu, freshPerson(mingzhu))) + "/approve", null),		"200 404 404 404 404 404 401"),
		// Verification is public: anyone holding a certificate's code checks it.
		row("GET /api/v1/certificates/{code}", "genuine", c -> get(c, "/api/v1/certificates/" + certificateCode()),
																									"200 200 200 200 200 200 200"),
		row("GET /api/v1/certificates/{code}", "unknown", c -> get(c, "/api/v1/certificates/NOSUCHCODE00"),
																									"404 404 404 404 404 404 404"),
		// Certificates are issued by a POST (201 with the PDF) and read with a GET, which issues nothing.
		row("POST /api/v1/volunteers/{id}/certificate", "of 和平社区", c -> post(c,
				"/api/v1/volunteers/" + freshActiveVolunteer(heping, false) + "/certificate", null),		"201 201 403 403 403 403 401"),
		row("POST /api/v1/volunteers/{id}/certificate", "of 明珠社区", c -> post(c,
				"/api/v1/volunteers/" + freshActiveVolunteer(mingzhu, false) + "/certificate", null),		"201 404 403 403 403 403 401"),
		row("GET /api/v1/volunteers/{id}/certificate.pdf", "of 和平社区", c -> get(c,
				"/api/v1/volunteers/" + freshActiveVolunteer(heping, true) + "/certificate.pdf"),		"200 200 403 403 403 403 401"),
		row("GET /api/v1/volunteers/{id}/certificate.pdf", "of 明珠社区", c -> get(c,
				"/api/v1/volunteers/" + freshActiveVolunteer(mingzhu, true) + "/certificate.pdf"),		"200 404 403 403 403 403 401"),
		row("GET /api/v1/volunteers/{id}/certificate.pdf", "none issued", c -> get(c,
				"/api/v1/volunteers/" + freshActiveVolunteer(heping, false) + "/certificate.pdf"),		"404 404 403 403 403 403 401"),
		// Only registered volunteers (of the demo accounts: volunteer) get one of their own.
		row("POST /api/v1/people/me/volunteer/certificate", "", c -> post(c,
				"/api/v1/people/me/volunteer/certificate", null),										"422 422 422 422 201 422 401"),
		row("GET /api/v1/people/me/volunteer/certificate.pdf", "after issuing", c -> get(c,
				"/api/v1/people/me/volunteer/certificate.pdf"),											"404 404 404 404 200 404 401"),
		// Check-in and hours: activities of 和平社区 and 明珠社区 running now, written straight into their table.
		row("GET /api/v1/activities/{id}/checkin-token", "of 和平社区", c -> get(c,
				"/api/v1/activities/" + runningActivity(heping) + "/checkin-token"),					"200 200 403 200 403 403 401"),
		row("GET /api/v1/activities/{id}/checkin-token", "of 明珠社区", c -> get(c,
				"/api/v1/activities/" + runningActivity(mingzhu) + "/checkin-token"),					"200 404 403 404 403 403 401"),
		row("POST /api/v1/activities/{id}/check-in", "open to anyone", c -> checkIn(c, runningActivity(heping)),
																									"200 200 200 200 200 200 401"),
		row("POST /api/v1/activities/{id}/check-out", "after checking in", c -> checkOut(c, runningActivity(heping)),
																									"200 200 200 200 200 200 401"),
		row("GET /api/v1/people/me/hours", "", c -> get(c, "/api/v1/people/me/hours"),				"200 200 200 200 200 200 401"),
		row("GET /api/v1/activities/{id}/attendance", "of 和平社区", c -> get(c,
				"/api/v1/activities/" + runningActivity(heping) + "/attendance"),						"200 200 200 200 403 403 401"),
		row("GET /api/v1/activities/{id}/attendance", "of 明珠社区", c -> get(c,
				"/api/v1/activities/" + runningActivity(mingzhu) + "/attendance"),					"200 404 404 404 403 403 401"),
		row("POST /api/v1/activities/{id}/attendance", "of 和平社区", c -> post(c,
				"/api/v1/activities/" + runningActivity(heping) + "/attendance", groupEntry(hepingResident)),
																									"200 200 403 200 403 403 401"),
		row("POST /api/v1/activities/{id}/attendance", "of 明珠社区", c -> post(c,
				"/api/v1/activities/" + runningActivity(mingzhu) + "/attendance", groupEntry(mingzhuResident)),
																									"200 404 403 404 403 403 401"),
		row("POST /api/v1/activities/{id}/attendance/confirm", "of 和平社区", c -> post(c,
				"/api/v1/activities/" + attendedActivity(heping) + "/attendance/confirm", null),		"200 200 403 200 403 403 401"),
		row("POST /api/v1/activities/{id}/attendance/confirm", "of 明珠社区", c -> post(c,
				"/api/v1/activities/" + attendedActivity(mingzhu) + "/attendance/confirm", null),	"200 404 403 404 403 403 401"),
		row("POST /api/v1/hours/corrections", "of 和平社区", c -> post(c, "/api/v1/hours/corrections",
				correction(heping)),																"201 201 403 201 403 403 401"),
		row("POST /api/v1/hours/corrections", "of 明珠社区", c -> post(c, "/api/v1/hours/corrections",
				correction(mingzhu)),																"201 404 403 404 403 403 401"),
		row("GET /api/v1/hours/anomalies", "", c -> get(c, "/api/v1/hours/anomalies"),				"200 200 403 200 403 403 401"),
		row("GET /api/v1/hours/leaderboard", "of 和平社区",
				c -> get(c, "/api/v1/hours/leaderboard?by=PERSON&orgId=" + heping),					"200 200 200 200 403 403 401"),
		row("GET /api/v1/hours/leaderboard", "of 明珠社区",
				c -> get(c, "/api/v1/hours/leaderboard?by=ORG&orgId=" + mingzhu),					"200 404 404 404 403 403 401"));
	}

	private static String newStoreItem(long orgId, int points, int stock) {
		return Http.json(Map.of("orgId", orgId, "name", DemoCity.unique("爱心商品"), "points", points, "stock", stock));
	}

	private long freshStoreItem(long orgId, int points, int stock) {
		return created(http.post("/api/v1/store/items", tokens.get("admin"), newStoreItem(orgId, points, stock))).get("id")
			.asLong();
	}

	// --- volunteers and teams, made with plain SQL or by the admin -------------------------------

	private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
		return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
	}

	private static String newVolunteer(long personId, long orgId) {
		return Http.json(Map.of("personId", personId, "orgId", orgId, "skills", "陪护", "emergencyPhone", DemoCity.newPhone()));
	}

	private String newTeam(long orgId) {
		return Http.json(Map.of("orgId", orgId, "name", DemoCity.unique("服务队"), "leaderPersonId", freshPerson(orgId)));
	}

	private long freshPendingVolunteer(long orgId) {
		return jdbc().sql("insert into volunteer (person_id, org_id, source) values (?, ?, 'SELF') returning id")
			.params(freshPerson(orgId), orgId).query(Long.class).single();
	}

	private long freshTeam(long orgId, long leaderPersonId) {
		return jdbc().sql("insert into volunteer_team (name, org_id, leader_person_id) values (?, ?, ?) returning id")
			.params(DemoCity.unique("服务队"), orgId, leaderPersonId).query(Long.class).single();
	}

	/** The URL of a pending application of a new person to the team. */
	private String freshApplication(long teamId) {
		long personId = jdbc().sql("select leader_person_id from volunteer_team where id = ?").param(teamId)
			.query(Long.class).single();
		long applicant = freshPerson(jdbc().sql("select org_id from volunteer_team where id = ?").param(teamId)
			.query(Long.class).single());
		long application = jdbc().sql("insert into team_member (team_id, person_id) values (?, ?) returning id")
			.params(teamId, applicant == personId ? freshPerson(heping) : applicant).query(Long.class).single();
		return "/api/v1/teams/" + teamId + "/applications/" + application;
	}

	private long demoPerson(String username) {
		return jdbc().sql("select person_id from account where username = ?").param(username).query(Long.class).single();
	}

	/** A registered volunteer of the org, with a certificate issued or not. */
	private long freshActiveVolunteer(long orgId, boolean withCertificate) {
		long person = freshPerson(orgId);
		long id = jdbc().sql("""
				insert into volunteer (person_id, org_id, source, status, volunteer_no) values (?, ?, 'UNIT', 'ACTIVE', ?)
				returning id""").params(person, orgId, DemoCity.unique("ZYT")).query(Long.class).single();
		if (withCertificate) {
			context.getBean(org.wenming.volunteer.Certificates.class).issueForSelf(person, "http://localhost/certificates/");
		}
		return id;
	}

	private String certificateCode;

	/** The code of a certificate issued to a registered volunteer of 和平社区. */
	private String certificateCode() {
		if (certificateCode == null) {
			long person = freshPerson(heping);
			jdbc().sql("insert into volunteer (person_id, org_id, source, status, volunteer_no) values (?, ?, 'UNIT', 'ACTIVE', ?)")
				.params(person, heping, DemoCity.unique("ZYT")).update();
			certificateCode = context.getBean(org.wenming.volunteer.Certificates.class)
				.issueForSelf(person, "http://localhost/certificates/").code();
		}
		return certificateCode;
	}

	@TestFactory
	Stream<DynamicTest> everyCallerGetsTheExpectedAnswerFromEveryEndpoint() {
		return matrix().stream().flatMap(row -> IntStream.range(0, CALLERS.length).mapToObj(i -> {
			Caller caller = new Caller(CALLERS[i], tokens.get(CALLERS[i]));
			int expected = row.expected()[i];
			return dynamicTest(row.endpoint() + (row.target().isEmpty() ? "" : " " + row.target()) + " as "
					+ caller.name() + " → " + expected, () -> {
						Response response = row.call().apply(caller);
						assertThat(response.status()).as(response.toString()).isEqualTo(expected);
						if (expected >= 400) {
							assertThat(response.contentType()).as(response.toString())
								.startsWith("application/problem+json");
							assertThat(response.json().get("status").asInt()).isEqualTo(expected);
							assertThat(response.json().get("detail").asString()).as(response.toString())
								.matches(".*\\p{IsHan}.*");
						}
						if (expected == 401) {
							assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
						}
					});
		}));
	}

	@Test
	void everyEndpointHasARule() {
		Set<String> declared = new TreeSet<>();
		mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
			.filter(pattern -> pattern.startsWith("/api/"))
			.forEach(pattern -> {
				Set<String> methods = info.getMethodsCondition().getMethods().stream().map(Enum::name)
					.collect(Collectors.toSet());
				if (methods.isEmpty()) {
					declared.add("* " + pattern);
				}
				methods.forEach(method -> declared.add(method + " " + pattern));
			}));
		Set<String> inMatrix = matrix().stream().map(Row::endpoint).collect(Collectors.toCollection(TreeSet::new));

		assertThat(declared).as("API endpoints found").isNotEmpty().contains("GET /api/v1/people/{id}");
		assertThat(inMatrix).as("endpoints without a row in the authorization matrix").containsAll(declared);
		assertThat(declared).as("matrix rows naming no endpoint").containsAll(inMatrix);
	}

	@Test
	void unknownOrExpiredBearerTokenIsRefusedWith401() {
		Response response = http.get("/api/v1/me", "not-a-token");

		assertThat(response.status()).as(response.toString()).isEqualTo(401);
		assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
		assertThat(response.json().get("detail").asString()).isEqualTo("请先登录，或提供有效的访问令牌。");
	}

	@Test
	void undeclaredApiPathIsDeniedEvenToTheAdmin() {
		Response response = http.get("/api/v1/no-such-thing", tokens.get("admin"));

		assertThat(response.status()).as(response.toString()).isEqualTo(403);
		assertThat(http.get("/api/v1/no-such-thing", null).status()).isEqualTo(401);
	}

	@Test
	void pageWithoutThePermissionIsForbiddenToASignedInResident() {
		Http browser = Http.browser(port);
		assertThat(browser.login("resident", DemoCity.PASSWORD).status()).isEqualTo(302);

		Response people = browser.get("/people", null);
		Response audit = browser.get("/audit", null);
		Response workbench = browser.get("/", null);

		assertThat(people.status()).as(people.toString()).isEqualTo(403);
		assertThat(audit.status()).as(audit.toString()).isEqualTo(403);
		assertThat(workbench.status()).as(workbench.toString()).isEqualTo(200);
		assertThat(people.body()).contains("您没有权限执行此操作。").doesNotContain("Exception");
	}

	@Test
	void pageSendsAnAnonymousVisitorToTheLoginPage() {
		Response response = Http.browser(port).get("/people", null);

		assertThat(response.status()).as(response.toString()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	// --- requests -------------------------------------------------------------------------------

	private Response get(Caller caller, String path) {
		return http.get(path, caller.token());
	}

	private Response post(Caller caller, String path, String json) {
		return http.post(path, caller.token(), json);
	}

	private Response put(Caller caller, String path, String json) {
		return http.put(path, caller.token(), json);
	}

	private Response delete(Caller caller, String path) {
		return http.delete(path, caller.token());
	}

	private Response upload(Caller caller, String path, String csv) {
		String boundary = "matrix" + System.nanoTime();
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"rows.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
		return http.send("POST", path, caller.token(), "multipart/form-data; boundary=" + boundary, body);
	}

	private static String peopleCsv(String community) {
		return "姓名,身份证号,手机号,居住社区\n" + DemoCity.unique("导入") + "," + DemoCity.newIdNumber() + ","
				+ DemoCity.newPhone() + "," + community + "\n";
	}

	private static String orgsCsv(long parentId) {
		return "名称,类型,上级组织\n" + DemoCity.unique("导入科室") + ",科室," + parentId + "\n";
	}

	// --- fresh targets, made by the admin -------------------------------------------------------

	private static String newOrg(long parentId) {
		return Http.json(Map.of("parentId", parentId, "name", DemoCity.unique("测试科室"), "type", "DEPARTMENT"));
	}

	private static String newPerson(long homeOrgId) {
		return Http.json(Map.of("name", DemoCity.unique("测试"), "idNumber", DemoCity.newIdNumber(), "phone",
				DemoCity.newPhone(), "address", "示范市测试路1号", "homeOrgId", homeOrgId));
	}

	private static String newCareRecipient(long personId, long orgId) {
		return Http.json(Map.of("personId", personId, "type", "EMPTY_NEST_ELDER", "needs", "上门探望",
				"responsibleOrgId", orgId));
	}

	private static String newAccount(long personId, long orgId) {
		return Http.json(Map.of("personId", personId, "username", DemoCity.unique("t_"), "password", "Test@2026x",
				"roles", List.of(Map.of("role", "RESIDENT", "orgId", orgId))));
	}

	private static String role(String role, long orgId) {
		return Http.json(Map.of("role", role, "orgId", orgId));
	}

	static final String PLAN_TEXT = """
			社区精神文明建设工作计划
			一、指导思想
			坚持以社会主义核心价值观为引领。
			二、重点工作
			1.开展道德讲堂。全年开展道德讲堂不少于4次。
			2.关爱空巢老人。
			""";

	private final Map<Long, tools.jackson.databind.JsonNode> plans = new LinkedHashMap<>();

	private final Set<Long> boundTargets = new java.util.HashSet<>();

	private static String newPlan(long orgId) {
		return Http.json(Map.of("orgId", orgId, "year", 2026, "title", DemoCity.unique("工作计划")));
	}

	private static String importPlan(long orgId) {
		return Http.json(Map.of("orgId", orgId, "year", 2026, "text", PLAN_TEXT));
	}

	private static String newTarget() {
		return Http.json(Map.of("text", "全年开展道德讲堂不少于4次", "metric", "manual", "comparator", "GE", "threshold", 4,
				"unit", "次", "period", "YEAR"));
	}

	private static String manualValue() {
		return Http.json(Map.of("value", 2, "evidence", "道德讲堂签到表"));
	}

	/** A new plan of the org imported from {@link #PLAN_TEXT}, published if asked: the view's JSON. */
	private tools.jackson.databind.JsonNode freshPlanView(long orgId, boolean published) {
		var view = created(http.post("/api/v1/plans/import", tokens.get("admin"), importPlan(orgId))).get("plan");
		if (published) {
			Response publish = http.post("/api/v1/plans/" + view.get("plan").get("id").asLong() + "/publish",
					tokens.get("admin"), null);
			assertThat(publish.status()).as(publish.toString()).isEqualTo(200);
		}
		return view;
	}

	private long freshPlan(long orgId, boolean published) {
		return freshPlanView(orgId, published).get("plan").get("id").asLong();
	}

	/** One published plan of the org for the rows that read or change it in place. */
	private long plan(long orgId) {
		return plans.computeIfAbsent(orgId, id -> freshPlanView(id, true)).get("plan").get("id").asLong();
	}

	/** The URL of the first section of {@link #plan}. */
	private String section(long orgId) {
		plan(orgId);
		var view = plans.get(orgId);
		return "/api/v1/plans/" + view.get("plan").get("id").asLong() + "/sections/"
				+ view.get("sections").get(0).get("id").asLong();
	}

	/** The URL of a new section of a new plan of the org. */
	private String freshSection(long orgId) {
		var view = freshPlanView(orgId, false);
		return "/api/v1/plans/" + view.get("plan").get("id").asLong() + "/sections/"
				+ view.get("sections").get(1).get("children").get(1).get("id").asLong();
	}

	/** The URL of the manual target of {@link #plan} (its section 1. names one), bound to {@code manual}. */
	private String target(long orgId) {
		long planId = plan(orgId);
		var view = plans.get(orgId);
		String url = "/api/v1/plans/" + planId + "/targets/" + view.get("targets").get(0).get("id").asLong();
		if (boundTargets.add(orgId)) {
			Response bound = http.put(url, tokens.get("admin"), newTarget());
			assertThat(bound.status()).as(bound.toString()).isEqualTo(200);
		}
		return url;
	}

	/** The URL of a new target of {@link #plan}. */
	private String freshTarget(long orgId) {
		long planId = plan(orgId);
		return "/api/v1/plans/" + planId + "/targets/"
				+ created(http.post("/api/v1/plans/" + planId + "/targets", tokens.get("admin"), newTarget())).get("id")
					.asLong();
	}

	// --- activities (fresh ones in their own time slots, so that sign-ups never overlap) --------

	private final java.util.concurrent.atomic.AtomicInteger activitySlots = new java.util.concurrent.atomic.AtomicInteger();

	private final Map<String, Long> activities = new java.util.concurrent.ConcurrentHashMap<>();

	private String newActivity(long orgId, int startHours) {
		java.time.OffsetDateTime start = java.time.OffsetDateTime.now(java.time.ZoneOffset.ofHours(8))
			.truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
			.plusHours(startHours < 0 ? startHours : startHours + 24L * 400 + 3L * activitySlots.incrementAndGet());
		return Http.json(Map.of("title", DemoCity.unique("矩阵活动"), "type", "VOLUNTEER_SERVICE", "organizerOrgId", orgId,
				"place", "社区广场", "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "capacity", 50));
	}

	private long freshActivity(long orgId, boolean published, int startHours) {
		long id = created(http.post("/api/v1/activities", tokens.get("admin"), newActivity(orgId, startHours))).get("id")
			.asLong();
		if (published) {
			Response response = http.post("/api/v1/activities/" + id + "/publish", tokens.get("admin"), null);
			assertThat(response.status()).as(response.toString()).isEqualTo(200);
		}
		return id;
	}

	private long activity(long orgId, boolean published) {
		return activities.computeIfAbsent(orgId + "/" + published, key -> freshActivity(orgId, published, 24));
	}

	/** A published activity that began an hour ago and is under way. */
	private long startedActivity(long orgId) {
		long id = freshActivity(orgId, true, -1);
		context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("update activity set status = 'ONGOING' where id = ?").param(id).update();
		return id;
	}

	/** A started activity of the org with one photo: their ids. */
	private long[] activityPhoto(long orgId) {
		long id = activities.computeIfAbsent(orgId + "/photo", key -> startedActivity(orgId));
		long photo = activities.computeIfAbsent(orgId + "/photo/" + id, key -> created(uploadPhoto(
				new Caller("admin", tokens.get("admin")), "/api/v1/activities/" + id + "/photos")).get("id").asLong());
		return new long[] { id, photo };
	}

	private Response uploadPhoto(Caller caller, String path) {
		String boundary = "matrix" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.png\"\r\n"
				+ "Content-Type: image/png\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0 };
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		byte[] body = new byte[head.length + png.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(png, 0, body, head.length, png.length);
		System.arraycopy(tail, 0, body, head.length + png.length, tail.length);
		return http.send("POST", path, caller.token(), "multipart/form-data; boundary=" + boundary,
				java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
	}

	private long freshOrg(long parentId) {
		return created(http.post("/api/v1/orgs", tokens.get("admin"), newOrg(parentId))).get("id").asLong();
	}

	private long freshPerson(long homeOrgId) {
		return created(http.post("/api/v1/people", tokens.get("admin"), newPerson(homeOrgId))).get("id").asLong();
	}

	private long freshCareRecipient(long orgId) {
		return created(http.post("/api/v1/care-recipients", tokens.get("admin"),
				newCareRecipient(freshPerson(orgId), orgId))).asLong();
	}

	/** A new account with one role: its id and the id of the role assignment. */
	private long[] freshAccount(long orgId) {
		var account = created(http.post("/api/v1/accounts", tokens.get("admin"), newAccount(freshPerson(orgId), orgId)));
		return new long[] { account.get("id").asLong(), account.get("roles").get(0).get("id").asLong() };
	}

	private long mingzhuAccount() {
		if (mingzhuAccount == null) {
			mingzhuAccount = freshAccount(mingzhu)[0];
		}
		return mingzhuAccount;
	}

	// --- plans and tasks, made by the admin (plans with plain SQL until the plan API makes them) --

	private static final String REASON = Http.json(Map.of("reason", "测试原因"));

	private static final String ACCEPT_90 = Http.json(Map.of("decision", "ACCEPT", "score", 90));

	private static final byte[] JPEG = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F' };

	private final Map<Long, Long> sections = new java.util.HashMap<>();

	private long hepingSection() {
		return sectionOf(heping);
	}

	private long eastSection() {
		return sectionOf(east);
	}

	private long westSection() {
		return sectionOf(west);
	}

	/** One published plan of the org for this year with one section, made on first use. */
	private long sectionOf(long orgId) {
		return sections.computeIfAbsent(orgId, id -> {
			var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
			int year = java.time.LocalDate.now(context.getBean(java.time.Clock.class)).getYear();
			long plan = jdbc.sql("""
					insert into plan (org_id, year, title, status, created_by) values (?, ?, ?, 'PUBLISHED', 'admin')
					returning id""").params(id, year, DemoCity.unique("授权测试计划")).query(Long.class).single();
			return jdbc.sql("""
					insert into plan_section (plan_id, position, number, title, level) values (?, 1, '一、', '重点工作', 1)
					returning id""").param(plan).query(Long.class).single();
		});
	}

	private static String newTask(long sectionId, long ownerOrgId) {
		return Http.json(Map.of("sectionId", sectionId, "title", DemoCity.unique("测试任务"), "ownerOrgId", ownerOrgId,
				"deadline", java.time.LocalDate.now().plusMonths(6).toString()));
	}

	private static String orgIds(long... ids) {
		return Http.json(Map.of("orgIds", Arrays.stream(ids).boxed().toList()));
	}

	private long freshTask(long sectionId, long ownerOrgId) {
		return created(http.post("/api/v1/tasks", tokens.get("admin"), newTask(sectionId, ownerOrgId))).get("id").asLong();
	}

	private long startedTask(long sectionId, long ownerOrgId) {
		long id = freshTask(sectionId, ownerOrgId);
		ok(http.post("/api/v1/tasks/" + id + "/start", tokens.get("admin"), null));
		return id;
	}

	/** A task reported with a photo: its id and the photo's evidence id. */
	private long[] reportedTask(long sectionId, long ownerOrgId) {
		long id = startedTask(sectionId, ownerOrgId);
		ok(multipart(new Caller("admin", tokens.get("admin")), "/api/v1/tasks/" + id + "/reports"));
		var task = ok(http.get("/api/v1/tasks/" + id, tokens.get("admin")));
		return new long[] { id, task.get("reports").get(0).get("evidence").get(0).get("id").asLong() };
	}

	private String taskEvidence(long sectionId, long ownerOrgId) {
		long[] task = reportedTask(sectionId, ownerOrgId);
		return "/api/v1/tasks/" + task[0] + "/evidence/" + task[1];
	}

	/** A task of the plan's org distributed to one org: the task's id and the org's submission id. */
	private long[] submission(long sectionId, long planOrgId, long toOrgId) {
		long task = freshTask(sectionId, planOrgId);
		var board = ok(http.post("/api/v1/tasks/" + task + "/distribute", tokens.get("admin"), orgIds(toOrgId)));
		return new long[] { task, board.get("rows").get(0).get("submissionId").asLong() };
	}

	private long submittedSubmission(long sectionId, long planOrgId, long toOrgId) {
		long id = submission(sectionId, planOrgId, toOrgId)[1];
		ok(multipart(new Caller("admin", tokens.get("admin")), "/api/v1/submissions/" + id + "/submit"));
		return id;
	}

	private String submissionEvidence(long sectionId, long planOrgId, long toOrgId) {
		long id = submittedSubmission(sectionId, planOrgId, toOrgId);
		var submission = ok(http.get("/api/v1/submissions/" + id, tokens.get("admin")));
		return "/api/v1/submissions/" + id + "/evidence/" + submission.get("evidence").get(0).get("id").asLong();
	}

	/** A report or submission as a browser form sends it: a text and a photo. */
	private Response multipart(Caller caller, String path) {
		String boundary = "----wenming" + System.nanoTime();
		var body = new java.io.ByteArrayOutputStream();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n已完成\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"files\"; filename=\"照片.jpg\"\r\n"
				+ "Content-Type: image/jpeg\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		body.writeBytes(head);
		body.writeBytes(JPEG);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return http.send("POST", path, caller.token(), "multipart/form-data; boundary=" + boundary,
				java.net.http.HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
	}

	private static tools.jackson.databind.JsonNode ok(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	private long demoAccount(String username) {
		return DemoCity.ensure(context).account(username);
	}

	private static tools.jackson.databind.JsonNode created(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
	}

	// --- service orders -------------------------------------------------------------------------

	private static final String APPROVE = "{\"approve\": true}";

	private final Map<Long, Long> serviceTeams = new java.util.concurrent.ConcurrentHashMap<>();

	private String newServiceOrder(long siteOrgId) {
		java.time.OffsetDateTime from = java.time.OffsetDateTime.now().plusDays(3).withNano(0);
		return Http.json(Map.of("categoryId", serviceCategory(), "siteOrgId", siteOrgId, "desiredFrom", from.toString(),
				"desiredTo", from.plusHours(2).toString(), "description", "请帮忙修理电视机", "phone", "13912345678"));
	}

	private long serviceCategory() {
		return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select id from service_category where name = '家电维修'").query(Long.class).single();
	}

	/** A team of the org, led by the demo volunteer, who is made a registered volunteer too. */
	private long serviceTeam(long orgId) {
		var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		long volunteer = personOfAccount("volunteer");
		jdbc.sql("""
				insert into volunteer (person_id, org_id, status, source) select ?, ?, 'ACTIVE', 'UNIT'
				where not exists (select 1 from volunteer where person_id = ? and status in ('PENDING', 'ACTIVE'))""")
			.params(volunteer, orgId, volunteer)
			.update();
		return serviceTeams.computeIfAbsent(orgId, id -> jdbc.sql("""
				insert into volunteer_team (name, org_id, leader_person_id) values (?, ?, ?) returning id""")
			.params(DemoCity.unique("授权测试服务队"), id, volunteer)
			.query(Long.class)
			.single());
	}

	private long personOfAccount(String username) {
		return context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
			.sql("select person_id from account where username = ?").param(username).query(Long.class).single();
	}

	/** An order of the demo resident at the site, stored in the given state (dispatched to the team, if any). */
	private long freshServiceOrder(long siteOrgId, String status, Long teamId) {
		serviceTeam(siteOrgId);
		var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		java.time.OffsetDateTime from = java.time.OffsetDateTime.now().plusDays(3).withNano(0);
		return jdbc.sql("""
				insert into service_order (category_id, site_org_id, handler_org_id, dispatcher_org_id, team_id, person_id,
				  ordered_by, description, desired_from, desired_to, status, created_at, reviewed_at, dispatched_at, finished_at)
				values (?, ?, ?, ?, ?, ?, 'resident', '授权测试订单', ?, ?, ?, now(), now(), now(), now()) returning id""")
			.params(serviceCategory(), siteOrgId, siteOrgId, siteOrgId, teamId, personOfAccount("resident"), from,
					from.plusHours(2), status)
			.query(Long.class)
			.single();
	}

	/** An open wish at the org, for a care recipient of its own. */
	private long freshWish(long orgId) {
		serviceTeam(orgId);
		var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
		java.time.OffsetDateTime from = java.time.OffsetDateTime.now().plusDays(3).withNano(0);
		return jdbc.sql("""
				insert into service_order (category_id, site_org_id, handler_org_id, person_id, ordered_by, wish, description,
				  desired_from, desired_to, status, created_at, reviewed_at)
				values (?, ?, ?, ?, 'admin', true, '授权测试微心愿', ?, ?, 'PENDING_DISPATCH', now(), now()) returning id""")
			.params(serviceCategory(), orgId, orgId, freshPerson(orgId), from, from.plusHours(2))
			.query(Long.class)
			.single();
	}

	// --- check-in and hours ---------------------------------------------------------------------

	/** An activity of the org open to anyone, running from an hour ago to an hour from now. */
	private long runningActivity(long orgId) {
		return activityAt(orgId, java.time.OffsetDateTime.now().minusHours(1), java.time.OffsetDateTime.now().plusHours(1));
	}

	private long activityAt(long orgId, java.time.OffsetDateTime start, java.time.OffsetDateTime end) {
		byte[] secret = new byte[32];
		new java.security.SecureRandom().nextBytes(secret);
		return jdbc().sql("""
				insert into activity (title, type, organizer_org_id, place, starts_at, ends_at, capacity, audience, status,
				  checkin_secret, created_by)
				values ('矩阵活动', 'VOLUNTEER_SERVICE', ?, '广场', ?, ?, 100, 'ANYONE', 'ONGOING', ?, 'admin') returning id""")
			.params(orgId, start, end, secret)
			.query(Long.class)
			.single();
	}

	private String checkinToken(long activityId) {
		return ok(http.get("/api/v1/activities/" + activityId + "/checkin-token", tokens.get("admin"))).get("token")
			.asString();
	}

	private Response checkIn(Caller caller, long activityId) {
		return post(caller, "/api/v1/activities/" + activityId + "/check-in",
				Http.json(Map.of("token", caller.anonymous() ? "1.2.3.4" : checkinToken(activityId))));
	}

	private Response checkOut(Caller caller, long activityId) {
		if (caller.anonymous()) {
			return post(caller, "/api/v1/activities/" + activityId + "/check-out", Http.json(Map.of("token", "1.2.3.4")));
		}
		String token = checkinToken(activityId);
		ok(post(caller, "/api/v1/activities/" + activityId + "/check-in", Http.json(Map.of("token", token))));
		return post(caller, "/api/v1/activities/" + activityId + "/check-out", Http.json(Map.of("token", token)));
	}

	private static String groupEntry(long personId) {
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
		return Http.json(Map.of("entries", List.of(Map.of("personId", personId, "checkedInAt",
				now.minusMinutes(50).toString(), "checkedOutAt", now.minusMinutes(5).toString()))));
	}

	/** A finished activity of the org a day ago, attended by a new person of the org and checked out. */
	private long attendedActivity(long orgId) {
		java.time.OffsetDateTime start = java.time.OffsetDateTime.now().minusDays(1);
		long activity = activityAt(orgId, start, start.plusHours(2));
		jdbc().sql("""
				insert into attendance (activity_id, person_id, checked_in_at, checked_out_at, method, recorded_by)
				values (?, ?, ?, ?, 'GROUP', 'admin')""")
			.params(activity, freshPerson(orgId), start, start.plusHours(2))
			.update();
		return activity;
	}

	/** A correction of a credit of a new person of the org. */
	private String correction(long orgId) {
		long entry = jdbc().sql("""
				insert into hours_entry (person_id, org_id, kind, hours, service_date, recorded_by, approved_by,
				  approver_person_id) values (?, ?, 'CREDIT', 2, current_date - 3, 'admin', 'admin', ?) returning id""")
			.params(freshPerson(orgId), orgId, orgId == heping ? mingzhuResident : hepingResident)
			.query(Long.class)
			.single();
		return Http.json(Map.of("entryId", entry, "hours", -0.5, "reason", "核对后更正"));
	}

	// --- the table ------------------------------------------------------------------------------

	private static Row row(String endpoint, String target, Function<Caller, Response> call, String expected) {
		int[] statuses = Arrays.stream(expected.trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
		if (statuses.length != CALLERS.length) {
			throw new IllegalArgumentException(endpoint + ": one status per caller expected");
		}
		return new Row(endpoint, target, call, statuses);
	}

	/** One line of the matrix: an endpoint (method and path template), its target and the expected statuses. */
	record Row(String endpoint, String target, Function<Caller, Response> call, int[] expected) {
	}

	/** Who calls: a demo account with its bearer token, or nobody. */
	record Caller(String name, String token) {

		boolean anonymous() {
			return token == null;
		}

	}

}
