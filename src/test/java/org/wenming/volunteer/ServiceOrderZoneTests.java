package org.wenming.volunteer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A resident wishes for 09:01 (Beijing time) on the phone's order form; the order's pages show
 * 09:01, and its timeline shows each step in Beijing time, whatever the JVM's zone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ServiceOrderZoneTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theWishedTimeAndTheTimelineAreInBeijingTime() {
		ServiceOrderFixture f = ServiceOrderFixture.create(context);
		LocalDate day = LocalDate.now(BEIJING).plusDays(2);
		Http resident = signIn(f, "resident");
		Map<String, String> form = new LinkedHashMap<>();
		form.put("_csrf", Http.csrfToken(resident.get("/m/orders", null).body()));
		form.put("categoryId", String.valueOf(f.category));
		form.put("desiredFrom", day + "T09:01");
		form.put("desiredTo", day + "T11:01");
		form.put("description", "楼道灯坏了");
		form.put("phone", "13912345678");
		form.put("address", "示范市幸福路 8 号");
		Response placed = resident.postForm("/m/orders", form);
		assertThat(placed.status()).as(placed.toString()).isEqualTo(302);
		String location = placed.header("Location");
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		assertThat(f.jdbc.sql("select desired_from from service_order where id = ?").param(id)
			.query(OffsetDateTime.class).single().toInstant()).isEqualTo(day.atTime(9, 1).atZone(BEIJING).toInstant());

		// The order was placed at 01:07 UTC, 09:07 in Beijing.
		LocalDate placedOn = LocalDate.now(BEIJING).minusDays(1);
		f.jdbc.sql("update service_order_event set at = ? where order_id = ?")
			.params(placedOn.atTime(1, 7).atOffset(ZoneOffset.UTC), id)
			.update();
		String md = placedOn.toString().substring(5);

		String mine = resident.get("/m/orders/" + id, null).body();
		assertThat(mine).contains(day + " 09:01").doesNotContain(day + " 01:01");
		Http staff = signIn(f, "communityA");
		String page = staff.get("/service-orders/" + id, null).body();
		assertThat(page).contains(day + " 09:01", md + " 09:07").doesNotContain(day + " 01:01", md + " 01:07");
		String board = staff.get("/service-orders", null).body();
		assertThat(board).contains(day.toString().substring(5) + " 09:01");
	}

	private Http signIn(ServiceOrderFixture f, String name) {
		Http http = Http.browser(port).from(Http.newClientAddress());
		assertThat(http.login(f.user(name), ServiceOrderFixture.PASSWORD).status()).isEqualTo(302);
		return http;
	}

}
