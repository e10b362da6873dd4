package org.wenming.volunteer;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contact data stored encrypted with a service order, and a volunteer's emergency phone: shown
 * masked, and in full on request ("查看完整号码") to those who handle the order or have
 * {@code person:full} over the volunteer, each look written to the audit log; refused to everyone
 * else, with the same answer as for an order that does not exist when they may not see it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContactRevealTests {

	static final String PHONE = "13912345678";

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	ServiceOrders orders;

	@Autowired
	Volunteers volunteers;

	@Autowired
	JdbcClient jdbc;

	ServiceOrderFixture f;

	@BeforeEach
	void tree() {
		f = ServiceOrderFixture.create(context);
	}

	@Test
	void theTeamHandlingAnOrderAndItsStaffSeeThePhoneInFullAudited() {
		long id = f.as("resident", () -> orders.create(f.order(null)));
		f.as("communityA", () -> orders.review(id, true, null));
		f.as("communityA", () -> orders.dispatch(id, f.teamA, null));

		ServiceOrderContact contact = f.as("leader", () -> orders.contact(id));
		assertThat(contact.phone()).isEqualTo(PHONE);
		assertThat(contact.address()).isEqualTo("示范市幸福路 8 号 3 单元 201");
		assertThat(f.as("communityA", () -> orders.contact(id)).phone()).isEqualTo(PHONE);
		assertThat(f.as("district", () -> orders.contact(id)).phone()).isEqualTo(PHONE);
		assertThat(audited("service_order", id)).containsExactly(f.user("leader"), f.user("communityA"),
				f.user("district"));

		// Outside the order: the same answer as for an order that does not exist.
		for (String outsider : List.of("west", "leaderB", "other", "inspector")) {
			expect(() -> f.as(outsider, () -> orders.contact(id)), HttpStatus.NOT_FOUND);
		}
		expect(() -> f.as("leader", () -> orders.contact(Long.MAX_VALUE)), HttpStatus.NOT_FOUND);
		assertThat(audited("service_order", id)).hasSize(3);
	}

	@Test
	void theLeaderRevealsThePhoneOnTheTeamPageAndStaffOnTheOrderPage() {
		long id = f.as("resident", () -> orders.create(f.order(null)));
		f.as("communityA", () -> orders.review(id, true, null));
		f.as("communityA", () -> orders.dispatch(id, f.teamA, null));

		Http leader = signIn("leader");
		Response team = leader.get("/service-orders/team", null);
		assertThat(team.body()).contains("139****5678", "查看完整号码").doesNotContain(PHONE);
		assertThat(team.body()).contains("/service-orders/team/" + id + "/contact");
		Response revealed = leader.postForm("/service-orders/team/" + id + "/contact",
				Map.of("_csrf", Http.csrfToken(team.body())));
		assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
		assertThat(revealed.body()).contains(PHONE, "示范市幸福路 8 号 3 单元 201", "审计日志");

		Http staff = signIn("communityA");
		Response page = staff.get("/service-orders/" + id, null);
		assertThat(page.body()).contains("查看完整号码").doesNotContain(PHONE);
		assertThat(staff.postForm("/service-orders/" + id + "/contact", Map.of("_csrf", Http.csrfToken(page.body())))
			.body()).contains(PHONE);
		assertThat(audited("service_order", id)).containsExactly(f.user("leader"), f.user("communityA"));
	}

	@Test
	void theVolunteerWhoClaimedAWishSeesItsPhoneAndNoOtherVolunteer() {
		long id = f.as("communityA", () -> orders.create(f.wish()));
		f.volunteer("other", "ACTIVE");
		f.volunteer("leader", "ACTIVE");
		// An open wish is visible to every volunteer, but its phone only to the one who claims it.
		expect(() -> f.as("other", () -> orders.contact(id)), HttpStatus.FORBIDDEN);
		f.as("other", () -> orders.claim(id));
		assertThat(f.as("other", () -> orders.contact(id)).phone()).isEqualTo(PHONE);
		expect(() -> f.as("leader", () -> orders.contact(id)), HttpStatus.NOT_FOUND);
		assertThat(audited("service_order", id)).containsExactly(f.user("other"));
	}

	@Test
	void staffWithPersonFullSeeAVolunteersEmergencyPhoneAudited() {
		Volunteer volunteer = f.as("communityA", () -> volunteers.registerByUnit(new VolunteerRegistration(
				f.personOf("other"), f.communityA.id(), null, "维修", null, null, null, null, "家属", "13800001111")));
		assertThat(volunteer.emergencyPhoneMasked()).isEqualTo("138****1111");

		assertThat(f.as("communityA", () -> volunteers.emergencyPhone(volunteer.id()))).isEqualTo("13800001111");
		// The inspector reads volunteers but may not see people in full; the west is out of scope.
		expect(() -> f.as("inspector", () -> volunteers.emergencyPhone(volunteer.id())), HttpStatus.FORBIDDEN);
		expect(() -> f.as("west", () -> volunteers.emergencyPhone(volunteer.id())), HttpStatus.NOT_FOUND);
		assertThat(audited("volunteer", volunteer.id())).containsExactly(f.user("communityA"));

		Http api = Http.api(port);
		String token = api.token(f.user("district"), ServiceOrderFixture.PASSWORD);
		Response phone = api.get("/api/v1/volunteers/" + volunteer.id() + "/emergency-phone", token);
		assertThat(phone.status()).as(phone.toString()).isEqualTo(200);
		assertThat(phone.json().get("phone").asString()).isEqualTo("13800001111");
		String inspector = api.token(f.user("inspector"), ServiceOrderFixture.PASSWORD);
		assertThat(api.get("/api/v1/volunteers/" + volunteer.id() + "/emergency-phone", inspector).status())
			.isEqualTo(403);

		Http staff = signIn("communityA");
		Response detail = staff.get("/volunteers/" + volunteer.id(), null);
		assertThat(detail.body()).contains("138****1111", "查看完整号码").doesNotContain("13800001111");
		Response revealed = staff.postForm("/volunteers/" + volunteer.id() + "/emergency-phone",
				Map.of("_csrf", Http.csrfToken(detail.body())));
		assertThat(revealed.body()).contains("13800001111");
		assertThat(audited("volunteer", volunteer.id())).hasSize(3);
	}

	private List<String> audited(String type, long id) {
		return jdbc.sql("select actor from audit_log where action = 'VIEW_FULL' and entity_type = ? and entity_id = ? order by id")
			.params(type, String.valueOf(id))
			.query(String.class)
			.list();
	}

	private static void expect(Supplier<?> work, HttpStatus status) {
		assertThatThrownBy(work::get).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.status()).isEqualTo(status));
	}

	private Http signIn(String name) {
		Http http = Http.browser(port).from(Http.newClientAddress());
		assertThat(http.login(f.user(name), ServiceOrderFixture.PASSWORD).status()).isEqualTo(302);
		return http;
	}

}
