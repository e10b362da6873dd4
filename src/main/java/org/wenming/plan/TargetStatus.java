package org.wenming.plan;

/**
 * Whether a target is reached, computed from its metric: never typed in (except the value of the
 * {@code manual} metric, entered with evidence).
 */
public enum TargetStatus {

	/** The comparator holds. */
	MET("达标"),
	/** The period is over and the comparator does not hold. */
	MISSED("未达标"),
	/** The period is still running and the comparator does not hold yet. */
	IN_PROGRESS("进行中"),
	/** The metric has no provider yet. */
	AWAITING("待接入"),
	/** No metric is bound, or a relative target has no baseline. */
	INCOMPLETE("待完善");

	private final String label;

	TargetStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
