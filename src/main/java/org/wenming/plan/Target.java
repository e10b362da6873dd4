package org.wenming.plan;

import java.math.BigDecimal;

/**
 * A quantitative target found in a sentence (“全年集中学习不得少于12天”): {@code text} is the clause it
 * was found in, {@code unit} and {@code period} are {@code null} when the sentence names none,
 * {@code relative} says the value is a change against a baseline, and {@code metric} is the suggested
 * metric name or {@code null}.
 */
public record Target(String text, Comparator comparator, BigDecimal value, String unit, Period period,
		boolean relative, String metric) {

	/** How the measured value must compare with {@link #value()}. */
	public enum Comparator {

		GE, LE, EQ, INCREASE, DECREASE

	}

	/** The period the target is counted over. */
	public enum Period {

		YEAR, HALF_YEAR, QUARTER, MONTH, WEEK

	}

}
