package org.wenming.volunteer.internal;

import org.wenming.activity.Memberships;
import org.wenming.directory.Permission;
import org.wenming.platform.web.PickerSearch;
import org.wenming.volunteer.Team;
import org.wenming.volunteer.Teams;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the activity module's questions about team membership and registration from the
 * volunteer tables: a leader counts as a member; only approved registrations count.
 */
@Component
class VolunteerMemberships implements Memberships {

	private final JdbcClient jdbc;

	private final Teams teams;

	VolunteerMemberships(JdbcClient jdbc, Teams teams) {
		this.jdbc = jdbc;
		this.teams = teams;
	}

	@Override
	public java.util.List<PickerSearch.Choice> teamChoices(String name, int limit) {
		return teams.pick(name, Permission.ACTIVITY_WRITE, limit).stream().map(Team::choice).toList();
	}

	@Override
	public boolean isTeamMember(long teamId, long personId) {
		return isTeamLeader(teamId, personId) || jdbc.sql("""
				select count(*) from team_member m join volunteer_team t on t.id = m.team_id
				where m.team_id = ? and m.person_id = ? and m.status = 'ACTIVE' and t.closed_at is null""")
			.params(teamId, personId)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public boolean isRegisteredVolunteer(long personId) {
		return jdbc.sql("select count(*) from volunteer where person_id = ? and status = 'ACTIVE'")
			.param(personId)
			.query(Long.class)
			.single() > 0;
	}

	@Override
	public java.util.Optional<Long> openTeamOrg(long teamId) {
		return jdbc.sql("select org_id from volunteer_team where id = ? and closed_at is null")
			.param(teamId)
			.query(Long.class)
			.optional();
	}

	@Override
	public boolean isTeamLeader(long teamId, long personId) {
		return jdbc.sql("select count(*) from volunteer_team where id = ? and leader_person_id = ? and closed_at is null")
			.params(teamId, personId)
			.query(Long.class)
			.single() > 0;
	}

}
