package org.wenming.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.activity.CheckIns.Scan;
import org.wenming.plan.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wenming.activity.HoursFixture.refused;

/**
 * Check-in and check-out with rotating tokens against the real database, with a clock the tests
 * move: expiry, replay by another account, tokens of other activities and forged ones, the typed
 * code, the geofence, scanning twice, check-out before check-in, an activity across midnight and
 * the job that closes forgotten check-outs.
 */
@SpringBootTest
@Import(MutableClock.Config.class)
class CheckInTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	CheckInTokens tokens;

	@Autowired
	CheckIns checkIns;

	@Autowired
	HoursLedger ledger;

	@Autowired
	ForgottenCheckOutJob job;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	HoursFixture f;

	/** A day of the tests: next year, so that the job's runs touch nothing of other tests. */
	LocalDate day;

	@BeforeEach
	void fixture() {
		f = new HoursFixture(context);
		day = LocalDate.now().plusYears(1).plusDays(f.tag.hashCode() & 127);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void tokenExpiresAfterThirtySeconds() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String early = f.volunteer();
		String late = f.volunteer();
		f.signUp(activity, early);
		f.signUp(activity, late);
		clock.set(day.atTime(9, 0));
		CheckInTokens.Token token = f.as(f.leader, () -> tokens.current(activity));

		clock.set(day.atTime(9, 0, 29));
		Attendance attendance = f.as(early, () -> checkIns.checkIn(activity, new Scan(token.token(), null, null, null)));
		assertThat(attendance.method()).isEqualTo("QR");

		CheckInTokens.Token next = f.as(f.leader, () -> tokens.current(activity));
		assertThat(next.token()).as("a used token is replaced at once").isNotEqualTo(token.token());
		clock.set(day.atTime(9, 0, 59));
		refused(() -> f.as(late, () -> checkIns.checkIn(activity, new Scan(next.token(), null, null, null))),
				"hours.checkin.token.expired");
	}

	@Test
	void tokenUsedByOneAccountIsRefusedToAnotherAndScanningTwiceDoesNothing() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String first = f.volunteer();
		String second = f.volunteer();
		f.signUp(activity, first);
		f.signUp(activity, second);
		clock.set(day.atTime(9, 5));
		CheckInTokens.Token token = f.as(f.leader, () -> tokens.current(activity));
		Scan scan = new Scan(token.token(), null, null, null);

		Attendance once = f.as(first, () -> checkIns.checkIn(activity, scan));
		clock.set(day.atTime(9, 5, 10));
		Attendance twice = f.as(first, () -> checkIns.checkIn(activity, scan));
		refused(() -> f.as(second, () -> checkIns.checkIn(activity, scan)), "hours.checkin.token.usedByOther");

		assertThat(twice).isEqualTo(once);
		assertThat(once.checkedInAt().toInstant()).isEqualTo(f.at(day.atTime(9, 5)).toInstant());
		assertThat(jdbc.sql("select count(*) from attendance where activity_id = ?").param(activity).query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void tokenOfAnotherActivityOrWithABadSignatureIsRefused() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		long another = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		f.signUp(activity, volunteer);
		clock.set(day.atTime(9, 5));
		CheckInTokens.Token foreign = f.as(f.leader, () -> tokens.current(another));
		CheckInTokens.Token own = f.as(f.leader, () -> tokens.current(activity));
		String forged = own.token().substring(0, own.token().length() - 2)
				+ (own.token().endsWith("AA") ? "BB" : "AA");
		String renamed = activity + foreign.token().substring(foreign.token().indexOf('.'));

		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(foreign.token(), null, null, null))),
				"hours.checkin.token.otherActivity");
		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(forged, null, null, null))),
				"hours.checkin.token.invalid");
		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(renamed, null, null, null))),
				"hours.checkin.token.invalid");
		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity, new Scan("nonsense", null, null, null))),
				"hours.checkin.token.invalid");
		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(null, null, null, null))),
				"hours.checkin.token.missing");
	}

	@Test
	void typedCodeChecksInLikeTheScannedToken() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		String other = f.volunteer();
		f.signUp(activity, volunteer);
		f.signUp(activity, other);
		clock.set(day.atTime(8, 31));
		CheckInTokens.Token token = f.as(f.leader, () -> tokens.current(activity));

		Attendance attendance = f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(null, token.code(), null, null)));

		assertThat(attendance.method()).isEqualTo("CODE");
		assertThat(token.code()).matches("\\d{6}");
		refused(() -> f.as(other, () -> checkIns.checkIn(activity, new Scan(null, token.code(), null, null))),
				"hours.checkin.token.usedByOther");
	}

	@Test
	void checkInOpensThirtyMinutesBeforeTheStartAndClosesAtTheEnd() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		f.signUp(activity, volunteer);
		clock.set(day.atTime(8, 29));
		CheckInTokens.Token early = f.as(f.leader, () -> tokens.current(activity));
		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(early.token(), null, null, null))),
				"hours.checkin.tooEarly");

		clock.set(day.atTime(11, 0, 1));
		CheckInTokens.Token late = f.as(f.leader, () -> tokens.current(activity));
		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(late.token(), null, null, null))),
				"hours.checkin.over");
	}

	@Test
	void onlyConfirmedSignUpsCheckInUnlessTheActivityIsOpenToAnyone() {
		long forVolunteers = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		long forAnyone = f.activity(day.atTime(9, 0), day.atTime(11, 0), Audience.ANYONE, null, null, null);
		String walkIn = f.volunteer();
		clock.set(day.atTime(9, 10));

		CheckInTokens.Token closed = f.as(f.leader, () -> tokens.current(forVolunteers));
		refused(() -> f.as(walkIn, () -> checkIns.checkIn(forVolunteers, new Scan(closed.token(), null, null, null))),
				"hours.checkin.notSignedUp");
		CheckInTokens.Token open = f.as(f.leader, () -> tokens.current(forAnyone));
		Attendance attendance = f.as(walkIn, () -> checkIns.checkIn(forAnyone, new Scan(open.token(), null, null, null)));

		assertThat(attendance.personId()).isEqualTo(f.personId(walkIn));
	}

	@Test
	void positionMustLieWithinTheRadiusOfAnActivityWithCoordinates() {
		// 天安门广场; 300 m radius.
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0), Audience.VOLUNTEERS, 39.9055, 116.3976, null);
		String volunteer = f.volunteer();
		f.signUp(activity, volunteer);
		clock.set(day.atTime(9, 10));
		CheckInTokens.Token token = f.as(f.leader, () -> tokens.current(activity));

		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(token.token(), null, null, null))),
				"hours.checkin.position.missing");
		// About 1.1 km north.
		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(token.token(), null, 39.9155, 116.3976))),
				"hours.checkin.position.far");
		// About 220 m north.
		Attendance attendance = f.as(volunteer,
				() -> checkIns.checkIn(activity, new Scan(token.token(), null, 39.9075, 116.3976)));

		assertThat(attendance.checkedInAt()).isNotNull();
		assertThat(CheckIns.distanceMetres(39.9055, 116.3976, 39.9075, 116.3976)).isBetween(215.0, 230.0);
	}

	@Test
	void impossiblePositionsAndAccuracyCoarserThanTheRadiusAreRefused() {
		// 天安门广场; 300 m radius. The token is the proof of presence; the position is a second factor
		// a phone can forge, so only what no phone could truly report is refused.
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0), Audience.VOLUNTEERS, 39.9055, 116.3976, null);
		String volunteer = f.volunteer();
		f.signUp(activity, volunteer);
		clock.set(day.atTime(9, 10));
		CheckInTokens.Token token = f.as(f.leader, () -> tokens.current(activity));

		for (double[] impossible : new double[][] { { 91, 116.3976 }, { -90.5, 116.3976 }, { 39.9055, 180.5 },
				{ 39.9055, -400 }, { Double.NaN, 116.3976 }, { 39.9055, Double.POSITIVE_INFINITY } }) {
			refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity,
					new Scan(token.token(), null, impossible[0], impossible[1]))), "hours.checkin.position.impossible");
		}
		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity,
				new Scan(token.token(), null, 39.9055, 116.3976, -1.0))), "hours.checkin.position.impossible");
		// Right at the spot, but the phone says it only knows within 1.5 km.
		refused(() -> f.as(volunteer, () -> checkIns.checkIn(activity,
				new Scan(token.token(), null, 39.9055, 116.3976, 1500.0))), "hours.checkin.position.inaccurate");
		assertThat(jdbc.sql("select count(*) from attendance where activity_id = ?").param(activity)
			.query(Long.class).single()).isZero();

		Attendance attendance = f.as(volunteer,
				() -> checkIns.checkIn(activity, new Scan(token.token(), null, 39.9060, 116.3976, 25.0)));
		assertThat(attendance.checkedInAt()).isNotNull();
	}

	@Test
	void checkOutBeforeCheckInIsRefusedAndCheckingOutTwiceDoesNothing() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		f.signUp(activity, volunteer);
		clock.set(day.atTime(9, 0));
		CheckInTokens.Token token = f.as(f.leader, () -> tokens.current(activity));
		Scan scan = new Scan(token.token(), null, null, null);

		refused(() -> f.as(volunteer, () -> checkIns.checkOut(activity, scan)), "hours.checkout.notCheckedIn");
		f.as(volunteer, () -> checkIns.checkIn(activity, scan));
		clock.set(day.atTime(10, 30));
		CheckInTokens.Token later = f.as(f.leader, () -> tokens.current(activity));
		Attendance out = f.as(volunteer, () -> checkIns.checkOut(activity, new Scan(later.token(), null, null, null)));
		clock.set(day.atTime(10, 35));
		Attendance again = f.as(volunteer, () -> checkIns.checkOut(activity, new Scan(later.token(), null, null, null)));

		assertThat(out.hours()).isEqualByComparingTo("1.5");
		assertThat(again).isEqualTo(out);
	}

	@Test
	void checkingInEarlyIsAllowedButHoursCountFromTheStart() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		String leftEarly = f.volunteer();
		f.signUp(activity, volunteer);
		f.signUp(activity, leftEarly);
		clock.set(day.atTime(8, 35));
		CheckInTokens.Token first = f.as(f.leader, () -> tokens.current(activity));
		f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(first.token(), null, null, null)));
		CheckInTokens.Token second = f.as(f.leader, () -> tokens.current(activity));
		f.as(leftEarly, () -> checkIns.checkIn(activity, new Scan(null, second.code(), null, null)));

		clock.set(day.atTime(8, 55));
		CheckInTokens.Token third = f.as(f.leader, () -> tokens.current(activity));
		Attendance gone = f.as(leftEarly, () -> checkIns.checkOut(activity, new Scan(third.token(), null, null, null)));
		clock.set(day.atTime(9, 45));
		CheckInTokens.Token fourth = f.as(f.leader, () -> tokens.current(activity));
		Attendance served = f.as(volunteer, () -> checkIns.checkOut(activity, new Scan(fourth.token(), null, null, null)));

		assertThat(served.checkedInAt().toInstant()).as("the check-in time is kept as it was")
			.isEqualTo(f.at(day.atTime(8, 35)).toInstant());
		assertThat(served.hours()).as("9:00 to 9:45, not from 8:35").isEqualByComparingTo("0.7");
		assertThat(gone.hours()).as("left before the start").isEqualByComparingTo("0");
		refused(() -> f.as(f.admin, () -> ledger.confirm(activity, gone.id())), "hours.confirm.zero");
		assertThat(f.as(f.admin, () -> ledger.confirm(activity, served.id())).hours()).isEqualByComparingTo("0.7");
	}

	@Test
	void activityAcrossMidnightCountsItsHoursOverBothDays() {
		long activity = f.activity(day.atTime(22, 0), day.plusDays(1).atTime(2, 0));
		String volunteer = f.volunteer();
		f.signUp(activity, volunteer);
		clock.set(day.atTime(21, 50));
		CheckInTokens.Token in = f.as(f.leader, () -> tokens.current(activity));
		f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(in.token(), null, null, null)));
		clock.set(day.plusDays(1).atTime(2, 10));
		CheckInTokens.Token out = f.as(f.leader, () -> tokens.current(activity));
		Attendance attendance = f.as(volunteer, () -> checkIns.checkOut(activity, new Scan(out.token(), null, null, null)));

		assertThat(attendance.hours()).as("22:00 to 02:00, capped at the end").isEqualByComparingTo("4.0");
		HoursEntry entry = f.as(f.admin, () -> ledger.confirm(activity, attendance.id()));
		assertThat(entry.hours()).isEqualByComparingTo("4.0");
		assertThat(entry.serviceDate()).isEqualTo(day);
		assertThat(entry.periodStart().toInstant()).isEqualTo(f.at(day.atTime(22, 0)).toInstant());
		long person = f.personId(volunteer);
		assertThat(ledger.dayHours(person, day)).isEqualByComparingTo(new BigDecimal("2.0"));
		assertThat(ledger.dayHours(person, day.plusDays(1))).isEqualByComparingTo(new BigDecimal("2.0"));
	}

	@Test
	void forgottenCheckOutIsClosedAtTheScheduledEndAndFlaggedForTheLeader() {
		long activity = f.activity(day.atTime(9, 0), day.atTime(11, 0));
		String volunteer = f.volunteer();
		String diligent = f.volunteer();
		f.signUp(activity, volunteer);
		f.signUp(activity, diligent);
		clock.set(day.atTime(8, 45));
		CheckInTokens.Token first = f.as(f.leader, () -> tokens.current(activity));
		f.as(volunteer, () -> checkIns.checkIn(activity, new Scan(first.token(), null, null, null)));
		CheckInTokens.Token second = f.as(f.leader, () -> tokens.current(activity));
		f.as(diligent, () -> checkIns.checkIn(activity, new Scan(second.token(), null, null, null)));
		clock.set(day.atTime(10, 0));
		CheckInTokens.Token third = f.as(f.leader, () -> tokens.current(activity));
		f.as(diligent, () -> checkIns.checkOut(activity, new Scan(third.token(), null, null, null)));

		job.run(f.at(day.atTime(10, 59)));
		assertThat(checkIns.find(activity, f.personId(volunteer)).checkedOutAt()).as("before the end").isNull();
		job.run(f.at(day.atTime(11, 10)));
		job.run(f.at(day.atTime(11, 20)));

		Attendance closed = f.as(f.leader, () -> checkIns.ofActivity(activity)).stream()
			.filter(a -> a.personId() == f.personId(volunteer))
			.findFirst()
			.orElseThrow();
		assertThat(closed.checkedOutAt().toInstant()).isEqualTo(f.at(day.atTime(11, 0)).toInstant());
		assertThat(closed.autoClosed()).isTrue();
		assertThat(closed.needsReview()).isTrue();
		assertThat(closed.hours()).as("capped at the scheduled time").isEqualByComparingTo("2.0");
		assertThat(f.notificationsOf(f.leader)).containsExactly("有1人未签退：清洁家园" + f.tag);
		assertThat(checkIns.find(activity, f.personId(diligent)).autoClosed()).isFalse();
		assertThat(ChronoUnit.MINUTES.between(closed.checkedInAt(), closed.checkedOutAt())).isEqualTo(135);
	}

}
