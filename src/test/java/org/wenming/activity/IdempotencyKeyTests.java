package org.wenming.activity;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on the create endpoints that phones retry, shown on sign-ups through real
 * HTTP: a retry replays the first answer with one row stored, another request under the same key
 * is refused, twenty concurrent copies make one sign-up, and keys belong to one account.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdempotencyKeyTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture f;

	Http http;

	@BeforeEach
	void tree() {
		f = ActivityFixture.create(context);
		http = Http.api(port).from(Http.newClientAddress());
	}

	@Test
	void aRetryReplaysTheFirstAnswerAndStoresOneSignup() {
		long activity = activity("重试报名", 10);
		String resident = token("residentA");

		Response first = signUp(activity, resident, "key-1");
		Response retry = signUp(activity, resident, "key-1");
		Response withoutKey = signUp(activity, resident, null);

		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(signups(activity, "residentA")).isEqualTo(1);
		// Without the key the endpoint answers as before: the second sign-up is refused.
		assertThat(withoutKey.status()).as(withoutKey.toString()).isEqualTo(409);
	}

	@Test
	void aLargeBodyWithAKeyIsRefusedBeforeItIsHeldInMemory() {
		// The attack: an anonymous client adds the header to make the application read a large body.
		String large = "x".repeat(1024 * 1024 + 1);
		Response anonymous = http.send("POST", "/api/v1/auth/token", null, "multipart/form-data; boundary=zzz",
				java.net.http.HttpRequest.BodyPublishers.ofString(large), "Idempotency-Key", "big-1");
		Response signedIn = http.send("POST", "/api/v1/service-orders", token("residentA"), "application/json",
				java.net.http.HttpRequest.BodyPublishers.ofString("{\"x\":\"" + large + "\"}"), "Idempotency-Key",
				"big-2");

		assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(413);
		assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(413);
		assertThat(signedIn.body()).contains("1 MB");
	}

	@Test
	void theSameKeyForAnotherRequestIsRefused() {
		long one = activity("第一场", 10);
		long other = activity("第二场", 10);
		String resident = token("residentA");
		assertThat(signUp(one, resident, "key-2").status()).isEqualTo(201);

		Response reused = signUp(other, resident, "key-2");

		assertThat(reused.status()).as(reused.toString()).isEqualTo(422);
		assertThat(reused.contentType()).startsWith("application/problem+json");
		assertThat(reused.json().get("detail").asString()).isEqualTo("该 Idempotency-Key 已用于另一个不同的请求，请换一个新的键。");
		assertThat(signups(other, "residentA")).isZero();
	}

	@Test
	void twentyConcurrentCopiesMakeOneSignup() throws Exception {
		long activity = activity("并发报名", 10);
		String resident = token("residentB");
		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> futures = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			futures.add(pool.submit(() -> {
				start.await();
				return signUp(activity, resident, "key-concurrent");
			}));
		}
		start.countDown();
		List<Response> responses = new ArrayList<>();
		for (Future<Response> future : futures) {
			responses.add(future.get());
		}
		pool.shutdown();

		assertThat(signups(activity, "residentB")).isEqualTo(1);
		String created = responses.stream().filter(r -> r.status() == 201).findFirst().orElseThrow().body();
		for (Response response : responses) {
			assertThat(response.status()).as(response.toString()).isIn(201, 409);
			if (response.status() == 201) {
				assertThat(response.body()).isEqualTo(created);
			}
			else {
				assertThat(response.json().get("detail").asString()).contains("正在处理中");
			}
		}
	}

	@Test
	void keysBelongToOneAccount() {
		long activity = activity("各自的键", 10);

		Response a = signUp(activity, token("residentA"), "shared-key");
		Response b = signUp(activity, token("residentB"), "shared-key");

		assertThat(a.status()).as(a.toString()).isEqualTo(201);
		assertThat(b.status()).as(b.toString()).isEqualTo(201);
		assertThat(signups(activity, "residentA")).isEqualTo(1);
		assertThat(signups(activity, "residentB")).isEqualTo(1);
	}

	@Test
	void aMalformedKeyIsA422Problem() {
		long activity = activity("坏键", 10);

		Response response = signUp(activity, token("residentA"), "x".repeat(256));

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(signups(activity, "residentA")).isZero();
	}

	private Response signUp(long activity, String token, String key) {
		String path = "/api/v1/activities/" + activity + "/signups";
		return key == null ? http.post(path, token, null)
				: http.send("POST", path, token, null, BodyPublishers.noBody(), "Idempotency-Key", key);
	}

	private long activity(String title, int capacity) {
		OffsetDateTime start = ActivityFixture.inHours(48);
		Response created = http.post("/api/v1/activities", token("unitA"),
				Http.json(Map.of("title", title, "type", "VOLUNTEER_SERVICE", "organizerOrgId", f.communityA.id(), "place",
						"社区服务中心", "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(), "capacity",
						capacity, "publish", true)));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private long signups(long activity, String name) {
		return jdbc.sql("select count(*) from activity_signup where activity_id = ? and person_id = ?")
			.params(activity, f.personOf(name))
			.query(Long.class)
			.single();
	}

	private String token(String name) {
		return http.token(f.user(name), ActivityFixture.PASSWORD);
	}

}
