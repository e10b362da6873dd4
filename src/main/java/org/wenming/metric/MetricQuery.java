package org.wenming.metric;

import java.time.LocalDate;

/**
 * For which org subtree and which days a metric is computed.
 *
 * @param orgId the root of the subtree
 * @param orgPath its materialized path ({@code /1/4/}), so that providers filter with one prefix
 * @param from first day, inclusive
 * @param to last day, inclusive; point-in-time metrics are read as of this day
 */
public record MetricQuery(long orgId, String orgPath, LocalDate from, LocalDate to) {

	public MetricQuery {
		if (from.isAfter(to)) {
			throw new IllegalArgumentException("period ends before it starts");
		}
	}

	public static MetricQuery ofYear(long orgId, String orgPath, int year) {
		return new MetricQuery(orgId, orgPath, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
	}

}
