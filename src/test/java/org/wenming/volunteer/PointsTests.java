package org.wenming.volunteer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.platform.DomainException;
import org.wenming.platform.database.OwnerDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The points ledger against the real database: points for hours as the hours ledger publishes them,
 * corrections that never take the balance below zero, bonuses, and a balance that always equals the
 * sum of its entries.
 */
@SpringBootTest
class PointsTests {

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
	ApplicationContext context;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	StoreFixture f;

	@BeforeEach
	void fixture() {
		f = StoreFixture.create(orgs, people, accounts, users, jdbc, transactions, events);
	}

	@Test
	void confirmedHoursEarnTenPointsAnHourRoundedDown() {
		long person = f.resident(f.a());

		long entry = f.credit(person, "2.55");

		PointsStatement statement = points.statement(person);
		assertThat(statement.balance()).isEqualTo(25);
		assertThat(statement.entries()).singleElement().satisfies(e -> {
			assertThat(e.kind()).isEqualTo(PointsKind.HOURS);
			assertThat(e.delta()).isEqualTo(25);
			assertThat(e.balanceAfter()).isEqualTo(25);
			assertThat(e.hoursEntryId()).isEqualTo(entry);
		});
	}

	@Test
	void hoursEntryRecordedTwiceEarnsPointsOnce() {
		long person = f.resident(f.a());
		long entry = f.credit(person, "3");

		transactions.executeWithoutResult(status -> points.recordHours(new org.wenming.activity.HoursRecorded(entry,
				person, null, f.a().id(), null, new BigDecimal("3"), java.time.LocalDate.now(), false)));

		assertThat(points.balance(person)).isEqualTo(30);
		assertThat(points.statement(person).entries()).hasSize(1);
	}

	@Test
	void pointsRollBackWithTheHoursThatEarnedThem() {
		long person = f.resident(f.a());

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			long id = f.credit(person, "4");
			throw new IllegalStateException("hours refused after " + id);
		})).isInstanceOf(IllegalStateException.class);

		assertThat(points.balance(person)).isZero();
		assertThat(f.ledgerSum(person)).isZero();
	}

	@Test
	void rateIsASetting() {
		PointsProperties defaults = new PointsProperties(null);
		PointsProperties set = new Binder(new MapConfigurationPropertySource(
				Map.of("wenming.volunteer.points-per-hour", "25")))
			.bind("wenming.volunteer", PointsProperties.class)
			.get();

		assertThat(defaults.pointsPerHour()).isEqualTo(10);
		assertThat(set.pointsPerHour()).isEqualTo(25);
		assertThat(new Points(jdbc, null, null, set).pointsFor(new BigDecimal("1.5"))).isEqualTo(37);
		assertThat(new Points(jdbc, null, null, set).pointsFor(new BigDecimal("-1.5"))).isEqualTo(-37);
		assertThatThrownBy(() -> new PointsProperties(-1)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void negativeCorrectionTakesBackNoMoreThanTheBalanceHolds() {
		long person = f.resident(f.a());
		long credit = f.credit(person, "5");
		f.hours(person, new BigDecimal("-3"), credit);
		assertThat(points.balance(person)).isEqualTo(20);

		f.hours(person, new BigDecimal("-3"), credit);

		PointsStatement statement = points.statement(person);
		assertThat(statement.balance()).isZero();
		assertThat(statement.entries().get(0).kind()).isEqualTo(PointsKind.CORRECTION);
		assertThat(statement.entries().get(0).delta()).isEqualTo(-20);
		assertThat(statement.entries().get(0).balanceAfter()).isZero();
		assertThat(f.ledgerSum(person)).isZero();
	}

	@Test
	void positiveCorrectionAddsPoints() {
		long person = f.resident(f.a());
		long credit = f.credit(person, "1");

		f.hours(person, new BigDecimal("0.5"), credit);

		assertThat(points.balance(person)).isEqualTo(15);
	}

	@Test
	void bonusIsGivenWithAReasonByStaffOfThePersonsOrg() {
		long person = f.resident(f.a());

		PointsEntry entry = f.as(f.unitA(), () -> points.bonus(person, 50, "协助社区文明创建"));

		assertThat(entry.kind()).isEqualTo(PointsKind.BONUS);
		assertThat(entry.createdBy()).isEqualTo(f.unitA());
		assertThat(points.balance(person)).isEqualTo(50);
	}

	@Test
	void bonusToOneselfIsRefused() {
		long self = f.personOf(f.unitA());

		assertThatThrownBy(() -> f.as(f.unitA(), () -> points.bonus(self, 50, "自己奖励自己")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("store.bonus.self"));
		assertThat(points.balance(self)).isZero();
	}

	@Test
	void bonusOutsideTheScopeOrWithoutReasonIsRefused() {
		long other = f.resident(f.b());
		long person = f.resident(f.a());

		assertThatThrownBy(() -> f.as(f.unitA(), () -> points.bonus(other, 50, "表现突出")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("error.notFound"));
		assertThatThrownBy(() -> f.as(f.unitA(), () -> points.bonus(person, 50, " ")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("store.bonus.reason"));
		assertThatThrownBy(() -> f.as(f.unitA(), () -> points.bonus(person, 0, "表现突出")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("store.bonus.points"));
		assertThat(points.balance(other) + points.balance(person)).isZero();
	}

	@Test
	void ledgerCannotBeChangedInPlace() {
		long person = f.resident(f.a());
		f.credit(person, "1");

		assertThatThrownBy(() -> jdbc.sql("update points_entry set delta = 1000 where person_id = ?").param(person).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from points_entry where person_id = ?").param(person).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("update points_account set balance = -1 where person_id = ?").param(person).update())
			.rootCause().hasMessageContaining("permission denied");
		JdbcClient owner = OwnerDatabase.owner(context);
		assertThatThrownBy(() -> owner.sql("update points_entry set delta = 1000 where person_id = ?").param(person).update())
			.as("even the owner, while the trigger is on").hasMessageContaining("积分记录只能追加");
		assertThatThrownBy(() -> owner.sql("delete from points_entry where person_id = ?").param(person).update())
			.hasMessageContaining("积分记录只能追加");
		assertThatThrownBy(() -> owner.sql("update points_account set balance = -1 where person_id = ?").param(person).update())
			.hasMessageContaining("points_account_balance_chk");
	}

	@Test
	void balanceEqualsTheSumOfEntriesAfterARandomRun() {
		Random random = new Random(20260305);
		List<Long> persons = List.of(f.resident(f.a()), f.resident(f.a()), f.resident(f.a()));
		List<Long> credits = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			long person = persons.get(random.nextInt(persons.size()));
			switch (random.nextInt(4)) {
				case 0, 1 -> credits.add(f.hours(person, BigDecimal.valueOf(1 + random.nextInt(800), 2), null));
				case 2 -> {
					if (!credits.isEmpty()) {
						long credit = credits.get(random.nextInt(credits.size()));
						long owner = jdbc.sql("select person_id from hours_entry where id = ?").param(credit)
							.query(Long.class).single();
						f.hours(owner, BigDecimal.valueOf(-(1 + random.nextInt(800)), 2), credit);
					}
				}
				default -> f.as(f.unitA(), () -> points.bonus(person, 1 + random.nextInt(30), "随机奖励"));
			}
		}

		for (long person : persons) {
			assertThat(points.balance(person)).as("balance of %d", person).isEqualTo(f.ledgerSum(person))
				.isGreaterThanOrEqualTo(0);
			long negativeAfter = jdbc.sql("select count(*) from points_entry where person_id = ? and balance_after < 0")
				.param(person).query(Long.class).single();
			assertThat(negativeAfter).isZero();
		}
	}

}
