package org.wenming.activity;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Sign-ups against the real database: places up to the capacity, the waiting list in order and
 * its moving up, overlapping activities, the sign-up window, the cancellation deadline and the
 * audience.
 */
@SpringBootTest
class SignupsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Activities activities;

	@Autowired
	Signups signups;

	@Autowired
	ActivityNotices notices;

	@Autowired
	JdbcClient jdbc;

	ActivityFixture f;

	@BeforeEach
	void tree() {
		f = ActivityFixture.create(context);
	}

	@Test
	void confirmsUpToTheCapacityThenWaitlistsInOrder() {
		Activity activity = f.open(ActivityFixture.draft(f.communityA, "敬老院慰问", 24, 2), activities);
		List<Long> people = f.people(f.communityA, 4);

		List<SignupResult> results = people.stream().map(person -> signups.signUp(activity.id(), person)).toList();

		assertThat(results).containsExactly(new SignupResult(SignupStatus.CONFIRMED, null),
				new SignupResult(SignupStatus.CONFIRMED, null), new SignupResult(SignupStatus.WAITLISTED, 1),
				new SignupResult(SignupStatus.WAITLISTED, 2));
		assertThat(f.as("unitA", () -> activities.get(activity.id())).confirmedCount()).isEqualTo(2);
		assertThatThrownBy(() -> signups.signUp(activity.id(), people.get(0)))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo("activity.signup.already");
				assertThat(ex.status().value()).isEqualTo(409);
			});
	}

	@Test
	void cancellingAPlaceMovesTheFirstWaitingUpAndTellsThem() {
		Activity activity = f.open(ActivityFixture.draft(f.communityA, "植树", 24, 1), activities);
		long first = f.person(f.communityA);
		f.as("residentA", () -> signups.signUp(activity.id(), first));
		assertThat(f.as("residentA", () -> signups.signUp(activity.id())).position()).isEqualTo(1);
		long third = f.person(f.communityA);
		assertThat(signups.signUp(activity.id(), third).position()).isEqualTo(2);

		signups.cancel(activity.id(), first);

		List<Signup> list = f.as("unitA", () -> signups.ofActivity(activity.id()));
		assertThat(list).extracting(Signup::personId).containsExactly(f.personOf("residentA"), third);
		assertThat(list).extracting(Signup::status).containsExactly(SignupStatus.CONFIRMED, SignupStatus.WAITLISTED);
		assertThat(list.get(1).position()).isEqualTo(1);
		assertThat(f.as("unitA", () -> activities.get(activity.id())).confirmedCount()).isEqualTo(1);
		assertThat(jdbc.sql("select title from notification where recipient = ?").param(f.user("residentA"))
			.query(String.class).list()).singleElement().asString().contains("候补成功").contains("植树");

		// Leaving the waiting list frees no place.
		signups.cancel(activity.id(), third);
		assertThat(f.as("unitA", () -> signups.ofActivity(activity.id()))).hasSize(1);
		assertThat(f.as("unitA", () -> activities.get(activity.id())).confirmedCount()).isEqualTo(1);
	}

	@Test
	void refusesAnOverlappingActivityNamingTheOther() {
		Activity morning = f.open(ActivityFixture.draft(f.communityA, "上午义诊", 24, 5), activities);
		Activity overlapping = f.open(ActivityFixture.draft(f.communityA, "健康讲座", 25, 5), activities);
		Activity later = f.open(ActivityFixture.draft(f.communityA, "下午清扫", 26, 5), activities);
		long person = f.person(f.communityA);
		signups.signUp(morning.id(), person);

		assertThatThrownBy(() -> signups.signUp(overlapping.id(), person))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.code()).isEqualTo("activity.signup.overlap");
				assertThat(ex.args()[0]).isEqualTo("上午义诊");
				assertThat((String) ex.args()[1]).contains(notices.when(morning).substring(0, 16));
				assertThat(ex.status().value()).isEqualTo(422);
			});
		assertThat(signups.signUp(later.id(), person).status()).isEqualTo(SignupStatus.CONFIRMED);
	}

	@Test
	void refusesOutsideTheSignupWindow() {
		NewActivity d = ActivityFixture.draft(f.communityA, "窗口", 24, 5);
		Activity closed = f.open(new NewActivity(d.title(), d.type(), d.organizerOrgId(), null, d.place(), null, null,
				null, d.startsAt(), d.endsAt(), 5, ActivityFixture.inHours(-5), ActivityFixture.inHours(-1), null,
				Audience.ANYONE, null, null, HoursRule.ACTUAL, null, null, null), activities);
		Activity notYet = f.open(new NewActivity(d.title(), d.type(), d.organizerOrgId(), null, d.place(), null, null,
				null, d.startsAt(), d.endsAt(), 5, ActivityFixture.inHours(2), null, null, Audience.ANYONE, null, null,
				HoursRule.ACTUAL, null, null, null), activities);
		Activity draft = f.as("unitA", () -> activities.create(d));
		long person = f.person(f.communityA);

		assertCode(() -> signups.signUp(closed.id(), person), "activity.signup.closed");
		assertCode(() -> signups.signUp(notYet.id(), person), "activity.signup.notYetOpen");
		assertCode(() -> signups.signUp(draft.id(), person), "activity.signup.closed");
	}

	@Test
	void refusesCancellingAfterTheDeadline() {
		NewActivity d = ActivityFixture.draft(f.communityA, "期限", 24, 5);
		Activity activity = f.open(new NewActivity(d.title(), d.type(), d.organizerOrgId(), null, d.place(), null, null,
				null, d.startsAt(), d.endsAt(), 5, null, null, ActivityFixture.inHours(1), Audience.ANYONE, null, null,
				HoursRule.ACTUAL, null, null, null), activities);
		long person = f.person(f.communityA);
		signups.signUp(activity.id(), person);
		jdbc.sql("update activity set cancel_deadline = now() - interval '1 minute' where id = ?").param(activity.id()).update();

		assertCode(() -> signups.cancel(activity.id(), person), "activity.signup.cancelTooLate");
		assertThat(f.as("unitA", () -> signups.ofActivity(activity.id()))).hasSize(1);
	}

	@Test
	void admitsOnlyTheAudience() {
		NewActivity d = ActivityFixture.draft(f.communityA, "居民专场", 24, 5);
		Activity residents = f.open(new NewActivity(d.title(), d.type(), d.organizerOrgId(), null, d.place(), null, null,
				null, d.startsAt(), d.endsAt(), 5, null, null, null, Audience.ORG_RESIDENTS, f.street.id(), null,
				HoursRule.ACTUAL, null, null, null), activities);
		Activity volunteers = f.open(new NewActivity("志愿者专场", d.type(), d.organizerOrgId(), null, d.place(), null,
				null, null, ActivityFixture.inHours(30), ActivityFixture.inHours(31), 5, null, null, null,
				Audience.VOLUNTEERS, null, null, HoursRule.ACTUAL, null, null, null), activities);

		assertThat(signups.signUp(residents.id(), f.person(f.communityB)).status()).isEqualTo(SignupStatus.CONFIRMED);
		assertCode(() -> signups.signUp(residents.id(), f.person(f.communityD)), "activity.signup.audience");
		if (context.getBeanProvider(Memberships.class).getIfAvailable() == null) {
			assertCode(() -> signups.signUp(volunteers.id(), f.person(f.communityA)), "activity.signup.audience");
		}
	}

	private static void assertCode(Runnable call, String code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.code()).isEqualTo(code));
	}

}
