package org.wenming.plan;

/**
 * What the sender decides about a submission: take it (采纳) or send it back (退回).
 */
public enum ReviewDecision {

	ACCEPT, RETURN

}
