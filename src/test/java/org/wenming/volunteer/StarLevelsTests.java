package org.wenming.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Star levels from the ledger's total, with thresholds an org sets for its subtree (the nearest
 * ancestor's apply) and a notification on each level reached for the first time.
 */
@SpringBootTest
class StarLevelsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	StarLevels stars;

	@Autowired
	Volunteers volunteers;

	VolunteerFixture f;

	@BeforeEach
	void tree() {
		f = VolunteerFixture.create(context);
	}

	private static List<BigDecimal> hours(int... values) {
		return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
	}

	@Test
	void theNationalDefaultAppliesWithoutASetting() {
		StarThresholds thresholds = stars.thresholds(f.communityA.id());

		assertThat(thresholds.isNational()).isTrue();
		assertThat(thresholds.levelFor(new BigDecimal("99.5"))).isZero();
		assertThat(thresholds.levelFor(BigDecimal.valueOf(100))).isEqualTo(1);
		assertThat(thresholds.levelFor(BigDecimal.valueOf(300))).isEqualTo(2);
		assertThat(thresholds.levelFor(BigDecimal.valueOf(999))).isEqualTo(3);
		assertThat(thresholds.levelFor(BigDecimal.valueOf(1000))).isEqualTo(4);
		assertThat(thresholds.levelFor(BigDecimal.valueOf(5000))).isEqualTo(5);
	}

	@Test
	void theNearestAncestorsSettingApplies() {
		f.as("office", () -> stars.setThresholds(f.city.id(), hours(30, 60, 100, 200, 300)));
		f.as("office", () -> stars.setThresholds(f.street.id(), hours(10, 20, 30, 40, 50)));

		assertThat(stars.thresholds(f.communityA.id()).orgId()).isEqualTo(f.street.id());
		assertThat(stars.thresholds(f.district.id()).orgId()).isEqualTo(f.city.id());
		assertThat(stars.thresholds(f.district.id()).levelFor(BigDecimal.valueOf(100))).isEqualTo(3);

		f.as("office", () -> stars.clearThresholds(f.street.id()));
		assertThat(stars.thresholds(f.communityA.id()).orgId()).isEqualTo(f.city.id());
	}

	@Test
	void thresholdsMustIncreaseStrictlyAndBeSetInScope() {
		assertThatThrownBy(() -> f.as("office", () -> stars.setThresholds(f.city.id(), hours(10, 20, 20, 40, 50))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("volunteer.stars.increasing"));
		assertThatThrownBy(() -> f.as("office", () -> stars.setThresholds(f.city.id(), hours(0, 20, 30, 40, 50))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("volunteer.stars.increasing"));
		assertThatThrownBy(() -> f.as("office", () -> stars.setThresholds(f.city.id(), hours(10, 20, 30))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("volunteer.stars.five"));
		assertThatThrownBy(() -> f.as("a", () -> stars.setThresholds(f.street.id(), hours(10, 20, 30, 40, 50))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("error.notFound"));
		assertThat(stars.thresholds(f.communityA.id()).isNational()).isTrue();
	}

	@Test
	void hoursRecordedRaiseTheLevelAndNotifyOncePerLevel() {
		f.as("office", () -> stars.setThresholds(f.communityA.id(), hours(10, 20, 30, 40, 50)));
		long person = f.resident("v", f.communityA, true);
		long id = f.as("a", () -> volunteers.registerByUnit(new VolunteerRegistration(person, f.communityA.id(), null,
				"", "", "", null, null, null, null))).id();
		LocalDate day = LocalDate.of(2025, 3, 5);

		f.credit(person, f.communityA, "8", day);
		assertThat(level(id)).isZero();
		f.credit(person, f.communityA, "4", day.plusDays(1));
		assertThat(level(id)).isEqualTo(1);
		f.credit(person, f.communityA, "2.5", day.plusDays(2));
		assertThat(level(id)).isEqualTo(1);
		f.credit(person, f.communityA, "12", day.plusDays(3));
		assertThat(level(id)).isEqualTo(2);

		assertThat(f.notificationsOf("v")).containsExactly("志愿者星级晋升：★", "志愿者星级晋升：★★");
	}

	@Test
	void aLevelLostByACorrectionAndRegainedIsNotAnnouncedAgain() {
		f.as("office", () -> stars.setThresholds(f.communityA.id(), hours(10, 20, 30, 40, 50)));
		long person = f.resident("v", f.communityA, true);
		long id = f.as("a", () -> volunteers.registerByUnit(new VolunteerRegistration(person, f.communityA.id(), null,
				"", "", "", null, null, null, null))).id();
		f.credit(person, f.communityA, "12", LocalDate.of(2025, 4, 1));
		assertThat(level(id)).isEqualTo(1);

		// Lowering the threshold's reach: a stricter setting recomputed on the next entry.
		f.as("office", () -> stars.setThresholds(f.communityA.id(), hours(15, 20, 30, 40, 50)));
		f.credit(person, f.communityA, "1", LocalDate.of(2025, 4, 2));
		assertThat(level(id)).isZero();
		f.credit(person, f.communityA, "3", LocalDate.of(2025, 4, 3));
		assertThat(level(id)).isEqualTo(1);

		assertThat(f.notificationsOf("v")).containsExactly("志愿者星级晋升：★");
	}

	@Test
	void hoursOfSomeoneNotRegisteredChangeNoLevel() {
		long person = f.resident("v", f.communityA, true);

		f.credit(person, f.communityA, "20", LocalDate.of(2025, 5, 1));

		assertThat(stars.recompute(person)).isZero();
		assertThat(f.notificationsOf("v")).isEmpty();
	}

	private int level(long volunteerId) {
		return f.jdbc.sql("select star_level from volunteer where id = ?").param(volunteerId).query(Integer.class).single();
	}

}
