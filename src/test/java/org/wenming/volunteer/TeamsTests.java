package org.wenming.volunteer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.activity.Memberships;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Teams: created by an admin with a leader, joined by application and approval of the leader or
 * an admin, at most three teams per person, left and closed; and the memberships the activity
 * module asks about.
 */
@SpringBootTest
class TeamsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Teams teams;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Memberships memberships;

	VolunteerFixture f;

	long leader;

	@BeforeEach
	void tree() {
		f = VolunteerFixture.create(context);
		leader = f.resident("leader", f.communityA, true);
	}

	private Team team(String name) {
		return f.as("a", () -> teams.create(new NewTeam(f.communityA.id(), name + f.tag, leader, "关爱空巢老人", "和平社区")));
	}

	@Test
	void theLeaderApprovesAnApplication() {
		Team team = team("爱心服务队");
		long member = f.resident("member", f.communityA, true);

		TeamMember application = f.as("member", () -> teams.apply(team.id(), member));
		assertThat(application.status()).isEqualTo("PENDING");
		assertThat(memberships.isTeamMember(team.id(), member)).isFalse();
		assertThat(f.notificationsOf("leader")).containsExactly("入队申请");

		TeamMember approved = f.as("leader", () -> teams.approve(team.id(), application.id()));

		assertThat(approved.status()).isEqualTo("ACTIVE");
		assertThat(memberships.isTeamMember(team.id(), member)).isTrue();
		assertThat(memberships.isTeamMember(team.id(), leader)).isTrue();
		assertThat(memberships.isTeamLeader(team.id(), leader)).isTrue();
		assertThat(memberships.isTeamLeader(team.id(), member)).isFalse();
		assertThat(f.notificationsOf("member")).containsExactly("入队申请已通过");
		assertThatThrownBy(() -> f.as("member", () -> teams.apply(team.id(), member)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("volunteer.team.applied"));
	}

	@Test
	void onlyTheLeaderOrAnAdminOverTheTeamDecides() {
		Team team = team("助老服务队");
		long member = f.resident("member", f.communityA, true);
		long other = f.resident("other", f.communityA, true);
		long first = f.as("member", () -> teams.apply(team.id(), member)).id();
		long second = f.as("other", () -> teams.apply(team.id(), other)).id();

		assertThatThrownBy(() -> f.as("other", () -> teams.approve(team.id(), first)))
			.isInstanceOf(DomainException.class);
		assertThatThrownBy(() -> f.as("b", () -> teams.approve(team.id(), first)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.status()).isEqualTo(HttpStatus.NOT_FOUND));
		f.as("member", () -> teams.leave(team.id(), member));
		f.as("a", () -> teams.reject(team.id(), second, "名额已满"));

		assertThat(memberships.isTeamMember(team.id(), member)).isFalse();
		assertThat(memberships.isTeamMember(team.id(), other)).isFalse();
		assertThat(f.notificationsOf("other")).containsExactly("入队申请未通过");
	}

	@Test
	void nobodyJoinsMoreThanTheMaximumOfTeams() {
		long member = f.resident("member", f.communityA, true);
		for (int i = 0; i < 3; i++) {
			Team team = team("服务队" + i);
			long application = f.as("member", () -> teams.apply(team.id(), member)).id();
			f.as("leader", () -> teams.approve(team.id(), application));
		}
		Team fourth = team("第四队");

		assertThatThrownBy(() -> f.as("member", () -> teams.apply(fourth.id(), member)))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo("volunteer.team.tooMany");
				assertThat(ex.args()).containsExactly(3);
			});

		long firstTeam = teams.memberships(member).get(0).teamId();
		f.as("member", () -> teams.leave(firstTeam, member));
		assertThat(f.as("member", () -> teams.apply(fourth.id(), member)).status()).isEqualTo("PENDING");
	}

	@Test
	void approvalRechecksTheMaximum() {
		long member = f.resident("member", f.communityA, true);
		Team[] all = { team("一队"), team("二队"), team("三队"), team("四队") };
		long[] applications = new long[4];
		for (int i = 0; i < 4; i++) {
			long team = all[i].id();
			applications[i] = f.as("member", () -> teams.apply(team, member)).id();
		}
		for (int i = 0; i < 3; i++) {
			int n = i;
			f.as("a", () -> teams.approve(all[n].id(), applications[n]));
		}

		assertThatThrownBy(() -> f.as("a", () -> teams.approve(all[3].id(), applications[3])))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("volunteer.team.tooMany"));
	}

	@Test
	void aClosedTeamTakesNoApplicationsAndFreesItsName() {
		Team team = team("临时队");
		long member = f.resident("member", f.communityA, true);
		assertThatThrownBy(() -> f.as("b", () -> teams.close(team.id()))).isInstanceOf(DomainException.class);

		f.as("a", () -> teams.close(team.id()));

		assertThatThrownBy(() -> f.as("member", () -> teams.apply(team.id(), member)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("volunteer.team.closed"));
		assertThat(memberships.isTeamLeader(team.id(), leader)).isFalse();
		assertThat(team("临时队").id()).isNotEqualTo(team.id());
		assertThatThrownBy(() -> team("临时队")).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo("volunteer.team.name.taken"));
	}

	@Test
	void aRegisteredVolunteerIsOneWhoseRegistrationWasApproved() {
		long person = f.person("志愿者", f.communityA, true);
		assertThat(memberships.isRegisteredVolunteer(person)).isFalse();

		long id = f.as("a", () -> volunteers.registerByUnit(new VolunteerRegistration(person, f.communityA.id(), null,
				"", "", "", null, null, null, null))).id();
		assertThat(memberships.isRegisteredVolunteer(person)).isTrue();

		f.as("a", () -> volunteers.deregister(id, "迁出本市"));
		assertThat(memberships.isRegisteredVolunteer(person)).isFalse();
	}

}
