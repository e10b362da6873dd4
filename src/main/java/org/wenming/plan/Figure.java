package org.wenming.plan;

import java.math.BigDecimal;

/**
 * A number that is not a target (“预计安排投资117.3亿元”, “10周年”, “2023年3月”): {@code text} is the
 * clause it stands in; a date counts as one figure whose value is its year (or month) and unit 年 (月).
 */
public record Figure(String text, BigDecimal value, String unit) {
}
