package org.wenming.activity;

/**
 * Where a sign-up stands: a place (确认), on the waiting list (候补), or given up (已取消). The
 * message key {@code activity.signup.status.<NAME>} names each one.
 */
public enum SignupStatus {

	CONFIRMED, WAITLISTED, CANCELLED

}
