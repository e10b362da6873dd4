package org.wenming.volunteer;

import java.time.Instant;

/**
 * One application to a team and what became of it: {@code PENDING}, {@code ACTIVE},
 * {@code REJECTED} or {@code LEFT}.
 */
public record TeamMember(long id, long teamId, String teamName, long personId, String personName, String status,
		Instant appliedAt, String note) {
}
