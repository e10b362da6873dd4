package org.wenming.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;

/**
 * A target with its status on a day: the value its metric has over {@code from}–{@code to} for the
 * org's subtree, and {@code goal}, the value to reach (the threshold, or the baseline moved by it).
 * {@code value} is {@code null} when there is none (待接入, or no manual value entered yet).
 */
public record TargetView(long id, long planId, Long sectionId, String text, String metric, String metricDescription,
		Comparator comparator, BigDecimal threshold, String unit, Period period, boolean relative, BigDecimal baseline,
		long orgId, String orgName, boolean confirmed, TargetStatus status, String statusLabel, BigDecimal value,
		BigDecimal goal, LocalDate from, LocalDate to) {
}
