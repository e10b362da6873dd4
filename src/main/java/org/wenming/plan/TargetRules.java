package org.wenming.plan;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;

/**
 * The arithmetic of targets: which days a target is counted over on a given day, what value it must
 * reach, and whether a measured value reaches it.
 */
final class TargetRules {

	private TargetRules() {
	}

	/** The days a target is counted over, both inclusive. */
	record Window(LocalDate from, LocalDate to) {

		boolean endedBefore(LocalDate today) {
			return today.isAfter(to);
		}

	}

	/**
	 * The period of the plan year a target is counted over on {@code today}: the whole year for
	 * {@code YEAR} (and when no period is named), else the half year, quarter, month or week holding
	 * {@code today}, cut to the plan year. Before the year it is the first such period, after it the
	 * last one.
	 */
	static Window window(Period period, int year, LocalDate today) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		LocalDate day = today.isBefore(first) ? first : today.isAfter(last) ? last : today;
		return switch (period == null ? Period.YEAR : period) {
			case YEAR -> new Window(first, last);
			case HALF_YEAR -> day.getMonthValue() <= 6 ? new Window(first, LocalDate.of(year, 6, 30))
					: new Window(LocalDate.of(year, 7, 1), last);
			case QUARTER -> {
				LocalDate from = LocalDate.of(year, (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
				yield new Window(from, from.plusMonths(3).minusDays(1));
			}
			case MONTH -> new Window(day.withDayOfMonth(1), day.with(TemporalAdjusters.lastDayOfMonth()));
			case WEEK -> {
				LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
				LocalDate sunday = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
				yield new Window(monday.isBefore(first) ? first : monday, sunday.isAfter(last) ? last : sunday);
			}
		};
	}

	/**
	 * The value to reach: the threshold itself, or for a relative target the baseline moved by it, as
	 * a percentage of the baseline when the unit is {@code %}, else by the amount; {@code null} when a
	 * relative target has no baseline.
	 */
	static BigDecimal goal(Comparator comparator, BigDecimal threshold, String unit, boolean relative,
			BigDecimal baseline) {
		if (!relative) {
			return threshold;
		}
		if (baseline == null) {
			return null;
		}
		BigDecimal change = isPercent(unit)
				? baseline.multiply(threshold).divide(BigDecimal.valueOf(100), 4, RoundingMode.HALF_UP) : threshold;
		boolean down = comparator == Comparator.DECREASE || comparator == Comparator.LE;
		return plain(down ? baseline.subtract(change) : baseline.add(change));
	}

	static boolean holds(Comparator comparator, BigDecimal value, BigDecimal goal) {
		int order = value.compareTo(goal);
		return switch (comparator) {
			case GE, INCREASE -> order >= 0;
			case LE, DECREASE -> order <= 0;
			case EQ -> order == 0;
		};
	}

	/** Met when the comparator holds; missed when it does not and the period is over; else in progress. */
	static TargetStatus judge(Comparator comparator, BigDecimal value, BigDecimal goal, boolean ended) {
		if (value != null && holds(comparator, value, goal)) {
			return TargetStatus.MET;
		}
		return ended ? TargetStatus.MISSED : TargetStatus.IN_PROGRESS;
	}

	/** The number without trailing zeros and never in exponent form ({@code 20.0000} → {@code 20}). */
	static BigDecimal plain(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal stripped = value.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

	static boolean isPercent(String unit) {
		return "%".equals(unit) || "％".equals(unit);
	}

}
