package org.wenming.volunteer;

/** Why points were added to or taken from a balance. */
public enum PointsKind {

	/** Confirmed volunteer hours. */
	HOURS,
	/** Given by staff with a reason. */
	BONUS,
	/** Paid for a store order. */
	REDEMPTION,
	/** A cancelled store order paid back. */
	REFUND,
	/** A correction of volunteer hours, up or down. */
	CORRECTION

}
