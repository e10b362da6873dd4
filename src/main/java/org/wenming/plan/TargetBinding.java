package org.wenming.plan;

import java.math.BigDecimal;

import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;

/**
 * What a target is measured by: a metric ({@code manual} for a value entered with evidence), a
 * comparator, a threshold with its unit, the period counted over ({@code null}: the year), whether
 * the threshold is a change against {@code baseline}, and the org whose subtree is measured
 * ({@code null}: unchanged, or the plan's org for a new target). {@code text} may be {@code null}
 * when only the binding changes.
 */
public record TargetBinding(String text, String metric, Comparator comparator, BigDecimal threshold, String unit,
		Period period, boolean relative, BigDecimal baseline, Long orgId) {
}
