package org.wenming.plan;

/** Where a plan is in its year: written, in force, or kept for the record. */
public enum PlanStatus {

	DRAFT("草稿"), PUBLISHED("已发布"), ARCHIVED("已归档");

	private final String label;

	PlanStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
