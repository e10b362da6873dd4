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

		// Without a file the import is refused as a bad request, once the caller may import at all.
		row("POST /api/v1/imports/people", "no file", c -> post(c, "/api/v1/imports/people", null),
																									"400 400 403 403 403 403 401"),
		row("POST /api/v1/imports/orgs", "no file", c -> post(c, "/api/v1/imports/orgs", null),
																									"400 400 403 403 403 403 401"),
		row("GET /api/v1/people/export", "in own scope", c -> get(c, "/api/v1/people/export?orgId=" + heping),
																									"200 200 403 403 403 403 401"),
		row("POST /api/v1/plan-documents/outline", "text", c -> http.send("POST", "/api/v1/plan-documents/outline",
				c.token(), "text/plain; charset=UTF-8", "示范市2026年工作计划\n一、指导思想\n坚持学习。"),
																									"200 200 200 200 200 200 401"),

		row("GET /api/v1/audit", "", c -> get(c, "/api/v1/audit"),									"200 403 403 403 403 403 401"));
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

	private long demoAccount(String username) {
		return DemoCity.ensure(context).account(username);
	}

	private static tools.jackson.databind.JsonNode created(Response response) {
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		return response.json();
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
