package org.wenming.volunteer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty people with enough points order the last item at once: exactly one gets it, the others are
 * told it is out of stock, and nobody loses points.
 */
@SpringBootTest
class RedemptionConcurrencyTests {

	private static final int PEOPLE = 50;

	@Autowired
	StoreItems items;

	@Autowired
	Redemptions redemptions;

	@Autowired
	Points points;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void lastItemGoesToExactlyOneOfFiftyConcurrentOrders() throws Exception {
		StoreFixture f = StoreFixture.create(orgs, people, accounts, users, jdbc, transactions, events);
		List<Long> persons = IntStream.range(0, PEOPLE).mapToObj(i -> f.resident(f.a())).toList();
		persons.forEach(person -> f.credit(person, "5"));
		StoreItem item = f.as(f.unitA(),
				() -> items.create(new StoreItemCommand(f.a().id(), "电饭煲", null, 40, 1, true)));

		ExecutorService pool = Executors.newFixedThreadPool(PEOPLE);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<String>> outcomes = new ArrayList<>();
		for (long person : persons) {
			outcomes.add(pool.submit(() -> {
				start.await();
				try {
					f.asPerson(person, () -> redemptions.redeem(item.id()));
					return "ORDERED";
				}
				catch (DomainException ex) {
					return ex.code();
				}
			}));
		}
		start.countDown();
		List<String> results = new ArrayList<>();
		for (Future<String> outcome : outcomes) {
			results.add(outcome.get(60, TimeUnit.SECONDS));
		}
		pool.shutdown();

		assertThat(results.stream().filter("ORDERED"::equals).count()).isEqualTo(1);
		assertThat(results.stream().filter("store.item.outOfStock"::equals).count()).isEqualTo(PEOPLE - 1);
		assertThat(items.find(item.id()).stock()).isZero();
		long balances = persons.stream().mapToLong(points::balance).sum();
		assertThat(balances).isEqualTo(PEOPLE * 50L - 40);
		for (long person : persons) {
			assertThat(points.balance(person)).isEqualTo(f.ledgerSum(person));
		}
		long orders = jdbc.sql("select count(*) from store_redemption where item_id = ?").param(item.id())
			.query(Long.class).single();
		assertThat(orders).isEqualTo(1);
	}

}
