package org.wenming.volunteer;

import java.time.OffsetDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service order API over real HTTP: a resident's order from placing to rating, problem documents
 * for bad input and refused steps, the phone masked in every answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceOrderApiTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	ServiceOrderFixture f;

	Http http;

	@BeforeEach
	void tree() {
		f = ServiceOrderFixture.create(context);
		http = Http.api(port).from(Http.newClientAddress());
	}

	@Test
	void residentOrdersStaffDispatchLeaderServesResidentRates() {
		String resident = token("resident");
		String community = token("communityA");
		String leader = token("leader");
		OffsetDateTime from = OffsetDateTime.now().plusDays(2).withNano(0);
		assertThat(http.get("/api/v1/service-categories", resident).json().findValuesAsString("name"))
			.contains("理论宣讲", "家电维修", "心理疏导");

		Response placed = http.post("/api/v1/service-orders", resident, Http.json(Map.of("categoryId", f.category,
				"desiredFrom", from.toString(), "desiredTo", from.plusHours(2).toString(), "description", "修电视机",
				"phone", "13912345678", "address", "示范市幸福路 8 号")));
		assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
		long id = placed.json().get("id").asLong();
		assertThat(placed.json().get("status").asString()).isEqualTo("PENDING_REVIEW");
		assertThat(placed.body()).contains("139****5678").doesNotContain("13912345678");
		assertThat(placed.header("Location")).endsWith("/api/v1/service-orders/" + id);

		assertThat(http.get("/api/v1/service-orders/mine", resident).json().findValuesAsString("description"))
			.contains("修电视机");
		assertThat(http.get("/api/v1/service-orders?status=PENDING_REVIEW", community).body()).contains("\"id\":" + id);
		assertThat(status(http.post(path(id, "review"), resident, "{\"approve\": true}"))).isEqualTo(403);
		assertThat(status(http.post(path(id, "review"), community, "{\"approve\": true}"))).isEqualTo(200);
		assertThat(status(http.post(path(id, "dispatch"), community, "{\"teamId\": " + f.teamA + "}"))).isEqualTo(200);
		Response accepted = http.post(path(id, "accept"), leader, null);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
		assertThat(accepted.json().get("activityId").isNumber()).isTrue();
		assertThat(status(http.post(path(id, "start"), leader, null))).isEqualTo(200);
		assertThat(status(http.post(path(id, "finish"), leader, "{\"text\": \"已修好\"}"))).isEqualTo(200);

		Response badRating = http.post(path(id, "rate"), resident, "{\"rating\": 6}");
		assertThat(badRating.status()).isEqualTo(422);
		assertThat(badRating.contentType()).contains("application/problem+json");
		assertThat(badRating.body()).contains("评分应为 1 到 5 分");
		assertThat(status(http.post(path(id, "rate"), resident, "{\"rating\": 5, \"comment\": \"满意\"}"))).isEqualTo(200);

		Response details = http.get("/api/v1/service-orders/" + id, resident);
		assertThat(details.json().get("order").get("status").asString()).isEqualTo("COMPLETED");
		assertThat(details.json().get("events").findValuesAsString("action")).containsExactly("ORDERED", "APPROVED",
				"DISPATCHED", "ACCEPTED", "STARTED", "FINISHED", "RATED");
		assertThat(status(http.get("/api/v1/service-orders/" + id, token("other")))).isEqualTo(404);
	}

	@Test
	void refusedStepsAnswerProblemDocuments() {
		String resident = token("resident");
		Response missing = http.post("/api/v1/service-orders", resident, "{\"description\": \"修电视\"}");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.body()).contains("请选择服务类别");

		long id = f.as("resident", () -> context.getBean(ServiceOrders.class).create(f.order(null)));
		assertThat(status(http.post(path(id, "chase"), resident, null))).isEqualTo(200);
		Response again = http.post(path(id, "chase"), resident, null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.body()).contains("每小时只能催单一次");
		assertThat(status(http.post(path(id, "claim"), resident, null))).isEqualTo(404);
		assertThat(status(http.post(path(id, "cancel"), resident, null))).isEqualTo(200);
		assertThat(status(http.get("/api/v1/service-orders/999999999", resident))).isEqualTo(404);
		assertThat(status(http.get("/api/v1/service-orders", resident))).isEqualTo(403);
		assertThat(status(http.get("/api/v1/service-orders/mine", null))).isEqualTo(401);
	}

	@Test
	void theApiDocumentShowsTheRealBodyOfAnOrderReview() {
		Response docs = http.send("GET", "/v3/api-docs", token("communityA"), null,
				java.net.http.HttpRequest.BodyPublishers.noBody(), "Accept", "application/json");
		assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
		var json = docs.json();
		String ref = json.get("paths").get("/api/v1/service-orders/{id}/review").get("post").get("requestBody")
			.get("content").get("application/json").get("schema").get("$ref").asString();
		var schema = json.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
		assertThat(schema.get("properties").has("approve")).as(schema.toString()).isTrue();
		assertThat(schema.get("properties").has("reason")).isTrue();
		assertThat(schema.get("properties").has("decision")).isFalse();
		// The submission review of the plan module keeps its own body.
		String submission = json.get("paths").get("/api/v1/submissions/{id}/review").get("post").get("requestBody")
			.get("content").get("application/json").get("schema").get("$ref").asString();
		assertThat(submission).isNotEqualTo(ref);
	}

	private String token(String name) {
		return http.token(f.user(name), ServiceOrderFixture.PASSWORD);
	}

	private static String path(long id, String step) {
		return "/api/v1/service-orders/" + id + "/" + step;
	}

	private static int status(Response response) {
		return response.status();
	}

}
