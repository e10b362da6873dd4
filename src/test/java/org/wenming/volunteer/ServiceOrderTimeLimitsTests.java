package org.wenming.volunteer;

import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.metric.MetricCatalog;
import org.wenming.metric.MetricQuery;
import org.wenming.plan.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time limits, with a clock the test moves: an approved order not dispatched within 24 hours is
 * flagged, its queue's admins told and the org above told, once; after dispatching, the 48 hours to
 * acceptance are watched afresh.
 */
@SpringBootTest
@Import(MutableClock.Config.class)
class ServiceOrderTimeLimitsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ServiceOrders orders;

	@Autowired
	ServiceOrderTimeLimits limits;

	@Autowired
	MetricCatalog metrics;

	@Autowired
	ServiceOrderProperties properties;

	@Autowired
	MutableClock clock;

	ServiceOrderFixture f;

	LocalDateTime t0;

	@BeforeEach
	void tree() {
		f = ServiceOrderFixture.create(context);
		t0 = LocalDateTime.now(MutableClock.ZONE).withNano(0);
		clock.set(t0);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void defaultsAreADayToDispatchAndTwoToAccept() {
		assertThat(properties.dispatchWithin()).hasHours(24);
		assertThat(properties.acceptWithin()).hasHours(48);
	}

	@Test
	void orderNotDispatchedWithinADayIsFlaggedAndEscalatedOnce() {
		long id = approvedOrder();

		clock.set(t0.plusHours(23).plusMinutes(59));
		limits.run();
		assertThat(f.as("communityA", () -> orders.get(id)).overdueSince()).isNull();
		assertThat(f.notificationsOf("street")).isEmpty();

		clock.set(t0.plusHours(24).plusMinutes(1));
		limits.run();
		clock.set(t0.plusHours(30));
		limits.run();

		ServiceOrder order = f.as("communityA", () -> orders.get(id));
		assertThat(order.overdueSince()).isNotNull();
		assertThat(order.escalatedAt()).isNotNull();
		assertThat(f.notificationsOf("communityA")).containsOnlyOnce("订单超时未派：家电维修");
		assertThat(f.notificationsOf("street")).containsExactly("下级订单超时未派：家电维修");
		assertThat(f.notificationsOf("district")).as("only the org above").isEmpty();
		assertThat(f.as("communityA", () -> orders.details(id)).events()).extracting(ServiceOrderEvent::action)
			.containsOnlyOnce("OVERDUE");
		assertThat(metrics.compute("service_order.overdue", new MetricQuery(f.city.id(), f.city.path(),
				t0.toLocalDate(), t0.toLocalDate().plusDays(2)))).contains(java.math.BigDecimal.ONE);
	}

	@Test
	void dispatchedOrderNotAcceptedWithinTwoDaysIsFlaggedAfresh() {
		long id = approvedOrder();
		clock.set(t0.plusHours(25));
		limits.run();
		f.as("communityA", () -> orders.dispatch(id, f.teamA, null));
		assertThat(f.as("communityA", () -> orders.get(id)).overdueSince()).as("dispatching clears the flag").isNull();

		clock.set(t0.plusHours(25 + 47));
		limits.run();
		assertThat(f.as("communityA", () -> orders.get(id)).overdueSince()).isNull();

		clock.set(t0.plusHours(25 + 48).plusMinutes(1));
		limits.run();
		limits.run();
		assertThat(f.as("communityA", () -> orders.get(id)).overdueSince()).isNotNull();
		assertThat(f.notificationsOf("leader")).containsSubsequence("新派单：家电维修", "订单超时未接：家电维修")
			.containsOnlyOnce("订单超时未接：家电维修");
		assertThat(f.notificationsOf("street")).containsExactly("下级订单超时未派：家电维修", "下级订单超时未接：家电维修");
	}

	@Test
	void ordersPendingReviewOrAcceptedAreNeverOverdue() {
		long pending = f.as("resident", () -> orders.create(f.order(null)));
		long accepted = approvedOrder();
		f.as("communityA", () -> orders.dispatch(accepted, f.teamA, null));
		f.as("leader", () -> orders.accept(accepted));

		clock.set(t0.plusDays(10));
		limits.run();
		assertThat(f.as("communityA", () -> orders.get(pending)).overdueSince()).isNull();
		assertThat(f.as("communityA", () -> orders.get(accepted)).overdueSince()).isNull();
	}

	private long approvedOrder() {
		long id = f.as("resident", () -> orders.create(f.order(null)));
		f.as("communityA", () -> orders.review(id, true, null));
		return id;
	}

}
