package org.wenming.volunteer;

/** An item of a practice site's store (爱心超市), priced in points. */
public record StoreItem(long id, long orgId, String orgName, String name, String description, int points, int stock,
		boolean active) {
}
