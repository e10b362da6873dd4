package org.wenming.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Targets bound to live metrics, with time moved by a test clock: met when the comparator holds, missed
 * once the period is over, in progress before; 待接入 without a provider; relative to a baseline; and
 * the manual metric, whose values are entered with evidence.
 */
@SpringBootTest
@Import(MutableClock.Config.class)
class PlanTargetsTests {

	@Autowired
	PlanManagement plans;

	@Autowired
	PlanTargets targets;

	@Autowired
	MutableClock clock;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	PlanFixture f;

	/** The plan year: this year, as the directory counts the people the test adds now. */
	final int year = PlanFixture.thisYear();

	long planId;

	@BeforeEach
	void fixture() {
		f = PlanFixture.create(orgs, people, accounts, users);
		// community A holds its two admins' people already; two residents more
		DataScopes.asSystem(() -> {
			people.create(PlanFixture.resident("居民甲" + f.tag(), f.communityA().id()));
			people.create(PlanFixture.resident("居民乙" + f.tag(), f.communityA().id()));
		});
		planId = f.as(f.unitAdminA(), () -> {
			long id = plans.create(f.communityA().id(), year, "指标计划").id();
			plans.addChild(id, null, new SectionDraft("一、", "目标任务", null, null));
			return id;
		});
	}

	@AfterEach
	void letTimeRun() {
		clock.reset();
	}

	private TargetView add(String metric, Comparator comparator, String threshold, String unit, Period period,
			boolean relative, String baseline) {
		return f.as(f.unitAdminA(), () -> targets.add(planId, null, new TargetBinding("目标" + metric + threshold, metric,
				comparator, new BigDecimal(threshold), unit, period, relative,
				baseline == null ? null : new BigDecimal(baseline), null)));
	}

	private TargetView status(TargetView target) {
		return f.as(f.unitAdminA(), () -> targets.status(target.id(), LocalDate.now(clock)));
	}

	private long people() {
		// the unit admin of A and the office admin live in A, the inspector too, plus the two residents
		return 5;
	}

	@Test
	void aTargetOnAPublishedMetricIsMetOnceItHoldsAndMissedWhenTheYearEndsWithout() {
		TargetView reached = add("directory.people", Comparator.GE, String.valueOf(people()), "人", Period.YEAR, false,
				null);
		TargetView tooHigh = add("directory.people", Comparator.GE, "1000", "人", Period.YEAR, false, null);

		clock.set(LocalDate.of(year, 6, 15));
		assertThat(status(reached)).extracting(TargetView::status, TargetView::value, TargetView::goal)
			.containsExactly(TargetStatus.MET, BigDecimal.valueOf(people()), BigDecimal.valueOf(people()));
		assertThat(status(reached).statusLabel()).isEqualTo("达标");
		assertThat(status(tooHigh)).extracting(TargetView::status, TargetView::from, TargetView::to)
			.containsExactly(TargetStatus.IN_PROGRESS, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
		assertThat(status(tooHigh).statusLabel()).isEqualTo("进行中");

		clock.set(LocalDate.of(year + 1, 1, 5));
		assertThat(status(tooHigh).status()).isEqualTo(TargetStatus.MISSED);
		assertThat(status(tooHigh).statusLabel()).isEqualTo("未达标");
		assertThat(status(reached).status()).isEqualTo(TargetStatus.MET);
	}

	@Test
	void aMetricNobodyPublishesYetIsAwaited() {
		TargetView awaited = add("nobody.publishes_this", Comparator.GE, "12", "天", Period.YEAR, false, null);

		clock.set(LocalDate.of(year + 1, 1, 5));

		assertThat(status(awaited)).extracting(TargetView::status, TargetView::statusLabel, TargetView::value)
			.containsExactly(TargetStatus.AWAITING, "待接入", null);
	}

	@Test
	void aRelativeTargetComparesWithItsBaselineMovedByThePercentage() {
		// five people against a baseline of 4: +20 % is 4.8, reached; against 5 it is 6, not yet
		TargetView reached = add("directory.people", Comparator.INCREASE, "20", "%", null, true, "4");
		TargetView notYet = add("directory.people", Comparator.INCREASE, "20", "%", null, true, "5");
		TargetView byAmount = add("directory.people", Comparator.INCREASE, "1", "人", null, true, "4");
		TargetView fewer = add("directory.people", Comparator.DECREASE, "50", "%", null, true, "12");

		clock.set(LocalDate.of(year, 3, 1));

		assertThat(status(reached)).extracting(TargetView::status, TargetView::goal)
			.containsExactly(TargetStatus.MET, new BigDecimal("4.8"));
		assertThat(status(notYet)).extracting(TargetView::status, TargetView::goal)
			.containsExactly(TargetStatus.IN_PROGRESS, new BigDecimal("6"));
		assertThat(status(byAmount)).extracting(TargetView::status, TargetView::goal)
			.containsExactly(TargetStatus.MET, new BigDecimal("5"));
		assertThat(status(fewer)).extracting(TargetView::status, TargetView::goal)
			.containsExactly(TargetStatus.MET, new BigDecimal("6"));
		assertThatThrownBy(() -> add("directory.people", Comparator.INCREASE, "20", "%", null, true, null))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("baseline"));
	}

	@Test
	void aManualTargetTakesTheLatestValueEnteredWithEvidence() {
		TargetView rate = add(PlanTargets.MANUAL, Comparator.GE, "80", "%", Period.YEAR, false, null);
		TargetView computed = add("directory.people", Comparator.GE, "1", "人", Period.YEAR, false, null);

		clock.set(LocalDate.of(year, 4, 1));
		assertThat(status(rate)).extracting(TargetView::status, TargetView::value)
			.containsExactly(TargetStatus.IN_PROGRESS, null);
		f.as(f.unitAdminA(), () -> targets.enterManualValue(rate.id(), new BigDecimal("75"), "一季度培训签到表"));
		assertThat(status(rate)).extracting(TargetView::status, TargetView::value)
			.containsExactly(TargetStatus.IN_PROGRESS, new BigDecimal("75"));

		clock.set(LocalDate.of(year, 9, 1));
		TargetView entered = f.as(f.unitAdminA(),
				() -> targets.enterManualValue(rate.id(), new BigDecimal("85.5"), "三季度培训名册及照片"));
		assertThat(entered).extracting(TargetView::status, TargetView::value)
			.containsExactly(TargetStatus.MET, new BigDecimal("85.5"));
		// looked at as of spring, the autumn value had not been entered yet
		assertThat(f.as(f.unitAdminA(), () -> targets.status(rate.id(), LocalDate.of(year, 5, 1)).value()))
			.isEqualTo(new BigDecimal("75"));

		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> targets.enterManualValue(rate.id(), BigDecimal.ONE, " ")))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("plan.target.evidenceRequired"));
		assertThatThrownBy(
				() -> f.as(f.unitAdminA(), () -> targets.enterManualValue(computed.id(), BigDecimal.ONE, "表格")))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("plan.target.notManual"));
		assertThatThrownBy(
				() -> f.as(f.unitAdminB(), () -> targets.enterManualValue(rate.id(), BigDecimal.TEN, "越权填报")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("error.notFound"));
	}

	@Test
	void aWeeklyTargetCountsTheWeekOfTheDay() {
		TargetView weekly = add(PlanTargets.MANUAL, Comparator.GE, "6", "小时", Period.WEEK, false, null);

		clock.set(LocalDate.of(year, 3, 4)); // some weekday
		f.as(f.unitAdminA(), () -> targets.enterManualValue(weekly.id(), new BigDecimal("7"), "自学笔记"));
		LocalDate nextWeek = LocalDate.of(year, 3, 4).plusWeeks(1);
		clock.set(nextWeek);

		TargetView view = status(weekly);
		assertThat(view.from().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY);
		assertThat(view.from()).isBeforeOrEqualTo(nextWeek).isAfter(nextWeek.minusDays(7));
		assertThat(view).extracting(TargetView::status, TargetView::value)
			.containsExactly(TargetStatus.IN_PROGRESS, null);
	}

	@Test
	void bindingAndConfirmingChangeWhatATargetIsMeasuredBy() {
		TargetView target = add("nobody.publishes_this", Comparator.GE, "3", "次", Period.YEAR, false, null);
		f.as(f.unitAdminA(), () -> plans.publish(planId));

		TargetView bound = f.as(f.unitAdminA(), () -> targets.bind(planId, target.id(),
				new TargetBinding(null, "directory.people", Comparator.GE, new BigDecimal("2"), "人", Period.YEAR, false,
						null, f.communityA().id())));

		assertThat(bound).extracting(TargetView::metric, TargetView::confirmed, TargetView::status,
				TargetView::metricDescription)
			.containsExactly("directory.people", true, TargetStatus.MET, "在册人员数（工作或居住在本组织及下级）");
		assertThat(f.as(f.unitAdminA(), () -> plans.revisions(planId))).extracting(PlanRevision::summary)
			.containsExactly("发布计划", "修改目标：目标nobody.publishes_this3");
		assertThat(f.as(f.unitAdminA(), () -> plans.compare(planId, 1, 2)).added())
			.containsExactly("目标：目标nobody.publishes_this3（指标 directory.people，≥ 2人，按年）");
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> targets.bind(planId, target.id(),
				new TargetBinding(null, "Not A Metric", Comparator.GE, BigDecimal.ONE, null, null, false, null, null))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("metric"));
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> targets.bind(planId, target.id(),
				new TargetBinding(null, "directory.people", Comparator.GE, BigDecimal.ONE, null, null, false, null,
						f.communityB().id()))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("orgId"));
	}

	@Test
	void theDailyJobKeepsOneReadingPerTargetAndDayOfPublishedPlans() {
		TargetView reached = add("directory.people", Comparator.GE, "1", "人", Period.YEAR, false, null);
		TargetView awaited = add("nobody.publishes_this", Comparator.GE, "12", "天", Period.YEAR, false, null);
		LocalDate day = LocalDate.of(year, 5, 1);
		targets.recordReadings(day);
		assertThat(f.as(f.unitAdminA(), () -> targets.readings(planId, reached.id()))).as("a draft is not measured")
			.isEmpty();
		f.as(f.unitAdminA(), () -> plans.publish(planId));

		targets.recordReadings(day);
		targets.recordReadings(day);
		targets.recordReadings(day.plusDays(1));

		assertThat(f.as(f.unitAdminA(), () -> targets.readings(planId, reached.id())))
			.extracting(TargetReading::day, TargetReading::status, TargetReading::value)
			.containsExactly(tuple(day, TargetStatus.MET, BigDecimal.valueOf(people())),
					tuple(day.plusDays(1), TargetStatus.MET, BigDecimal.valueOf(people())));
		assertThat(f.as(f.unitAdminA(), () -> targets.readings(planId, awaited.id())))
			.extracting(TargetReading::status, TargetReading::value)
			.containsExactly(tuple(TargetStatus.AWAITING, null), tuple(TargetStatus.AWAITING, null));
		assertThatThrownBy(() -> f.as(f.unitAdminB(), () -> targets.readings(planId, reached.id())))
			.isInstanceOf(DomainException.class);
	}

}
