package org.wenming.volunteer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The points store against the real database: ordering, collecting by pickup code, cancelling with
 * refund and restock, and the refusals.
 */
@SpringBootTest
class StoreTests {

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

	StoreFixture f;

	@BeforeEach
	void fixture() {
		f = StoreFixture.create(orgs, people, accounts, users, jdbc, transactions, events);
	}

	private StoreItem item(int price, int stock) {
		return f.as(f.unitA(), () -> items.create(new StoreItemCommand(f.a().id(), "洗衣液", "一瓶", price, stock, true)));
	}

	@Test
	void orderTakesPointsAndStockAndGivesAPickupCode() {
		long person = f.resident(f.a());
		f.credit(person, "10");
		StoreItem item = item(30, 2);

		Redemption order = f.asPerson(person, () -> redemptions.redeem(item.id()));

		assertThat(order.status()).isEqualTo(RedemptionStatus.ORDERED);
		assertThat(order.code()).hasSize(8).matches("[2-9A-Z]+");
		assertThat(order.points()).isEqualTo(30);
		assertThat(points.balance(person)).isEqualTo(70).isEqualTo(f.ledgerSum(person));
		assertThat(items.find(item.id()).stock()).isEqualTo(1);
		assertThat(f.asPerson(person, () -> redemptions.mine())).extracting(Redemption::id).containsExactly(order.id());
	}

	@Test
	void staffOfTheStoreCollectAnOrderByItsCode() {
		long person = f.resident(f.a());
		f.credit(person, "10");
		StoreItem item = item(30, 2);
		Redemption order = f.asPerson(person, () -> redemptions.redeem(item.id()));

		assertThatThrownBy(() -> f.as(f.unitB(), () -> redemptions.collect(order.code())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		Redemption collected = f.as(f.unitA(), () -> redemptions.collect(order.code().toLowerCase()));

		assertThat(collected.status()).isEqualTo(RedemptionStatus.COLLECTED);
		assertThat(collected.collectedAt()).isNotNull();
		assertThatThrownBy(() -> f.as(f.unitA(), () -> redemptions.collect(order.code())))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("store.redemption.unknownCode"));
		assertThatThrownBy(() -> f.asPerson(person, () -> redemptions.cancel(order.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
	}

	@Test
	void cancellingRefundsThePointsAndRestoresTheStock() {
		long person = f.resident(f.a());
		f.credit(person, "10");
		StoreItem item = item(30, 1);
		Redemption mine = f.asPerson(person, () -> redemptions.redeem(item.id()));

		Redemption cancelled = f.asPerson(person, () -> redemptions.cancel(mine.id()));

		assertThat(cancelled.status()).isEqualTo(RedemptionStatus.CANCELLED);
		assertThat(points.balance(person)).isEqualTo(100).isEqualTo(f.ledgerSum(person));
		assertThat(items.find(item.id()).stock()).isEqualTo(1);
		assertThat(points.statement(person).entries().get(0).kind()).isEqualTo(PointsKind.REFUND);

		Redemption again = f.asPerson(person, () -> redemptions.redeem(item.id()));
		f.as(f.unitA(), () -> redemptions.cancel(again.id()));
		assertThat(points.balance(person)).isEqualTo(100);
		assertThat(items.find(item.id()).stock()).isEqualTo(1);
	}

	@Test
	void someoneElseCannotCancelAnOrder() {
		long person = f.resident(f.a());
		long other = f.resident(f.a());
		f.credit(person, "10");
		StoreItem item = item(30, 1);
		Redemption order = f.asPerson(person, () -> redemptions.redeem(item.id()));

		assertThatThrownBy(() -> f.asPerson(other, () -> redemptions.cancel(order.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatThrownBy(() -> f.as(f.unitB(), () -> redemptions.cancel(order.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThat(points.balance(person)).isEqualTo(70);
	}

	@Test
	void notEnoughPointsIsRefusedAndTakesNothing() {
		long person = f.resident(f.a());
		f.credit(person, "2");
		StoreItem item = item(30, 1);

		assertThatThrownBy(() -> f.asPerson(person, () -> redemptions.redeem(item.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
				assertThat(ex.code()).isEqualTo("store.points.notEnough");
			});
		assertThat(points.balance(person)).isEqualTo(20);
		assertThat(items.find(item.id()).stock()).isEqualTo(1);
	}

	@Test
	void inactiveOrUnknownItemIsNotFoundAndEmptyStockIsAConflict() {
		long person = f.resident(f.a());
		f.credit(person, "10");
		StoreItem item = item(30, 1);
		f.as(f.unitA(), () -> items.update(item.id(), new StoreItemCommand(null, "洗衣液", null, 30, 1, false)));
		StoreItem empty = item(10, 0);

		assertThatThrownBy(() -> f.asPerson(person, () -> redemptions.redeem(item.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatThrownBy(() -> f.asPerson(person, () -> redemptions.redeem(-1)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatThrownBy(() -> f.asPerson(person, () -> redemptions.redeem(empty.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.CONFLICT));
		assertThat(items.active(f.a().id())).extracting(StoreItem::id).containsExactly(empty.id());
		assertThat(points.balance(person)).isEqualTo(100);
	}

	@Test
	void staffKeepOnlyTheItemsOfTheirScope() {
		StoreItem item = item(30, 1);

		assertThatThrownBy(() -> f.as(f.unitB(), () -> items.get(item.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatThrownBy(() -> f.as(f.unitB(),
				() -> items.create(new StoreItemCommand(f.a().id(), "毛巾", null, 5, 5, true))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		assertThatThrownBy(() -> f.as(f.unitA(),
				() -> items.create(new StoreItemCommand(f.a().id(), "毛巾", null, 5, -1, true))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("stock"));
		assertThat(f.as(f.unitB(), () -> items.managed())).extracting(StoreItem::id).doesNotContain(item.id());
		assertThat(f.as(f.unitA(), () -> items.managed())).extracting(StoreItem::id).contains(item.id());
	}

}
