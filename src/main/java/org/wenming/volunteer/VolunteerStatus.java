package org.wenming.volunteer;

/**
 * Where a volunteer registration stands: waiting for the community's review, approved (a
 * registered volunteer with a number), refused, or ended.
 */
public enum VolunteerStatus {

	PENDING("待审核"), ACTIVE("已注册"), REJECTED("未通过"), DEREGISTERED("已注销");

	private final String label;

	VolunteerStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
