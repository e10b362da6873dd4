package org.wenming.activity;

import java.math.BigDecimal;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.DataScopes;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Activities against the real database: what a draft must say, the states it goes through, who is
 * told when it is cancelled, and that nothing outside the caller's scope is reached.
 */
@SpringBootTest
class ActivitiesTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Activities activities;

	@Autowired
	Signups signups;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture f;

	@BeforeEach
	void tree() {
		f = ActivityFixture.create(context);
	}

	@Test
	void createsADraftInTheOrganizersScope() {
		Activity activity = f.as("unitA", () -> activities.create(ActivityFixture.draft(f.communityA, "清扫楼道", 48, 10)));

		assertThat(activity.status()).isEqualTo(ActivityStatus.DRAFT);
		assertThat(activity.organizerOrgId()).isEqualTo(f.communityA.id());
		assertThat(activity.radiusMeters()).isEqualTo(300);
		assertThat(activity.createdBy()).isEqualTo(f.user("unitA"));
	}

	@Test
	void refusesAnOrganizerOutsideTheScopeAsNotFound() {
		assertThatThrownBy(() -> f.as("unitA", () -> activities.create(ActivityFixture.draft(f.communityD, "越权", 48, 10))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("error.notFound"));
	}

	@Test
	void refusesEveryBrokenRuleOnItsField() {
		NewActivity ok = ActivityFixture.draft(f.communityA, "规则", 48, 10);
		assertField(with(ok, "endsAt", ok.startsAt()), "endsAt", "activity.endsAt.beforeStart");
		assertField(withCapacity(ok, 0), "capacity", "activity.capacity.min");
		assertField(with(ok, "signupOpensAt", ok.startsAt().plusMinutes(1)), "signupOpensAt", "activity.signupOpensAt.afterStart");
		assertField(with(ok, "signupClosesAt", ok.startsAt().plusMinutes(1)), "signupClosesAt", "activity.signupClosesAt.afterStart");
		assertField(with(ok, "cancelDeadline", ok.startsAt().plusMinutes(1)), "cancelDeadline", "activity.cancelDeadline.afterStart");
		assertField(new NewActivity(ok.title(), ok.type(), ok.organizerOrgId(), null, ok.place(), 39.9, null, 200,
				ok.startsAt(), ok.endsAt(), 10, null, null, null, Audience.ANYONE, null, null, HoursRule.ACTUAL, null,
				null, null), "lng", "activity.coordinates.both");
		assertField(new NewActivity(ok.title(), ok.type(), ok.organizerOrgId(), null, ok.place(), 39.9, 116.4, null,
				ok.startsAt(), ok.endsAt(), 10, null, null, null, Audience.ANYONE, null, null, HoursRule.ACTUAL, null,
				null, null), "radiusMeters", "activity.radius.required");
		assertField(new NewActivity(ok.title(), ok.type(), ok.organizerOrgId(), null, ok.place(), null, null, null,
				ok.startsAt(), ok.endsAt(), 10, null, null, null, Audience.ANYONE, null, null, HoursRule.FIXED, null,
				null, null), "fixedHours", "activity.fixedHours.range");
		assertField(new NewActivity(ok.title(), ok.type(), ok.organizerOrgId(), null, ok.place(), null, null, null,
				ok.startsAt(), ok.endsAt(), 10, null, null, null, Audience.ORG_RESIDENTS, null, null, HoursRule.ACTUAL,
				null, null, null), "audienceOrgId", "activity.audienceOrg.required");
		assertField(new NewActivity(ok.title(), ok.type(), ok.organizerOrgId(), null, ok.place(), null, null, null,
				ok.startsAt(), ok.endsAt(), 10, null, null, null, Audience.TEAM_MEMBERS, null, null, HoursRule.ACTUAL,
				null, null, null), "audienceTeamId", "activity.audienceTeam.required");
		assertField(new NewActivity(" ", ok.type(), ok.organizerOrgId(), null, ok.place(), null, null, null,
				ok.startsAt(), ok.endsAt(), 10, null, null, null, null, null, null, null, null, null, null), "title",
				"activity.title.required");
		long careOutOfScope = DataScopes.asSystem(() -> jdbc.sql("""
				insert into care_recipient (person_id, type, responsible_org_id) values (?, 'EMPTY_NEST_ELDER', ?) returning id""")
			.params(f.person(f.communityD), f.communityD.id()).query(Long.class).single());
		assertField(new NewActivity(ok.title(), ActivityType.CARE_VISIT, ok.organizerOrgId(), null, ok.place(), null,
				null, null, ok.startsAt(), ok.endsAt(), 10, null, null, null, null, null, null, HoursRule.FIXED,
				new BigDecimal("2"), "空巢老人", careOutOfScope), "careRecipientId", "activity.careRecipient.unknown");
	}

	@Test
	void goesFromDraftThroughOpenAndOngoingToFinishedAndMarksNoShows() {
		Activity activity = f.open(ActivityFixture.draft(f.communityA, "周学习", 1, 10), activities);
		assertThat(activity.status()).isEqualTo(ActivityStatus.OPEN);
		long came = f.person(f.communityA);
		long stayedAway = f.person(f.communityA);
		signups.signUp(activity.id(), came);
		signups.signUp(activity.id(), stayedAway);
		// The activity started an hour ago.
		jdbc.sql("update activity set starts_at = starts_at - interval '2 hours' where id = ?").param(activity.id()).update();
		jdbc.sql("insert into attendance (activity_id, person_id, checked_in_at, method, recorded_by) values (?, ?, now(), 'QR', 'test')")
			.params(activity.id(), came).update();

		DataScopes.asSystem(activities::advance);
		assertThat(f.as("unitA", () -> activities.get(activity.id())).status()).isEqualTo(ActivityStatus.ONGOING);
		Activity finished = f.as("unitA", () -> activities.finish(activity.id()));

		assertThat(finished.status()).isEqualTo(ActivityStatus.FINISHED);
		assertThat(activities.noShows(stayedAway)).isEqualTo(1);
		assertThat(activities.noShows(came)).isZero();
		assertThatThrownBy(() -> f.as("unitA", () -> activities.publish(activity.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("activity.publish.illegal"));
		assertThatThrownBy(() -> f.as("unitA", () -> activities.cancel(activity.id(), "太晚了")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("activity.cancel.illegal"));
	}

	@Test
	void theClockFinishesActivitiesThatHaveEnded() {
		Activity activity = f.open(ActivityFixture.draft(f.communityA, "已过", 1, 10), activities);
		jdbc.sql("update activity set starts_at = now() - interval '3 hours', ends_at = now() - interval '1 hour' where id = ?")
			.param(activity.id()).update();

		DataScopes.asSystem(activities::advance);

		assertThat(f.as("unitA", () -> activities.get(activity.id())).status()).isEqualTo(ActivityStatus.FINISHED);
	}

	@Test
	void cancellingTellsEveryoneSignedUpConfirmedOrWaiting() {
		Activity activity = f.open(ActivityFixture.draft(f.communityA, "中秋游园", 24, 1), activities);
		assertThat(f.as("residentA", () -> signups.signUp(activity.id())).status()).isEqualTo(SignupStatus.CONFIRMED);
		assertThat(f.as("residentB", () -> signups.signUp(activity.id())).status()).isEqualTo(SignupStatus.WAITLISTED);

		Activity cancelled = f.as("unitA", () -> activities.cancel(activity.id(), "天气原因"));

		assertThat(cancelled.status()).isEqualTo(ActivityStatus.CANCELLED);
		for (String resident : new String[] { "residentA", "residentB" }) {
			assertThat(jdbc.sql("select body from notification where recipient = ? and category = 'ACTIVITY'")
				.param(f.user(resident)).query(String.class).list())
				.singleElement().asString().contains("中秋游园").contains("天气原因");
		}
		assertThatThrownBy(() -> f.as("unitA", () -> activities.cancel(activity.id(), " ")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("reason"));
	}

	@Test
	void keepsActivitiesOutsideTheScopeOutOfReach() {
		Activity other = f.as("unitD", () -> activities.create(ActivityFixture.draft(f.communityD, "丁社区活动", 48, 5)));

		assertThat(f.as("unitA", () -> activities.find(other.id()))).isEmpty();
		assertThatThrownBy(() -> f.as("unitA", () -> activities.publish(other.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("error.notFound"));
		assertThat(f.as("unitA", () -> activities.list(ActivityQuery.all(), 0, 200)).items())
			.extracting(Activity::id).doesNotContain(other.id());
		assertThat(f.as("office", () -> activities.find(other.id()))).isPresent();
	}

	@Test
	void showsResidentsOnlyPublishedActivitiesTheyMayJoin() {
		Activity draft = f.as("unitA", () -> activities.create(ActivityFixture.draft(f.communityA, "草稿", 48, 5)));
		Activity open = f.open(ActivityFixture.draft(f.communityA, "开放", 48, 5), activities);
		NewActivity forD = new NewActivity("丁社区居民专场", ActivityType.FESTIVAL, f.communityD.id(), null, "丁社区", null,
				null, null, ActivityFixture.inHours(48), ActivityFixture.inHours(50), 5, null, null, null,
				Audience.ORG_RESIDENTS, f.communityD.id(), null, HoursRule.ACTUAL, null, null, null);
		Activity onlyD = f.open(forD, activities);

		assertThat(f.as("residentA", () -> activities.find(draft.id()))).isEmpty();
		assertThat(f.as("residentA", () -> activities.find(open.id()))).isPresent();
		assertThat(f.as("residentA", () -> activities.find(onlyD.id()))).isEmpty();
		assertThat(f.as("residentD", () -> activities.find(onlyD.id()))).isPresent();
	}

	@Test
	void takesASummaryAndPhotosOnlyOnceStarted() {
		Activity activity = f.open(ActivityFixture.draft(f.communityA, "照片", 1, 5), activities);
		byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0 };
		assertThatThrownBy(() -> f.as("unitA", () -> activities.addPhoto(activity.id(), "a.png", png)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("activity.photo.illegal"));
		jdbc.sql("update activity set starts_at = now() - interval '1 hour' where id = ?").param(activity.id()).update();
		DataScopes.asSystem(activities::advance);

		ActivityPhoto photo = f.as("unitA", () -> activities.addPhoto(activity.id(), "合影.png", png));
		Activity summarized = f.as("unitA", () -> activities.summarize(activity.id(), "到场 20 人，清理垃圾 5 袋。"));

		assertThat(photo.contentType()).isEqualTo("image/png");
		assertThat(f.as("unitA", () -> activities.photo(activity.id(), photo.id())).content()).isEqualTo(png);
		assertThat(summarized.summary()).contains("清理垃圾");
		assertThatThrownBy(() -> f.as("unitA", () -> activities.addPhoto(activity.id(), "a.gif", "GIF89a".getBytes())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("activity.photo.type"));
	}

	private void assertField(NewActivity draft, String field, String code) {
		assertThatThrownBy(() -> f.as("unitA", () -> activities.create(draft))).as(code)
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo(code);
				assertThat(ex.field()).isEqualTo(field);
			});
	}

	private static NewActivity withCapacity(NewActivity d, int capacity) {
		return new NewActivity(d.title(), d.type(), d.organizerOrgId(), d.teamId(), d.place(), d.lat(), d.lng(),
				d.radiusMeters(), d.startsAt(), d.endsAt(), capacity, d.signupOpensAt(), d.signupClosesAt(),
				d.cancelDeadline(), d.audience(), d.audienceOrgId(), d.audienceTeamId(), d.hoursRule(), d.fixedHours(),
				d.serviceTarget(), d.careRecipientId());
	}

	private static NewActivity with(NewActivity d, String field, java.time.OffsetDateTime value) {
		return new NewActivity(d.title(), d.type(), d.organizerOrgId(), d.teamId(), d.place(), d.lat(), d.lng(),
				d.radiusMeters(), d.startsAt(), field.equals("endsAt") ? value : d.endsAt(), d.capacity(),
				field.equals("signupOpensAt") ? value : d.signupOpensAt(),
				field.equals("signupClosesAt") ? value : d.signupClosesAt(),
				field.equals("cancelDeadline") ? value : d.cancelDeadline(), d.audience(), d.audienceOrgId(),
				d.audienceTeamId(), d.hoursRule(), d.fixedHours(), d.serviceTarget(), d.careRecipientId());
	}

}
