package org.wenming.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * A person's hours from the ledger: the total, the total of each year, and the net hours of each
 * activity served (corrections included), newest first.
 */
public record HoursSummary(long personId, BigDecimal totalHours, SortedMap<Integer, BigDecimal> byYear,
		List<ActivityHours> byActivity) {

	/** The net hours of one activity (or of entries with no activity, with a null id). */
	public record ActivityHours(Long activityId, String title, LocalDate serviceDate, long orgId, BigDecimal hours) {
	}

}
