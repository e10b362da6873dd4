package org.wenming.volunteer;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.metric.MetricCatalog;
import org.wenming.metric.MetricQuery;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wenming.volunteer.ServiceOrderStatus.*;

/**
 * Service orders against the real database: 群众点单 → 审核 → 派单 down the tree → 服务队接单 (the
 * activity is created through the activity module) → 服务 → 评单, and the ways off that path.
 */
@SpringBootTest
class ServiceOrdersTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ServiceOrders orders;

	@Autowired
	MetricCatalog metrics;

	ServiceOrderFixture f;

	@BeforeEach
	void tree() {
		f = ServiceOrderFixture.create(context);
	}

	@Test
	void orderGoesFromResidentDownTheTreeToATeamAndIsRated() {
		long id = f.as("resident", () -> orders.create(f.order(f.city)));
		ServiceOrder placed = f.as("resident", () -> orders.get(id));
		assertThat(placed.status()).isEqualTo(PENDING_REVIEW);
		assertThat(placed.personId()).isEqualTo(f.personOf("resident"));
		assertThat(placed.phoneMasked()).isEqualTo("139****5678");
		assertThat(placed.addressMasked()).endsWith("****").doesNotContain("201");
		byte[] phoneCipher = f.jdbc.sql("select phone_cipher from service_order where id = ?").param(id)
			.query(byte[].class).single();
		assertThat(new String(phoneCipher, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("13912345678");
		assertThat(f.notificationsOf("city")).containsExactly("新的群众点单：家电维修");

		assertThat(f.as("city", () -> orders.review(id, true, null)).status()).isEqualTo(PENDING_DISPATCH);
		ServiceOrder toDistrict = f.as("city", () -> orders.dispatch(id, null, f.district.id()));
		assertThat(toDistrict.status()).isEqualTo(DISPATCHED);
		assertThat(toDistrict.handlerOrgId()).isEqualTo(f.district.id());
		assertThat(toDistrict.teamId()).isNull();
		ServiceOrder toStreet = f.as("district", () -> orders.dispatch(id, null, f.street.id()));
		assertThat(toStreet.handlerOrgId()).isEqualTo(f.street.id());
		assertThat(f.notificationsOf("street")).containsExactly("上级派单：家电维修");
		ServiceOrder toTeam = f.as("street", () -> orders.dispatch(id, f.teamA, null));
		assertThat(toTeam.status()).isEqualTo(DISPATCHED);
		assertThat(toTeam.teamId()).isEqualTo(f.teamA);
		assertThat(f.notificationsOf("leader")).containsExactly("新派单：家电维修");
		assertThat(f.as("leader", () -> orders.ofMyTeams())).extracting(ServiceOrder::id).containsExactly(id);

		ServiceOrder accepted = f.as("leader", () -> orders.accept(id));
		assertThat(accepted.status()).isEqualTo(ACCEPTED);
		assertThat(accepted.activityId()).isNotNull();
		var activity = f.jdbc.sql("select type, organizer_org_id, team_id, status, audience, audience_team_id, "
				+ "starts_at = ? from activity where id = ?")
			.params(toTeam.desiredFrom(), accepted.activityId())
			.query((rs, i) -> List.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getLong(6), rs.getBoolean(7)))
			.single();
		assertThat(activity).containsExactly("VOLUNTEER_SERVICE", f.communityA.id(), f.teamA, "OPEN", "TEAM_MEMBERS",
				f.teamA, true);

		assertThat(f.as("leader", () -> orders.start(id)).status()).isEqualTo(IN_SERVICE);
		ServiceOrder finished = f.as("leader", () -> orders.finish(id, "已上门修好电视机，更换了信号线"));
		assertThat(finished.status()).isEqualTo(PENDING_RATING);
		assertThat(finished.report()).isEqualTo("已上门修好电视机，更换了信号线");
		ServiceOrder rated = f.as("resident", () -> orders.rate(id, 5, "服务很及时"));
		assertThat(rated.status()).isEqualTo(COMPLETED);
		assertThat(rated.rating()).isEqualTo(5);
		assertThat(rated.completedAt()).isNotNull();

		ServiceOrderDetails details = f.as("resident", () -> orders.details(id));
		assertThat(details.events()).extracting(ServiceOrderEvent::action)
			.containsExactly("ORDERED", "APPROVED", "PASSED_DOWN", "PASSED_DOWN", "DISPATCHED", "ACCEPTED", "STARTED",
					"FINISHED", "RATED");
		assertThat(details.events()).extracting(ServiceOrderEvent::status)
			.containsExactly(PENDING_REVIEW, PENDING_DISPATCH, DISPATCHED, DISPATCHED, DISPATCHED, ACCEPTED, IN_SERVICE,
					PENDING_RATING, COMPLETED);
		assertThat(f.notificationsOf("resident")).containsExactly("点单已受理：家电维修", "点单已派出：家电维修",
				"已接单：家电维修", "开始服务：家电维修", "服务结束，请评价：家电维修");
		assertThat(f.notificationsOf("leader")).contains("群众评单：家电维修");
		assertThat(f.as("resident", () -> orders.mine())).extracting(ServiceOrder::id).contains(id);
	}

	@Test
	void siteRejectsWithAReasonAndNothingMoreHappens() {
		long id = f.as("resident", () -> orders.create(f.order(null)));
		assertThat(f.as("resident", () -> orders.get(id)).siteOrgId()).as("the resident's community")
			.isEqualTo(f.communityA.id());
		expect(() -> f.as("communityA", () -> orders.review(id, false, " ")), HttpStatus.UNPROCESSABLE_CONTENT,
				"serviceOrder.reason.required");
		expect(() -> f.as("west", () -> orders.review(id, false, "不在本区")), HttpStatus.NOT_FOUND, "error.notFound");

		ServiceOrder rejected = f.as("communityA", () -> orders.review(id, false, "该服务需到社区卫生服务站办理"));
		assertThat(rejected.status()).isEqualTo(REJECTED);
		assertThat(rejected.rejectReason()).isEqualTo("该服务需到社区卫生服务站办理");
		assertThat(f.notificationsOf("resident")).containsExactly("点单未通过：家电维修");
		expect(() -> f.as("communityA", () -> orders.review(id, true, null)), HttpStatus.CONFLICT,
				"serviceOrder.review.illegal");
		expect(() -> f.as("resident", () -> orders.cancel(id, null)), HttpStatus.CONFLICT, "serviceOrder.cancel.illegal");
	}

	@Test
	void residentCancelsBeforeAcceptanceOnly() {
		long early = f.as("resident", () -> orders.create(f.order(null)));
		expect(() -> f.as("other", () -> orders.cancel(early, null)), HttpStatus.NOT_FOUND, "error.notFound");
		assertThat(f.as("resident", () -> orders.cancel(early, "已经修好了")).status()).isEqualTo(CANCELLED);
		assertThat(f.notificationsOf("communityA")).contains("群众取消订单：家电维修");

		long late = dispatchedToTeamA();
		f.as("leader", () -> orders.accept(late));
		expect(() -> f.as("resident", () -> orders.cancel(late, null)), HttpStatus.CONFLICT,
				"serviceOrder.cancel.illegal");
	}

	@Test
	void declinedOrderReturnsToTheDispatchersQueue() {
		long id = f.as("resident", () -> orders.create(f.order(f.street)));
		f.as("street", () -> orders.review(id, true, null));
		f.as("street", () -> orders.dispatch(id, f.teamA, null));
		expect(() -> f.as("leaderB", () -> orders.accept(id)), HttpStatus.NOT_FOUND, "error.notFound");
		expect(() -> f.as("leader", () -> orders.decline(id, "")), HttpStatus.UNPROCESSABLE_CONTENT,
				"serviceOrder.reason.required");

		ServiceOrder declined = f.as("leader", () -> orders.decline(id, "本周队员都在外地"));
		assertThat(declined.status()).isEqualTo(PENDING_DISPATCH);
		assertThat(declined.handlerOrgId()).isEqualTo(f.street.id());
		assertThat(declined.teamId()).isNull();
		assertThat(declined.declineReason()).isEqualTo("本周队员都在外地");
		assertThat(f.notificationsOf("street")).contains("服务队退单：家电维修");
		expect(() -> f.as("leader", () -> orders.accept(id)), HttpStatus.NOT_FOUND, "error.notFound");

		ServiceOrder again = f.as("street", () -> orders.dispatch(id, f.teamB, null));
		assertThat(again.teamId()).isEqualTo(f.teamB);
		assertThat(f.as("leaderB", () -> orders.accept(id)).status()).isEqualTo(ACCEPTED);
	}

	@Test
	void dispatchStaysInTheDispatchersSubtree() {
		long id = f.as("resident", () -> orders.create(f.order(f.communityA)));
		f.as("communityA", () -> orders.review(id, true, null));
		expect(() -> f.as("communityA", () -> orders.dispatch(id, f.teamB, null)), HttpStatus.UNPROCESSABLE_CONTENT,
				"serviceOrder.dispatch.team.unknown");
		expect(() -> f.as("communityA", () -> orders.dispatch(id, null, f.street.id())),
				HttpStatus.UNPROCESSABLE_CONTENT, "serviceOrder.dispatch.org.unknown");
		expect(() -> f.as("communityA", () -> orders.dispatch(id, f.teamA, f.street.id())),
				HttpStatus.UNPROCESSABLE_CONTENT, "serviceOrder.dispatch.target");
		expect(() -> f.as("resident", () -> orders.dispatch(id, f.teamA, null)), HttpStatus.FORBIDDEN,
				"error.forbidden");
		expect(() -> f.as("inspector", () -> orders.dispatch(id, f.teamA, null)), HttpStatus.NOT_FOUND,
				"error.notFound");
		assertThat(f.as("communityA", () -> orders.teamsFor(id))).extracting(ServiceOrders.DispatchTarget::id)
			.containsExactly(f.teamA);
		assertThat(f.as("communityA", () -> orders.dispatch(id, f.teamA, null)).teamId()).isEqualTo(f.teamA);
	}

	@Test
	void residentChasesAtMostOnceAnHour() {
		long id = f.as("resident", () -> orders.create(f.order(null)));
		ServiceOrder chased = f.as("resident", () -> orders.chase(id));
		assertThat(chased.chaseCount()).isEqualTo(1);
		assertThat(f.notificationsOf("communityA")).contains("群众催单：家电维修");
		expect(() -> f.as("resident", () -> orders.chase(id)), HttpStatus.CONFLICT, "serviceOrder.chase.tooSoon");
		assertThat(f.as("resident", () -> orders.get(id)).chaseCount()).isEqualTo(1);

		f.jdbc.sql("update service_order set last_chased_at = last_chased_at - interval '61 minutes' where id = ?")
			.param(id)
			.update();
		assertThat(f.as("resident", () -> orders.chase(id)).chaseCount()).isEqualTo(2);
		expect(() -> f.as("other", () -> orders.chase(id)), HttpStatus.NOT_FOUND, "error.notFound");
	}

	@Test
	void staffOrderForACareRecipientInTheirScopeOnly() {
		NewServiceOrder forElder = new NewServiceOrder(f.category, null, f.order(null).desiredFrom(),
				f.order(null).desiredTo(), "帮老人修助听器", "13800001111", null, f.careRecipient, false);
		long id = f.as("communityA", () -> orders.create(forElder));
		ServiceOrder order = f.as("communityA", () -> orders.get(id));
		assertThat(order.careRecipientId()).isEqualTo(f.careRecipient);
		assertThat(order.siteOrgId()).isEqualTo(f.communityA.id());
		assertThat(order.orderedBy()).isEqualTo(f.user("communityA"));
		assertThat(order.phoneMasked()).isEqualTo("138****1111");

		expect(() -> f.as("west", () -> orders.create(forElder)), HttpStatus.NOT_FOUND, "error.notFound");
		expect(() -> f.as("resident", () -> orders.create(forElder)), HttpStatus.NOT_FOUND, "error.notFound");
		expect(() -> f.as("inspector", () -> orders.create(forElder)), HttpStatus.NOT_FOUND, "error.notFound");
	}

	@Test
	void badInputIsRefusedWithAMessage() {
		NewServiceOrder good = f.order(null);
		expect(() -> f.as("resident", () -> orders.create(new NewServiceOrder(null, null, good.desiredFrom(),
				good.desiredTo(), good.description(), good.phone(), null, null, false))),
				HttpStatus.UNPROCESSABLE_CONTENT, "serviceOrder.category.required");
		expect(() -> f.as("resident", () -> orders.create(new NewServiceOrder(good.categoryId(), null, good.desiredTo(),
				good.desiredFrom(), good.description(), good.phone(), null, null, false))),
				HttpStatus.UNPROCESSABLE_CONTENT, "serviceOrder.window.order");
		expect(() -> f.as("resident", () -> orders.create(new NewServiceOrder(good.categoryId(), null,
				good.desiredFrom(), good.desiredTo(), good.description(), "12345", null, null, false))),
				HttpStatus.UNPROCESSABLE_CONTENT, "serviceOrder.phone.format");
		expect(() -> f.as("resident", () -> orders.create(new NewServiceOrder(good.categoryId(), null,
				good.desiredFrom(), good.desiredTo(), good.description(), good.phone(), null, null, true))),
				HttpStatus.FORBIDDEN, "error.forbidden");
		long id = f.as("resident", () -> orders.create(good));
		f.as("communityA", () -> orders.review(id, true, null));
		expect(() -> f.as("resident", () -> orders.rate(id, 5, null)), HttpStatus.CONFLICT, "serviceOrder.rate.illegal");
	}

	@Test
	void staffCloseAnUnratedOrderOnlyAfterTheConfiguredDays() {
		long id = dispatchedToTeamA();
		f.as("leader", () -> orders.accept(id));
		f.as("leader", () -> orders.start(id));
		f.as("leader", () -> orders.finish(id, null));
		expect(() -> f.as("communityA", () -> orders.closeUnrated(id)), HttpStatus.CONFLICT,
				"serviceOrder.close.tooEarly");
		f.jdbc.sql("update service_order set finished_at = finished_at - interval '7 days 1 minute' where id = ?")
			.param(id)
			.update();
		expect(() -> f.as("resident", () -> orders.closeUnrated(id)), HttpStatus.FORBIDDEN, "error.forbidden");
		ServiceOrder closed = f.as("communityA", () -> orders.closeUnrated(id));
		assertThat(closed.status()).isEqualTo(COMPLETED);
		assertThat(closed.rating()).isNull();
		expect(() -> f.as("resident", () -> orders.rate(id, 5, null)), HttpStatus.CONFLICT, "serviceOrder.rate.illegal");
	}

	@Test
	void metricsCountCompletedOrdersAndTheShareRatedFourOrFive() {
		long five = dispatchedToTeamA();
		long three = dispatchedToTeamA();
		for (long id : List.of(five, three)) {
			f.as("leader", () -> orders.accept(id));
			f.as("leader", () -> orders.start(id));
			f.as("leader", () -> orders.finish(id, null));
		}
		f.as("resident", () -> orders.rate(five, 5, null));
		MetricQuery today = new MetricQuery(f.city.id(), f.city.path(), java.time.LocalDate.now().minusDays(1),
				java.time.LocalDate.now().plusDays(1));
		assertThat(metrics.compute("service_order.completed", today)).contains(java.math.BigDecimal.ONE);
		assertThat(metrics.compute("service_order.satisfaction", today)).contains(new java.math.BigDecimal("100.0"));
		f.as("resident", () -> orders.rate(three, 3, "来晚了"));
		assertThat(metrics.compute("service_order.completed", today)).contains(java.math.BigDecimal.valueOf(2));
		assertThat(metrics.compute("service_order.satisfaction", today)).contains(new java.math.BigDecimal("50.0"));
		MetricQuery west = new MetricQuery(f.west.id(), f.west.path(), today.from(), today.to());
		assertThat(metrics.compute("service_order.completed", west)).contains(java.math.BigDecimal.ZERO);
		assertThat(metrics.compute("service_order.satisfaction", west)).contains(new java.math.BigDecimal("0.0"));
	}

	long dispatchedToTeamA() {
		long id = f.as("resident", () -> orders.create(f.order(null)));
		f.as("communityA", () -> orders.review(id, true, null));
		f.as("communityA", () -> orders.dispatch(id, f.teamA, null));
		return id;
	}

	static void expect(Runnable call, HttpStatus status, String code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class, ex -> {
			assertThat(ex.status()).isEqualTo(status);
			assertThat(ex.code()).isEqualTo(code);
		});
	}

}
