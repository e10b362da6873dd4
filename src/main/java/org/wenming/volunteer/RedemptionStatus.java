package org.wenming.volunteer;

/** Where a store order stands: ordered (下单), collected (核销) or cancelled. */
public enum RedemptionStatus {

	ORDERED, COLLECTED, CANCELLED

}
