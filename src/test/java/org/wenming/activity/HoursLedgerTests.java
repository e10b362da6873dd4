package org.wenming.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.activity.CheckIns.GroupEntry;
import org.wenming.platform.DomainException;
import org.wenming.platform.database.OwnerDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wenming.activity.HoursFixture.refused;

/**
 * The write side of the hours ledger against the real database: nobody confirms or corrects their
 * own hours, no day gets more than 24 hours, credited periods never overlap, corrections need a
 * reason and keep every activity's net hours at zero or above, entries are never changed, and after
 * a random run every total equals the sum of its entries and of its monthly and yearly sums.
 */
@SpringBootTest
@RecordApplicationEvents
class HoursLedgerTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CheckIns checkIns;

	@Autowired
	HoursLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	HoursFixture f;

	LocalDate day;

	@BeforeEach
	void fixture() {
		f = new HoursFixture(context);
		day = LocalDate.now().minusYears(1).minusDays(f.tag.hashCode() & 127);
	}

	@Test
	void confirmingCreditsTheHoursOnceAndPublishesTheEntry() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		Attendance attendance = attend(activity, volunteer, day.atTime(8, 40), day.atTime(10, 47));

		HoursEntry entry = f.as(f.admin, () -> ledger.confirm(activity, attendance.id()));

		assertThat(entry.hours()).as("9:00 to 10:47, rounded down").isEqualByComparingTo("1.7");
		assertThat(entry.approvedBy()).isEqualTo(f.admin);
		assertThat(entry.recordedBy()).isEqualTo(f.leader);
		assertThat(entry.orgId()).isEqualTo(f.community.id());
		assertThat(f.notificationsOf(volunteer)).as("the volunteer is told")
			.containsExactly("志愿服务时长已确认：清洁家园" + f.tag);
		assertThat(ledger.totalHours(f.personId(volunteer))).isEqualByComparingTo("1.7");
		assertThat(checkIns.find(activity, f.personId(volunteer)).hoursEntryId()).isEqualTo(entry.id());
		assertThat(events.stream(HoursRecorded.class).filter(e -> e.entryId() == entry.id()))
			.singleElement()
			.satisfies(e -> assertThat(e.hours()).isEqualByComparingTo("1.7"));
		refused(() -> f.as(f.admin, () -> ledger.confirm(activity, attendance.id())), "hours.confirm.already");
		assertThat(f.as(f.admin, () -> ledger.confirmAll(activity))).isEmpty();
		refused(() -> f.as(f.otherAdmin, () -> ledger.confirm(activity, attendance.id())), "error.notFound");
	}

	@Test
	void hoursCountFromTheStartAndFixedHoursOnlyForAnAttendanceThatOverlapsTheActivity() {
		long actual = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		long fixed = f.activity(day.atTime(14, 0), day.atTime(16, 0), Audience.VOLUNTEERS, null, null,
				new BigDecimal("3"));
		String early = f.volunteer();
		String tooEarly = f.volunteer();
		String partly = f.volunteer();
		String before = f.volunteer();
		String after = f.volunteer();

		Attendance fromStart = attend(actual, early, day.atTime(8, 30), day.atTime(9, 45));
		Attendance leftBeforeTheStart = attend(actual, tooEarly, day.atTime(8, 0), day.atTime(8, 59));
		Attendance overlapping = attend(fixed, partly, day.atTime(15, 30), day.atTime(17, 0));
		Attendance leftBeforeFixed = attend(fixed, before, day.atTime(12, 0), day.atTime(14, 0));
		Attendance cameAfterFixed = attend(fixed, after, day.atTime(16, 0), day.atTime(17, 0));

		assertThat(fromStart.hours()).as("early check-in counts from 9:00").isEqualByComparingTo("0.7");
		assertThat(leftBeforeTheStart.hours()).isEqualByComparingTo("0");
		assertThat(overlapping.hours()).as("fixed credit for an overlapping attendance").isEqualByComparingTo("3");
		assertThat(leftBeforeFixed.hours()).as("ends as the activity starts").isEqualByComparingTo("0");
		assertThat(cameAfterFixed.hours()).as("starts as the activity ends").isEqualByComparingTo("0");

		assertThat(f.as(f.admin, () -> ledger.confirm(actual, fromStart.id())).periodStart().toInstant())
			.isEqualTo(at(day.atTime(9, 0)).toInstant());
		refused(() -> f.as(f.admin, () -> ledger.confirm(actual, leftBeforeTheStart.id())), "hours.confirm.zero");
		refused(() -> f.as(f.admin, () -> ledger.confirm(fixed, leftBeforeFixed.id())), "hours.confirm.zero");
		refused(() -> f.as(f.admin, () -> ledger.confirm(fixed, cameAfterFixed.id())), "hours.confirm.zero");
		assertThat(f.as(f.admin, () -> ledger.confirmAll(fixed))).singleElement()
			.satisfies(entry -> assertThat(entry.hours()).isEqualByComparingTo("3"));
		assertThat(ledger.totalHours(f.personId(before))).isEqualByComparingTo("0");
		assertThat(ledger.totalHours(f.personId(after))).isEqualByComparingTo("0");
	}

	@Test
	void nobodyConfirmsOrCorrectsTheirOwnHours() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		long adminPerson = f.personId(f.admin);
		f.as(f.leader, () -> checkIns.recordGroup(activity,
				List.of(new GroupEntry(adminPerson, at(day.atTime(9, 0)), at(day.atTime(11, 0))))));
		Attendance own = checkIns.find(activity, adminPerson);

		refused(() -> f.as(f.admin, () -> ledger.confirm(activity, own.id())), "hours.self");
		assertThat(f.as(f.admin, () -> ledger.confirmAll(activity))).as("the caller's own are left out").isEmpty();
		HoursEntry entry = f.as(f.leader, () -> ledger.confirm(activity, own.id()));
		refused(() -> f.as(f.admin, () -> ledger.correct(entry.id(), new BigDecimal("1"), "补录")), "hours.self");
		assertThatThrownBy(() -> jdbc.sql("""
				insert into hours_entry (person_id, org_id, kind, hours, service_date, recorded_by, approved_by,
				  approver_person_id) values (?, ?, 'CREDIT', 1, ?, 'x', 'x', ?)""")
			.params(adminPerson, f.community.id(), day, adminPerson)
			.update()).as("the database refuses it too").hasMessageContaining("hours_entry_self_chk");
	}

	@Test
	void moreThanTwentyFourHoursInOneDayAreRefused() {
		long morning = f.activity(day.atTime(8, 0), day.atTime(10, 0), Audience.VOLUNTEERS, null, null,
				new BigDecimal("20"));
		long afternoon = f.activity(day.atTime(14, 0), day.atTime(16, 0), Audience.VOLUNTEERS, null, null,
				new BigDecimal("5"));
		String volunteer = f.volunteer();
		Attendance first = attend(morning, volunteer, day.atTime(8, 0), day.atTime(10, 0));
		Attendance second = attend(afternoon, volunteer, day.atTime(14, 0), day.atTime(16, 0));

		f.as(f.admin, () -> ledger.confirm(morning, first.id()));
		refused(() -> f.as(f.admin, () -> ledger.confirm(afternoon, second.id())), "hours.day.limit");
		HoursEntry entry = ledger.entries(f.personId(volunteer)).get(0);
		assertThatThrownBy(() -> f.as(f.admin, () -> ledger.correct(entry.id(), new BigDecimal("4.5"), "漏记")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("hours.day.limit"));
		assertThat(ledger.totalHours(f.personId(volunteer))).isEqualByComparingTo("20");
	}

	@Test
	void overlappingCreditedPeriodsAreRefused() {
		long first = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		long second = f.activity(day.atTime(10, 0), day.atTime(12, 0));
		long third = f.activity(day.atTime(11, 0), day.atTime(12, 0));
		String volunteer = f.volunteer();
		Attendance a = attend(first, volunteer, day.atTime(9, 0), day.atTime(11, 0));
		Attendance b = attend(second, volunteer, day.atTime(10, 0), day.atTime(12, 0));
		Attendance c = attend(third, volunteer, day.atTime(11, 0), day.atTime(12, 0));

		f.as(f.admin, () -> ledger.confirm(first, a.id()));
		refused(() -> f.as(f.admin, () -> ledger.confirm(second, b.id())), "hours.overlap");
		f.as(f.admin, () -> ledger.confirm(third, c.id()));

		assertThat(ledger.totalHours(f.personId(volunteer))).isEqualByComparingTo("3");
	}

	@Test
	void correctionsNeedAReasonAndKeepTheActivityAtZeroOrAbove() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		Attendance attendance = attend(activity, volunteer, day.atTime(9, 0), day.atTime(11, 0));
		HoursEntry credit = f.as(f.admin, () -> ledger.confirm(activity, attendance.id()));

		refused(() -> f.as(f.admin, () -> ledger.correct(credit.id(), new BigDecimal("-1"), " ")),
				"hours.correction.reason");
		refused(() -> f.as(f.admin, () -> ledger.correct(credit.id(), BigDecimal.ZERO, "无")),
				"hours.correction.hours");
		refused(() -> f.as(f.admin, () -> ledger.correct(credit.id(), new BigDecimal("-2.5"), "多记")),
				"hours.correction.negative");
		refused(() -> f.as(f.otherAdmin, () -> ledger.correct(credit.id(), new BigDecimal("-1"), "多记")),
				"error.notFound");
		HoursEntry correction = f.as(f.admin, () -> ledger.correct(credit.id(), new BigDecimal("-0.5"), "提前离开"));

		assertThat(correction.correction()).isTrue();
		assertThat(correction.correctsEntryId()).isEqualTo(credit.id());
		assertThat(correction.reason()).isEqualTo("提前离开");
		assertThat(correction.approvedBy()).isEqualTo(f.admin);
		assertThat(ledger.totalHours(f.personId(volunteer))).isEqualByComparingTo("1.5");
		assertThatThrownBy(() -> jdbc.sql("update hours_entry set hours = 9 where id = ?").param(credit.id()).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> OwnerDatabase.owner(context)
			.sql("update hours_entry set hours = 9 where id = ?")
			.param(credit.id())
			.update()).as("even the owner, while the trigger is on").hasMessageContaining("只能追加");
	}

	@Test
	void afterARandomRunEveryTotalEqualsItsEntriesAndItsMonthlyAndYearlySums() {
		Random random = new Random(20260305L);
		List<String> people = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			people.add(f.volunteer());
		}
		List<HoursEntry> credits = new ArrayList<>();
		int refusals = 0;
		for (int i = 0; i < 40; i++) {
			LocalDate date = day.minusDays(random.nextInt(90));
			int hour = 6 + random.nextInt(12);
			LocalDateTime start = date.atTime(hour, 0);
			LocalDateTime end = start.plusMinutes(30 + random.nextInt(300));
			long activity = f.activity(start, end);
			String volunteer = people.get(random.nextInt(people.size()));
			attend(activity, volunteer, start.minusMinutes(random.nextInt(30)), end.plusMinutes(random.nextInt(30) - 15));
			try {
				credits.addAll(f.as(f.admin, () -> ledger.confirmAll(activity)));
			}
			catch (DomainException ex) {
				assertThat(ex.code()).isIn("hours.overlap", "hours.day.limit", "hours.confirm.zero");
				refusals++;
			}
			if (!credits.isEmpty() && random.nextBoolean()) {
				HoursEntry corrected = credits.get(random.nextInt(credits.size()));
				BigDecimal hours = BigDecimal.valueOf(random.nextInt(41) - 25, 1);
				try {
					f.as(f.admin, () -> ledger.correct(corrected.id(), hours, "核对后更正"));
				}
				catch (DomainException ex) {
					assertThat(ex.code()).isIn("hours.correction.negative", "hours.correction.hours", "hours.day.limit");
					refusals++;
				}
			}
		}

		assertThat(credits).hasSizeGreaterThan(20);
		for (String volunteer : people) {
			long person = f.personId(volunteer);
			BigDecimal sum = ledger.entries(person).stream().map(HoursEntry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal months = jdbc.sql("select coalesce(sum(hours), 0) from hours_month where person_id = ?")
				.param(person)
				.query(BigDecimal.class)
				.single();
			BigDecimal years = jdbc.sql("select coalesce(sum(hours), 0) from hours_year where person_id = ?")
				.param(person)
				.query(BigDecimal.class)
				.single();
			assertThat(ledger.totalHours(person)).as(volunteer)
				.isEqualByComparingTo(sum)
				.isEqualByComparingTo(months)
				.isEqualByComparingTo(years);
			assertThat(ledger.summary(person).totalHours()).isEqualByComparingTo(sum);
			assertThat(sum.signum()).isGreaterThanOrEqualTo(0);
		}
		assertThat(refusals).as("the run also broke rules, and was refused").isPositive();
	}

	private Attendance attend(long activity, String volunteer, LocalDateTime in, LocalDateTime out) {
		long person = f.personId(volunteer);
		return f.as(f.leader, () -> checkIns.recordGroup(activity, List.of(new GroupEntry(person, at(in), at(out))))).get(0);
	}

	private static java.time.OffsetDateTime at(LocalDateTime time) {
		return HoursFixture.at(time);
	}

}
