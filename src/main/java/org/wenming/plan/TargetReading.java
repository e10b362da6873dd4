package org.wenming.plan;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A target's value and status as recorded on one day: its history and trend. */
public record TargetReading(LocalDate day, BigDecimal value, TargetStatus status, String statusLabel) {
}
