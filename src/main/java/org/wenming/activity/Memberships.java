package org.wenming.activity;

/**
 * What the activity module asks the volunteer module when an activity is open to team members
 * or to registered volunteers only. The volunteer module provides the bean; without it nobody is
 * a member or a registered volunteer.
 */
public interface Memberships {

	/** Whether the person is an active member (or the leader) of the team. */
	boolean isTeamMember(long teamId, long personId);

	/** Whether the person is a registered volunteer whose registration is approved. */
	boolean isRegisteredVolunteer(long personId);

	/** The org of the team, if the team exists and is not closed. */
	java.util.Optional<Long> openTeamOrg(long teamId);

	/** Whether the person leads the team. */
	boolean isTeamLeader(long teamId, long personId);

	/**
	 * The open teams an activity may be opened to, for the team picker of the activity form: of
	 * orgs in the caller's {@code activity:write} scope, whose name contains {@code name} (all when
	 * blank), at most {@code limit}.
	 */
	default java.util.List<org.wenming.platform.web.PickerSearch.Choice> teamChoices(String name, int limit) {
		return java.util.List.of();
	}

}
