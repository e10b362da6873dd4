package org.wenming.directory;

import java.time.Instant;

/**
 * One org of the tree as read.
 *
 * @param path materialized path of ids from the root, {@code /1/4/9/}
 */
public record Org(long id, Long parentId, String name, OrgType type, String divisionCode, String path, int depth,
		Instant closedAt) {

	public boolean isClosed() {
		return closedAt != null;
	}

	/** Whether {@code other} is this org or lies below it. */
	public boolean contains(Org other) {
		return other.path.startsWith(path);
	}

}
