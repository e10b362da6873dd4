package org.wenming.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.activity.RankBy;
import org.wenming.metric.MetricCatalog;
import org.wenming.metric.MetricQuery;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Leaderboards named and kept in the caller's scope, and the registered-volunteer metrics of the
 * catalog.
 */
@SpringBootTest
class LeaderboardsAndMetricsTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Leaderboards leaderboards;

	@Autowired
	Volunteers volunteers;

	@Autowired
	MetricCatalog metrics;

	VolunteerFixture f;

	@BeforeEach
	void tree() {
		f = VolunteerFixture.create(context);
	}

	@Test
	void peopleAndOrgsAreRankedByHoursOfThePeriodWithNames() {
		long first = f.person("张", f.communityA, true);
		long second = f.person("李", f.communityB, true);
		f.credit(first, f.communityA, "5", LocalDate.of(2025, 3, 5));
		f.credit(second, f.communityB, "8", LocalDate.of(2025, 4, 5));
		f.credit(first, f.communityA, "9", LocalDate.of(2025, 7, 1));

		List<Leaderboards.Row> spring = f.as("office", () -> leaderboards.board(RankBy.PERSON, f.city.id(),
				YearMonth.of(2025, 3), YearMonth.of(2025, 4), 10));
		List<Leaderboards.Row> year = f.as("office", () -> leaderboards.board(RankBy.PERSON, f.street.id(),
				YearMonth.of(2025, 1), YearMonth.of(2025, 12), 10));

		assertThat(spring).extracting(Leaderboards.Row::name).containsExactly("李" + f.tag, "张" + f.tag);
		assertThat(spring.get(0).orgName()).isEqualTo(f.communityB.name());
		assertThat(year).extracting(Leaderboards.Row::name).containsExactly("张" + f.tag, "李" + f.tag);
		assertThat(year.get(0).hours()).isEqualByComparingTo("14");
		assertThat(year.get(0).orgName()).isEqualTo(f.communityA.name());
	}

	@Test
	void anOrgOutsideTheScopeOrABackwardPeriodIsRefused() {
		assertThatThrownBy(() -> f.as("a", () -> leaderboards.board(RankBy.PERSON, f.communityB.id(),
				YearMonth.of(2025, 1), YearMonth.of(2025, 12), 10)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("error.notFound"));
		assertThatThrownBy(() -> f.as("a", () -> leaderboards.board(RankBy.PERSON, f.communityA.id(),
				YearMonth.of(2025, 5), YearMonth.of(2025, 1), 10)))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("volunteer.leaderboard.period"));
	}

	@Test
	void registeredVolunteersAndTheirShareOfResidents() {
		long one = f.person("甲", f.communityA, true);
		f.person("乙", f.communityA, true);
		f.person("丙", f.communityA, true);
		long ended = f.person("丁", f.communityA, true);
		f.as("a", () -> volunteers.registerByUnit(new VolunteerRegistration(one, f.communityA.id(), null, "", "", "",
				null, null, null, null)));
		long id = f.as("a", () -> volunteers.registerByUnit(new VolunteerRegistration(ended, f.communityA.id(), null, "",
				"", "", null, null, null, null))).id();
		f.as("a", () -> volunteers.deregister(id, "迁出"));
		// The fixture's office admin, 甲社区's admin and the recorder live in 甲社区 too: 1 of 7 residents.
		MetricQuery query = new MetricQuery(f.communityA.id(), f.communityA.path(), LocalDate.now().withDayOfYear(1),
				LocalDate.now());

		assertThat(metrics.compute("volunteer.registered", query)).contains(BigDecimal.ONE);
		assertThat(metrics.compute("volunteer.registered_ratio", query).orElseThrow()).isEqualByComparingTo("14.29");
	}

}
