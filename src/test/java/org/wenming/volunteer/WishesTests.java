package org.wenming.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.People;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wenming.volunteer.ServiceOrderStatus.*;
import static org.wenming.volunteer.ServiceOrdersTests.expect;

/**
 * Wishes (微心愿): placed by staff for a care recipient, claimed by one registered volunteer (and by
 * one only, however many try at once), then served and rated like any order.
 */
@SpringBootTest
class WishesTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ServiceOrders orders;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	ServiceOrderFixture f;

	@BeforeEach
	void tree() {
		f = ServiceOrderFixture.create(context);
	}

	@Test
	void registeredVolunteerClaimsServesAndTheWishIsRated() {
		long id = f.as("communityA", () -> orders.create(f.wish()));
		ServiceOrder wish = f.as("communityA", () -> orders.get(id));
		assertThat(wish.wish()).isTrue();
		assertThat(wish.status()).isEqualTo(PENDING_DISPATCH);
		assertThat(wish.careRecipientId()).isEqualTo(f.careRecipient);

		f.volunteer("other", "ACTIVE");
		f.volunteer("resident", "PENDING");
		assertThat(f.as("other", () -> orders.openWishes())).extracting(ServiceOrder::id).contains(id);
		// Not allowed to see the wish: the same answer as for a wish that does not exist.
		expect(() -> f.as("resident", () -> orders.claim(id)), HttpStatus.NOT_FOUND, "error.notFound");
		expect(() -> f.as("resident", () -> orders.claim(Long.MAX_VALUE)), HttpStatus.NOT_FOUND, "error.notFound");
		expect(() -> f.as("leader", () -> orders.claim(id)), HttpStatus.NOT_FOUND, "error.notFound");
		expect(() -> f.as("communityA", () -> orders.dispatch(id, f.teamA, null)), HttpStatus.CONFLICT,
				"serviceOrder.dispatch.wish");

		ServiceOrder claimed = f.as("other", () -> orders.claim(id));
		assertThat(claimed.status()).isEqualTo(ACCEPTED);
		assertThat(claimed.handlerPersonId()).isEqualTo(f.personOf("other"));
		assertThat(claimed.teamId()).isNull();
		assertThat(f.as("other", () -> orders.openWishes())).extracting(ServiceOrder::id).doesNotContain(id);
		assertThat(f.as("other", () -> orders.claimedByMe())).extracting(ServiceOrder::id).containsExactly(id);
		assertThat(f.notificationsOf("communityA")).contains("微心愿已被认领：家电维修");

		expect(() -> f.as("leader", () -> orders.start(id)), HttpStatus.NOT_FOUND, "error.notFound");
		f.as("other", () -> orders.start(id));
		f.as("other", () -> orders.finish(id, null));
		ServiceOrder reported = f.as("other", () -> orders.report(id, "助听器已送修并取回，老人试戴正常"));
		assertThat(reported.report()).isEqualTo("助听器已送修并取回，老人试戴正常");
		ServiceOrder rated = f.as("communityA", () -> orders.rate(id, 4, "老人很满意"));
		assertThat(rated.status()).isEqualTo(COMPLETED);
		assertThat(f.as("communityA", () -> orders.details(id)).events()).extracting(ServiceOrderEvent::action)
			.containsExactly("WISHED", "CLAIMED", "STARTED", "FINISHED", "REPORTED", "RATED");
	}

	@Test
	void onlyStaffInScopePlaceWishes() {
		expect(() -> f.as("west", () -> orders.create(f.wish())), HttpStatus.NOT_FOUND, "error.notFound");
		expect(() -> f.as("resident", () -> orders.create(f.wish())), HttpStatus.NOT_FOUND, "error.notFound");
	}

	@Test
	void twentyVolunteersClaimAtOnceAndOneGetsIt() throws Exception {
		long id = f.as("communityA", () -> orders.create(f.wish()));
		List<String> volunteers = DataScopes.asSystem(() -> {
			List<String> names = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				String name = "v" + i;
				long person = people.create(ServiceOrderFixture.person("志愿者" + i, f.communityA.id()));
				accounts.create(person, f.user(name), ServiceOrderFixture.PASSWORD, List.of());
				f.volunteer(name, "ACTIVE");
				names.add(name);
			}
			return names;
		});

		ExecutorService pool = Executors.newFixedThreadPool(20);
		CountDownLatch start = new CountDownLatch(1);
		ConcurrentLinkedQueue<String> outcomes = new ConcurrentLinkedQueue<>();
		List<Future<?>> futures = new ArrayList<>();
		for (String name : volunteers) {
			futures.add(pool.submit(() -> {
				start.await();
				try {
					f.as(name, () -> orders.claim(id));
					outcomes.add("claimed");
				}
				catch (DomainException ex) {
					outcomes.add(ex.code());
				}
				return null;
			}));
		}
		start.countDown();
		for (Future<?> future : futures) {
			future.get(60, TimeUnit.SECONDS);
		}
		pool.shutdown();

		assertThat(outcomes).hasSize(20);
		assertThat(outcomes.stream().filter("claimed"::equals)).hasSize(1);
		assertThat(outcomes.stream().filter("serviceOrder.claim.taken"::equals)).hasSize(19);
		ServiceOrder wish = f.as("communityA", () -> orders.get(id));
		assertThat(wish.status()).isEqualTo(ACCEPTED);
		assertThat(volunteers.stream().map(f::personOf)).contains(wish.handlerPersonId());
		assertThat(f.jdbc.sql("select count(*) from service_order_event where order_id = ? and action = 'CLAIMED'")
			.param(id).query(Long.class).single()).isEqualTo(1);
	}

}
