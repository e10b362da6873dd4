package org.wenming.activity;

/**
 * How the hours of an attendance are counted: the actual time from check-in to check-out, capped
 * at the scheduled period, or a fixed credit for everyone who attended.
 */
public enum HoursRule {

	ACTUAL, FIXED

}
