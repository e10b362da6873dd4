package org.wenming;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client against the application on its random port: the API with bearer tokens, or
 * the pages with a cookie-keeping session. Redirects are not followed, so tests see them.
 */
public final class Http {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

	private static final java.util.concurrent.atomic.AtomicInteger ADDRESSES = new java.util.concurrent.atomic.AtomicInteger(
			java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 16));

	private final String base;

	private final HttpClient client;

	private final List<String> defaultHeaders = new ArrayList<>();

	private Http(int port, boolean keepCookies) {
		this.base = "http://localhost:" + port;
		HttpClient.Builder builder = HttpClient.newBuilder()
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.version(HttpClient.Version.HTTP_1_1);
		if (keepCookies) {
			builder.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
		}
		this.client = builder.build();
	}

	/** A client without cookies, for the API. */
	public static Http api(int port) {
		return new Http(port, false);
	}

	/** A browser-like client that keeps its cookies (the session), for the pages. */
	public static Http browser(int port) {
		return new Http(port, true);
	}

	/**
	 * Sends every later request as if from this client address (Tomcat's RemoteIpValve trusts
	 * {@code X-Forwarded-For} from the loopback proxy), so that per-address login counters of one
	 * test do not touch another's.
	 */
	public Http from(String address) {
		defaultHeaders.add("X-Forwarded-For");
		defaultHeaders.add(address);
		return this;
	}

	/** A client address (from 198.18.0.0/15, for benchmarks) that no other test of the JVM uses. */
	public static String newClientAddress() {
		int n = ADDRESSES.incrementAndGet() & 0x1ffff;
		return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 255) + "." + (n & 255);
	}

	public String base() {
		return base;
	}

	/** A bearer token for the user, from {@code POST /api/v1/auth/token}; fails unless issued. */
	public String token(String username, String password) {
		Response response = post("/api/v1/auth/token", null, json(Map.of("username", username, "password", password)));
		if (response.status() != 200) {
			throw new AssertionError("no token for " + username + ": " + response);
		}
		return response.json().get("token").asString();
	}

	public Response get(String path, String token) {
		return send("GET", path, token, null, null);
	}

	public Response post(String path, String token, String json) {
		return send("POST", path, token, "application/json", json);
	}

	public Response put(String path, String token, String json) {
		return send("PUT", path, token, "application/json", json);
	}

	public Response delete(String path, String token) {
		return send("DELETE", path, token, null, null);
	}

	public Response send(String method, String path, String token, String contentType, String body) {
		return send(method, path, token, contentType,
				body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body, StandardCharsets.UTF_8));
	}

	public Response send(String method, String path, String token, String contentType, BodyPublisher body,
			String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(60))
			.method(method, body);
		if (!List.of(headers).contains("Accept")) {
			request.header("Accept", path.startsWith("/api/") ? "application/json, application/problem+json" : "text/html");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		for (int i = 0; i < defaultHeaders.size(); i += 2) {
			request.header(defaultHeaders.get(i), defaultHeaders.get(i + 1));
		}
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		try {
			var response = client.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
			return new Response(method, path, response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Submits a page form, url-encoded. */
	public Response postForm(String path, Map<String, String> fields) {
		String body = fields.entrySet().stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send("POST", path, null, "application/x-www-form-urlencoded", body);
	}

	/**
	 * Signs in through the login page as a browser does: reads the CSRF token from the form, posts
	 * it with the credentials, and answers the login response (a redirect).
	 */
	public Response login(String username, String password) {
		Response page = get("/login", null);
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("password", password);
		fields.put("_csrf", csrfToken(page.body()));
		return postForm("/login", fields);
	}

	/** The CSRF token of the first form of a page. */
	public static String csrfToken(String html) {
		Matcher matcher = CSRF.matcher(html);
		if (!matcher.find()) {
			throw new AssertionError("no _csrf field in the page:\n" + html);
		}
		return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
	}

	public static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	/** One response, with the request it answers for readable assertion messages. */
	public record Response(String method, String path, int status, HttpHeaders headers, String body) {

		public JsonNode json() {
			return JSON.readTree(body);
		}

		public String header(String name) {
			return headers.firstValue(name).orElse(null);
		}

		public String contentType() {
			return header("Content-Type");
		}

		@Override
		public String toString() {
			return method + " " + path + " → " + status + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
		}

	}

}
