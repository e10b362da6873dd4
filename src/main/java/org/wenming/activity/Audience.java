package org.wenming.activity;

/**
 * Who may sign up: anyone, the residents of an org subtree, the members of a volunteer team, or
 * registered volunteers. The message key {@code activity.audience.<NAME>} names each one.
 */
public enum Audience {

	ANYONE, ORG_RESIDENTS, TEAM_MEMBERS, VOLUNTEERS

}
