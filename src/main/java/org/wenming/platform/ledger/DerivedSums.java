package org.wenming.platform.ledger;

import java.util.List;

/**
 * A module's sums and balances kept from its ledger, for {@link LedgerVerification} to recompute.
 * The module that owns the tables implements it.
 */
public interface DerivedSums {

	/** For each derived table, the first row (in key order) whose stored value differs from its ledger. */
	List<Mismatch> firstMismatches();

	/**
	 * A stored sum that differs from its ledger.
	 *
	 * @param table the derived table
	 * @param key the row's key, such as {@code person_id=7}
	 * @param stored the stored value, or null when the row is missing
	 * @param recomputed the value recomputed from the ledger, or null when there is nothing to sum
	 */
	record Mismatch(String table, String key, String stored, String recomputed) {
	}

}
