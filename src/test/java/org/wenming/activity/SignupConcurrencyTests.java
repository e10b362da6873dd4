package org.wenming.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500 people sign up at once for 100 places: exactly 100 get one and 400 wait, numbered 1 to 400
 * in the order they arrived; places given back go to the waiting list in that order.
 */
@SpringBootTest
class SignupConcurrencyTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Activities activities;

	@Autowired
	Signups signups;

	@Autowired
	JdbcClient jdbc;

	@Test
	void fiveHundredConcurrentSignupsForAHundredPlaces() throws Exception {
		ActivityFixture f = ActivityFixture.create(context);
		Activity activity = f.open(ActivityFixture.draft(f.communityA, "学雷锋日", 24, 100), activities);
		List<Long> people = f.people(f.communityA, 500);
		CountDownLatch start = new CountDownLatch(1);
		List<Callable<SignupResult>> calls = new ArrayList<>();
		for (long person : people) {
			calls.add(() -> {
				start.await();
				return signups.signUp(activity.id(), person);
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(500);
		List<Future<SignupResult>> futures;
		try {
			futures = calls.stream().map(pool::submit).toList();
			start.countDown();
			List<SignupResult> results = new ArrayList<>();
			for (Future<SignupResult> future : futures) {
				results.add(future.get());
			}

			assertThat(results).filteredOn(r -> r.status() == SignupStatus.CONFIRMED).hasSize(100);
			assertThat(results).filteredOn(r -> r.status() == SignupStatus.WAITLISTED).extracting(SignupResult::position)
				.containsExactlyInAnyOrderElementsOf(range(1, 400));
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(f.as("unitA", () -> activities.get(activity.id())).confirmedCount()).isEqualTo(100);
		List<Signup> list = f.as("unitA", () -> signups.ofActivity(activity.id()));
		List<Signup> waiting = list.stream().filter(s -> s.status() == SignupStatus.WAITLISTED).toList();
		assertThat(waiting).extracting(Signup::position).containsExactlyElementsOf(range(1, 400));
		List<Long> bySeq = jdbc.sql("""
				select person_id from activity_signup where activity_id = ? and status = 'WAITLISTED' order by seq""")
			.param(activity.id()).query(Long.class).list();
		assertThat(waiting).extracting(Signup::personId).containsExactlyElementsOf(bySeq);

		// Ten confirmed people give their places back: the first ten waiting take them, in order.
		List<Long> confirmed = list.stream().filter(s -> s.status() == SignupStatus.CONFIRMED).map(Signup::personId).toList();
		for (int i = 0; i < 10; i++) {
			signups.cancel(activity.id(), confirmed.get(i));
		}
		List<Signup> after = f.as("unitA", () -> signups.ofActivity(activity.id()));
		assertThat(after).filteredOn(s -> s.status() == SignupStatus.CONFIRMED).extracting(Signup::personId)
			.hasSize(100).containsAll(bySeq.subList(0, 10));
		assertThat(after).filteredOn(s -> s.status() == SignupStatus.WAITLISTED).extracting(Signup::personId)
			.containsExactlyElementsOf(bySeq.subList(10, 400));
		assertThat(f.as("unitA", () -> activities.get(activity.id())).confirmedCount()).isEqualTo(100);
	}

	private static List<Integer> range(int from, int to) {
		List<Integer> numbers = new ArrayList<>();
		for (int i = from; i <= to; i++) {
			numbers.add(i);
		}
		return numbers;
	}

}
