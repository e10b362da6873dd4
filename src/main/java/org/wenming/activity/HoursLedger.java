package org.wenming.activity;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;

/**
 * The hours ledger: append-only credits and corrections, the totals derived from them, and
 * leaderboards over a period.
 */
@Service
public class HoursLedger {

	/** The sum of the person's entries. */
	public BigDecimal totalHours(long personId) {
		throw new UnsupportedOperationException("not yet");
	}

	/** The person's entries, newest first. */
	public List<HoursEntry> entries(long personId) {
		throw new UnsupportedOperationException("not yet");
	}

	/** The person's total, by year and by activity. */
	public HoursSummary summary(long personId) {
		throw new UnsupportedOperationException("not yet");
	}

	/**
	 * The top {@code limit} people, teams or child orgs by hours recorded within the subtree of
	 * {@code orgId} in the months {@code from} to {@code to} (inclusive).
	 */
	public List<HoursRank> ranking(RankBy by, long orgId, YearMonth from, YearMonth to, int limit) {
		throw new UnsupportedOperationException("not yet");
	}

}
