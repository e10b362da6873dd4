package org.wenming.platform;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.Http.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks the OpenAPI document and sends every mutating operation hostile values, one per field and
 * kind of hostility: wrong types, huge and negative numbers, far dates, control characters, unpaired
 * surrogates, 1 MB strings, and ids that are missing or out of the caller's scope (a 和平社区 unit
 * admin naming 西湖区's orgs and people). No answer may be a 5xx, and a refused request may not leave
 * a row behind in any table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ApiFuzzTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Replaced, quotes included, by the raw JSON text after the prefix. */
	private static final String RAW = "@@raw:";

	private static final Pattern RAW_VALUE = Pattern.compile("\"" + Pattern.quote(RAW) + "(.*?)@@\"");

	private static final String MISSING_ID = "2147483000";

	private static final String MEGABYTE = "长".repeat(1024 * 1024 / 3 + 1);

	/**
	 * Tables written by whatever a request does, refused or not (the audit of failed sign-ins, login
	 * and look-up throttling, sessions, the event registry), or by background jobs (job leases, the
	 * sealing of the ledgers).
	 */
	private static final List<String> NOT_COUNTED = List.of("audit_log", "spring_session", "spring_session_attributes",
			"event_publication", "event_publication_archive", "login_throttle", "lookup_throttle", "job_lock",
			"ledger_seal", "flyway_schema_history");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	Http http;

	String admin;

	String unit;

	final Map<String, String> outOfScope = new LinkedHashMap<>();

	final Map<String, String> inScope = new LinkedHashMap<>();

	final List<String> serverErrors = new ArrayList<>();

	final List<String> writtenByRefused = new ArrayList<>();

	final List<String> acceptedOutOfScope = new ArrayList<>();

	final List<String> accepted = new ArrayList<>();

	int cases;

	String countQuery;

	@Test
	void noMutatingEndpointAnswers5xxOrStoresARefusedRequest() {
		DemoCity city = DemoCity.ensure(context);
		http = Http.api(port).from(Http.newClientAddress());
		admin = http.token("admin", DemoCity.PASSWORD);
		unit = http.token("unit", DemoCity.PASSWORD);
		outOfScope.put("org", String.valueOf(city.org("明珠社区")));
		inScope.put("org", String.valueOf(city.org("和平社区")));
		inScope.put("person", String.valueOf(city.residentOf("和平社区")));
		outOfScope.put("person", String.valueOf(city.residentOf("明珠社区")));
		jdbc.sql("""
				select t.id from volunteer_team t join org o on o.id = t.org_id join org w on w.name = '西湖区'
				where o.path like w.path || '%' order by t.id limit 1""").query(Long.class).optional()
			.ifPresent(id -> outOfScope.put("team", String.valueOf(id)));
		countQuery = countQuery();

		Response docs = http.send("GET", "/v3/api-docs", admin, null, java.net.http.HttpRequest.BodyPublishers.noBody(),
				"Accept", "application/json");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		JsonNode api = docs.json();
		long started = System.nanoTime();
		for (Map.Entry<String, JsonNode> path : api.get("paths").properties()) {
			for (String method : List.of("post", "put", "patch", "delete")) {
				JsonNode operation = path.getValue().get(method);
				if (operation != null) {
					fuzz(api, method.toUpperCase(), path.getKey(), operation);
				}
			}
		}
		long seconds = (System.nanoTime() - started) / 1_000_000_000L;

		System.out.printf("ApiFuzzTests: %d cases sent in %d s, %d answered 5xx, %d refused requests wrote rows, "
				+ "%d out-of-scope ids accepted, %d other hostile values accepted%n", cases, seconds, serverErrors.size(),
				writtenByRefused.size(), acceptedOutOfScope.size(), accepted.size());
		acceptedOutOfScope.forEach(line -> System.out.println("  out-of-scope id accepted: " + line));
		accepted.forEach(line -> System.out.println("  hostile value accepted: " + line));
		assertThat(cases).isGreaterThan(500);
		assertThat(serverErrors).as("answered 5xx").isEmpty();
		assertThat(writtenByRefused).as("refused but wrote rows").isEmpty();
	}

	private void fuzz(JsonNode api, String method, String template, JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach(parameters::add);
		JsonNode schema = resolve(api, operation.path("requestBody").path("content").path("application/json").path("schema"));
		boolean json = !schema.isMissingNode();
		ObjectNode base = json && schema.has("properties") ? base(api, schema) : null;
		Map<String, String> query = new LinkedHashMap<>();
		for (JsonNode parameter : parameters) {
			if (parameter.path("in").asString().equals("query") && parameter.path("required").asBoolean(false)) {
				query.put(parameter.get("name").asString(), plain(resolve(api, parameter.path("schema"))));
			}
		}
		String path = template.replaceAll("\\{[^}]+}", MISSING_ID);

		// hostile path ids
		for (JsonNode parameter : parameters) {
			if (parameter.path("in").asString().equals("path")) {
				String name = parameter.get("name").asString();
				for (String hostile : List.of("-1", "2147483648", "9223372036854775808", "1e308", "abc", "%01")) {
					String hostilePath = template.replace("{" + name + "}", hostile).replaceAll("\\{[^}]+}", MISSING_ID);
					send(method, hostilePath, query, body(base, json), admin, name + "=" + hostile, false);
				}
			}
		}
		// hostile query parameters
		for (JsonNode parameter : parameters) {
			if (parameter.path("in").asString().equals("query")) {
				String name = parameter.get("name").asString();
				for (String hostile : List.of("%01", "%C2%85", "%ED%A0%80", "-1", "9223372036854775808")) {
					Map<String, String> hostileQuery = new LinkedHashMap<>(query);
					hostileQuery.put(name, hostile);
					send(method, path, hostileQuery, body(base, json), admin, name + "=" + hostile, false);
				}
			}
		}
		if (!json) {
			if (parameters.isEmpty()) {
				send(method, path, query, null, admin, "(no input)", false);
			}
			return;
		}
		// the whole body of the wrong shape, and a lone surrogate in raw JSON text
		for (String hostile : List.of("[]", "\"\\ud800\"", "{\"x\":\"\\udc00\"}", "1e308", "{")) {
			send(method, path, query, hostile, admin, "body=" + hostile, false);
		}
		if (base == null) {
			return;
		}
		Iterator<Map.Entry<String, JsonNode>> properties = schema.get("properties").properties().iterator();
		int index = 0;
		while (properties.hasNext()) {
			Map.Entry<String, JsonNode> property = properties.next();
			String name = property.getKey();
			JsonNode type = resolve(api, property.getValue());
			for (JsonNode hostile : hostile(type, index++)) {
				ObjectNode body = base.deepCopy();
				body.set(name, hostile);
				send(method, path, query, raw(body), admin, name + "=" + shorten(hostile), false);
			}
			String scope = scopeOf(name);
			if (scope != null && outOfScope.containsKey(scope)) {
				ObjectNode body = base.deepCopy();
				String id = outOfScope.get(scope);
				body.set(name, type.path("type").asString().equals("array") ? NODES.arrayNode().add(Long.parseLong(id))
						: NODES.numberNode(Long.parseLong(id)));
				send(method, path, query, raw(body), unit, name + "=" + id + " (" + scope + " of 西湖区)", true);
			}
		}
	}

	/** One hostile value for each kind of hostility that fits the field's type. */
	private List<JsonNode> hostile(JsonNode type, int index) {
		List<JsonNode> values = new ArrayList<>();
		String kind = type.path("type").asString();
		String format = type.path("format").asString();
		if (type.has("enum")) {
			values.add(NODES.stringNode("NO_SUCH_VALUE"));
			values.add(NODES.numberNode(1));
			return values;
		}
		switch (kind) {
			case "string" -> {
				values.add(NODES.objectNode());
				if (format.equals("date") || format.equals("date-time")) {
					String[] far = format.equals("date") ? new String[] { "0000-01-01", "9999-12-31", "+999999999-12-31" }
							: new String[] { "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "+999999999-12-31T23:59:59Z" };
					for (String date : far) {
						values.add(NODES.stringNode(date));
					}
					values.add(NODES.stringNode("2026-13-45"));
				}
				else {
					values.add(NODES.stringNode(index % 2 == 0 ? "坏\u0001值" : "坏\u0085值"));
					values.add(NODES.stringNode(RAW + "\"坏\\ud800值\"@@"));
					values.add(NODES.stringNode(MEGABYTE));
				}
			}
			case "integer" -> {
				values.add(NODES.stringNode("abc"));
				values.add(NODES.numberNode(-1));
				values.add(NODES.numberNode(index % 2 == 0 ? 2147483648L : Long.MIN_VALUE));
				values.add(NODES.numberNode(new BigInteger("9223372036854775808")));
			}
			case "number" -> {
				values.add(NODES.stringNode("abc"));
				values.add(NODES.numberNode(-1));
				values.add(NODES.stringNode(RAW + "1e308@@"));
				values.add(NODES.stringNode(RAW + "-1e308@@"));
			}
			case "boolean" -> values.add(NODES.stringNode("yes"));
			case "array" -> {
				values.add(NODES.stringNode("x"));
				JsonNode items = type.path("items");
				ArrayNode array = NODES.arrayNode();
				array.add(items.path("type").asString().equals("string") ? NODES.stringNode("坏\u0001值") : NODES.numberNode(-1));
				values.add(array);
			}
			default -> values.add(NODES.stringNode("x"));
		}
		return values;
	}

	/** A plausible body: every field a harmless value, ids of the unit admin's own community. */
	private ObjectNode base(JsonNode api, JsonNode schema) {
		ObjectNode body = NODES.objectNode();
		for (Map.Entry<String, JsonNode> property : schema.get("properties").properties()) {
			String name = property.getKey();
			JsonNode type = resolve(api, property.getValue());
			String kind = type.path("type").asString();
			if (type.has("enum")) {
				body.put(name, type.get("enum").get(0).asString());
			}
			else if (kind.equals("string")) {
				String format = type.path("format").asString();
				body.put(name, format.equals("date") ? "2026-12-20" : format.equals("date-time") ? "2026-12-20T09:00:00+08:00"
						: "测试" + name);
			}
			else if (kind.equals("integer") || kind.equals("number")) {
				// ids of the caller's own community where the kind is known, else one that does not exist:
				// a hostile value that slips through must not change the demo data other tests read
				String scope = scopeOf(name);
				body.put(name, scope != null && inScope.containsKey(scope) ? Long.parseLong(inScope.get(scope))
						: name.endsWith("Id") ? Long.parseLong(MISSING_ID) : 1);
			}
			else if (kind.equals("boolean")) {
				body.put(name, false);
			}
			else if (kind.equals("array")) {
				body.set(name, NODES.arrayNode());
			}
		}
		return body;
	}

	private static String plain(JsonNode type) {
		if (type.has("enum")) {
			return type.get("enum").get(0).asString();
		}
		return switch (type.path("type").asString()) {
			case "integer", "number" -> "1";
			case "boolean" -> "false";
			default -> "x";
		};
	}

	private static String scopeOf(String field) {
		String name = field.toLowerCase();
		if (name.endsWith("orgid") || name.endsWith("orgids")) {
			return "org";
		}
		if (name.endsWith("personid")) {
			return "person";
		}
		if (name.endsWith("teamid")) {
			return "team";
		}
		return null;
	}

	private static JsonNode resolve(JsonNode api, JsonNode schema) {
		JsonNode current = schema;
		for (int i = 0; i < 5 && current.has("$ref"); i++) {
			String ref = current.get("$ref").asString();
			current = api.at(ref.substring(1));
		}
		if (current.has("allOf") && current.get("allOf").size() == 1) {
			return resolve(api, current.get("allOf").get(0));
		}
		return current;
	}

	private static String body(ObjectNode base, boolean json) {
		return !json ? null : base == null ? "{}" : raw(base);
	}

	private static String raw(JsonNode body) {
		String text = JSON.writeValueAsString(body);
		Matcher matcher = RAW_VALUE.matcher(text);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1).replace("\\\"", "\"").replace("\\\\", "\\")));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	private static String shorten(JsonNode value) {
		String text = value.toString();
		return text.length() > 40 ? text.substring(0, 20) + "…(" + text.length() + " chars)" : text;
	}

	private void send(String method, String path, Map<String, String> query, String body, String token, String what,
			boolean scope) {
		StringBuilder url = new StringBuilder(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : query.entrySet()) {
			url.append(separator).append(parameter.getKey()).append('=').append(parameter.getValue());
			separator = '&';
		}
		Map<String, Long> before = counts();
		Response response;
		try {
			response = http.send(method, url.toString(), token, body == null ? null : "application/json", body);
		}
		catch (IllegalArgumentException ex) {
			return; // a URL the client itself will not send
		}
		cases++;
		String line = method + " " + path + " " + what + " -> " + response.status();
		if (response.status() >= 500) {
			serverErrors.add(line + " " + shorten(NODES.stringNode(response.body())));
		}
		if (response.status() >= 400) {
			Map<String, Long> after = counts();
			if (!after.equals(before)) {
				writtenByRefused.add(line + " changed " + changed(before, after));
			}
		}
		else {
			(scope ? acceptedOutOfScope : accepted).add(line);
			pause(); // let what the accepted request set off (events, jobs) settle before the next count
		}
	}

	private Map<String, Long> counts() {
		return new TreeMap<>(jdbc.sql(countQuery).query((rs, i) -> {
			Map<String, Long> counts = new LinkedHashMap<>();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				counts.put(rs.getMetaData().getColumnLabel(c), rs.getLong(c));
			}
			return counts;
		}).single());
	}

	private static String changed(Map<String, Long> before, Map<String, Long> after) {
		StringBuilder out = new StringBuilder();
		after.forEach((table, n) -> {
			if (!n.equals(before.get(table))) {
				out.append(table).append(' ').append(before.get(table)).append("→").append(n).append(' ');
			}
		});
		return out.toString().strip();
	}

	/** One exact count of every table, in one statement. */
	private String countQuery() {
		List<String> tables = jdbc.sql("""
				select table_name from information_schema.tables where table_schema = current_schema()
				and table_type = 'BASE TABLE' order by table_name""").query(String.class).list();
		return "select " + String.join(", ", tables.stream().filter(t -> !NOT_COUNTED.contains(t))
			.map(t -> "(select count(*) from \"" + t + "\") as \"" + t + "\"")
			.toList());
	}

	private static void pause() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
