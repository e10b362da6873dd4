package org.wenming.directory;

import java.time.Instant;
import java.util.List;

/**
 * A login of a person, with the roles it holds.
 */
public record Account(long id, long personId, String personName, String username, boolean enabled,
		Instant lockedUntil, List<RoleAssignment> roles) {

	public boolean isLocked() {
		return lockedUntil != null && lockedUntil.isAfter(Instant.now());
	}

	/** One role held for one org (and its subtree). */
	public record RoleAssignment(long id, Role role, long orgId, String orgName) {
	}

}
