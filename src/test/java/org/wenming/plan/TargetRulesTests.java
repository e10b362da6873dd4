package org.wenming.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;
import org.wenming.plan.TargetRules.Window;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The arithmetic of targets: the period counted on a day, the value to reach, the verdict.
 */
class TargetRulesTests {

	@Test
	void countsTheYearOrThePeriodHoldingTheDayCutToThePlanYear() {
		LocalDate may = LocalDate.of(2026, 5, 20); // a Wednesday

		assertThat(TargetRules.window(Period.YEAR, 2026, may)).isEqualTo(window("2026-01-01", "2026-12-31"));
		assertThat(TargetRules.window(null, 2026, may)).isEqualTo(window("2026-01-01", "2026-12-31"));
		assertThat(TargetRules.window(Period.HALF_YEAR, 2026, may)).isEqualTo(window("2026-01-01", "2026-06-30"));
		assertThat(TargetRules.window(Period.HALF_YEAR, 2026, LocalDate.of(2026, 7, 1)))
			.isEqualTo(window("2026-07-01", "2026-12-31"));
		assertThat(TargetRules.window(Period.QUARTER, 2026, may)).isEqualTo(window("2026-04-01", "2026-06-30"));
		assertThat(TargetRules.window(Period.MONTH, 2026, LocalDate.of(2026, 2, 3)))
			.isEqualTo(window("2026-02-01", "2026-02-28"));
		assertThat(TargetRules.window(Period.WEEK, 2026, may)).isEqualTo(window("2026-05-18", "2026-05-24"));
		// 2026 begins on a Thursday and ends on a Thursday: the first and last weeks are cut
		assertThat(TargetRules.window(Period.WEEK, 2026, LocalDate.of(2026, 1, 2)))
			.isEqualTo(window("2026-01-01", "2026-01-04"));
		assertThat(TargetRules.window(Period.WEEK, 2026, LocalDate.of(2027, 3, 1)))
			.isEqualTo(window("2026-12-28", "2026-12-31"));
		assertThat(TargetRules.window(Period.QUARTER, 2026, LocalDate.of(2025, 11, 1)))
			.isEqualTo(window("2026-01-01", "2026-03-31"));
		assertThat(TargetRules.window(Period.MONTH, 2026, LocalDate.of(2027, 1, 1)).endedBefore(LocalDate.of(2027, 1, 1)))
			.isTrue();
		assertThat(TargetRules.window(Period.YEAR, 2026, LocalDate.of(2026, 12, 31)).endedBefore(LocalDate.of(2026, 12, 31)))
			.isFalse();
	}

	@Test
	void aRelativeGoalMovesTheBaselineByAPercentageOrAnAmount() {
		assertThat(TargetRules.goal(Comparator.INCREASE, n("20"), "%", true, n("50"))).isEqualTo(n("60"));
		assertThat(TargetRules.goal(Comparator.INCREASE, n("20"), "％", true, n("3"))).isEqualTo(n("3.6"));
		assertThat(TargetRules.goal(Comparator.DECREASE, n("10"), "%", true, n("200"))).isEqualTo(n("180"));
		assertThat(TargetRules.goal(Comparator.INCREASE, n("5"), "个", true, n("15"))).isEqualTo(n("20"));
		assertThat(TargetRules.goal(Comparator.DECREASE, n("5"), null, true, n("15"))).isEqualTo(n("10"));
		assertThat(TargetRules.goal(Comparator.GE, n("12"), "天", false, null)).isEqualTo(n("12"));
		assertThat(TargetRules.goal(Comparator.INCREASE, n("20"), "%", true, null)).isNull();
	}

	@Test
	void metWhenTheComparatorHoldsMissedOnlyOnceThePeriodIsOver() {
		assertThat(TargetRules.judge(Comparator.GE, n("12"), n("12"), false)).isEqualTo(TargetStatus.MET);
		assertThat(TargetRules.judge(Comparator.GE, n("11"), n("12"), false)).isEqualTo(TargetStatus.IN_PROGRESS);
		assertThat(TargetRules.judge(Comparator.GE, n("11"), n("12"), true)).isEqualTo(TargetStatus.MISSED);
		assertThat(TargetRules.judge(Comparator.LE, n("0"), n("0"), true)).isEqualTo(TargetStatus.MET);
		assertThat(TargetRules.judge(Comparator.LE, n("1"), n("0"), true)).isEqualTo(TargetStatus.MISSED);
		assertThat(TargetRules.judge(Comparator.EQ, n("5.0"), n("5"), true)).isEqualTo(TargetStatus.MET);
		assertThat(TargetRules.judge(Comparator.DECREASE, n("170"), n("180"), false)).isEqualTo(TargetStatus.MET);
		assertThat(TargetRules.judge(Comparator.GE, null, n("1"), false)).isEqualTo(TargetStatus.IN_PROGRESS);
		assertThat(TargetRules.judge(Comparator.GE, null, n("1"), true)).isEqualTo(TargetStatus.MISSED);
	}

	private static Window window(String from, String to) {
		return new Window(LocalDate.parse(from), LocalDate.parse(to));
	}

	private static BigDecimal n(String value) {
		return new BigDecimal(value);
	}

}
