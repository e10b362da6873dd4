package org.wenming.volunteer;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
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
 * The service order pages through a real browser session: the resident's phone pages, the staff's
 * board and order page with review and dispatch, the team leader's view, the wishes and the menu.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceOrderPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ServiceOrders orders;

	ServiceOrderFixture f;

	@BeforeEach
	void tree() {
		f = ServiceOrderFixture.create(context);
	}

	@Test
	void residentOrdersOnThePhoneStaffDispatchAndTheLeaderAccepts() {
		Http resident = signIn("resident");
		Response page = resident.get("/m/orders", null);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("我要点单", "家电维修", "心理疏导");

		LocalDateTime from = LocalDateTime.now().plusDays(1).withHour(9).withMinute(0).withSecond(0).withNano(0);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", Http.csrfToken(page.body()));
		form.put("categoryId", String.valueOf(f.category));
		form.put("desiredFrom", from.toString());
		form.put("desiredTo", from.plusHours(2).toString());
		form.put("description", "楼道灯坏了");
		form.put("phone", "13912345678");
		form.put("address", "示范市幸福路 8 号");
		Response placed = resident.postForm("/m/orders", form);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(302);
		String location = placed.header("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		Response detail = resident.get("/m/orders/" + id, null);
		assertThat(detail.body()).contains("待审核", "139****5678", "群众点单", "点单已提交").doesNotContain("13912345678");

		assertThat(post(resident, "/m/orders/" + id, "/m/orders/" + id + "/chase", Map.of()).status()).isEqualTo(302);
		assertThat(post(resident, "/m/orders/" + id, "/m/orders/" + id + "/chase", Map.of()).status()).isEqualTo(302);
		assertThat(resident.get("/m/orders/" + id, null).body()).contains("每小时只能催单一次", "已催单 1 次");
		assertThat(resident.get("/service-orders", null).status()).isEqualTo(403);

		Http staff = signIn("communityA");
		assertThat(staff.get("/service-orders", null).body()).contains("/service-orders/" + id);
		assertThat(staff.get("/service-orders/" + id, null).body()).contains("审核通过", "139****5678");
		post(staff, "/service-orders/" + id, "/service-orders/" + id + "/review", Map.of("decision", "approve"));
		Response dispatchPage = staff.get("/service-orders/" + id, null);
		assertThat(dispatchPage.body()).contains("已审核通过，待派单。", "甲队" + f.tag, "team:" + f.teamA);
		post(staff, "/service-orders/" + id, "/service-orders/" + id + "/dispatch", Map.of("target", "team:" + f.teamA));
		assertThat(staff.get("/service-orders/" + id, null).body()).contains("派单至服务队");

		Http leader = signIn("leader");
		Response team = leader.get("/service-orders/team", null);
		assertThat(team.status()).isEqualTo(200);
		assertThat(team.body()).contains("team-order-" + id, "接单", "退单");
		post(leader, "/service-orders/team", "/service-orders/team/" + id + "/accept", Map.of());
		assertThat(leader.get("/service-orders/team", null).body()).contains("已接单，服务活动已发布。", "开始服务");
		assertThat(orders.load(id).activityId()).isNotNull();
	}

	@Test
	void volunteersSeeOpenWishesAndStaffKeepTheMenu() {
		long wish = f.as("communityA", () -> orders.create(f.wish()));
		f.volunteer("other", "ACTIVE");
		Http volunteer = signIn("other");
		Response wishes = volunteer.get("/m/wishes", null);
		assertThat(wishes.status()).isEqualTo(200);
		assertThat(wishes.body()).contains("wish-" + wish, "认领");
		post(volunteer, "/m/wishes", "/m/wishes/" + wish + "/claim", Map.of());
		assertThat(volunteer.get("/m/wishes", null).body()).contains("认领成功", "我认领的微心愿", "开始服务");

		Http staff = signIn("city");
		Response menu = staff.get("/service-orders/categories", null);
		assertThat(menu.body()).contains("理论宣讲", "家电维修");
		String name = "社区陪诊" + f.tag;
		post(staff, "/service-orders/categories", "/service-orders/categories", Map.of("name", name));
		assertThat(staff.get("/service-orders/categories", null).body()).contains(name, "服务菜单已保存。");
		post(staff, "/service-orders/categories", "/service-orders/categories", Map.of("name", name));
		assertThat(staff.get("/service-orders/categories", null).body()).contains("已有同名的服务类别");
		assertThat(signIn("resident").get("/service-orders/categories", null).status()).isEqualTo(403);
	}

	private Http signIn(String name) {
		Http http = Http.browser(port).from(Http.newClientAddress());
		assertThat(http.login(f.user(name), ServiceOrderFixture.PASSWORD).status()).isEqualTo(302);
		return http;
	}

	/** Posts a form of the page, with the page's CSRF token. */
	private static Response post(Http http, String page, String action, Map<String, String> fields) {
		Map<String, String> form = new LinkedHashMap<>(fields);
		form.put("_csrf", Http.csrfToken(http.get(page, null).body()));
		Response response = http.postForm(action, form);
		assertThat(response.status()).as(response.toString()).isEqualTo(302);
		return response;
	}

}
