package org.wenming.activity;

import java.time.OffsetDateTime;

/**
 * A person's sign-up for an activity, with the place on the waiting list ({@code position}, from
 * 1) while waiting, and whether the person stayed away from a finished activity.
 */
public record Signup(long id, long activityId, long personId, String personName, SignupStatus status, Integer position,
		OffsetDateTime createdAt, OffsetDateTime confirmedAt, OffsetDateTime cancelledAt, boolean noShow) {
}
