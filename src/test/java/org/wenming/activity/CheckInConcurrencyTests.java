package org.wenming.activity;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wenming.activity.CheckIns.Scan;
import org.wenming.plan.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** 200 check-ins of one person at once, against the real database, leave one attendance. */
@SpringBootTest
@Import(MutableClock.Config.class)
class CheckInConcurrencyTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CheckInTokens tokens;

	@Autowired
	CheckIns checkIns;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void twoHundredConcurrentCheckInsOfOnePersonMakeOneAttendance() throws Exception {
		HoursFixture f = new HoursFixture(context);
		LocalDate day = LocalDate.now().plusYears(2).plusDays(f.tag.hashCode() & 127);
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		f.signUp(activity, volunteer);
		clock.set(day.atTime(9, 1));
		CheckInTokens.Token token = f.as(f.leader, () -> tokens.current(activity));
		Scan scan = new Scan(token.token(), null, null, null);

		ExecutorService pool = Executors.newFixedThreadPool(200);
		CountDownLatch start = new CountDownLatch(1);
		Set<Long> ids = ConcurrentHashMap.newKeySet();
		List<Future<?>> calls = new ArrayList<>();
		try {
			for (int i = 0; i < 200; i++) {
				calls.add(pool.submit(() -> {
					start.await();
					ids.add(f.as(volunteer, () -> checkIns.checkIn(activity, scan)).id());
					return null;
				}));
			}
			start.countDown();
			for (Future<?> call : calls) {
				call.get();
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(ids).hasSize(1);
		assertThat(jdbc.sql("select count(*) from attendance where activity_id = ?").param(activity).query(Long.class)
			.single()).isEqualTo(1);
	}

}
