package org.wenming.activity;

/**
 * Filters of the activity list; {@code null} leaves one out. {@code orgId} narrows to the
 * activities organized in that org's subtree.
 */
public record ActivityQuery(ActivityStatus status, ActivityType type, Long orgId, String text) {

	public static ActivityQuery all() {
		return new ActivityQuery(null, null, null, null);
	}

}
