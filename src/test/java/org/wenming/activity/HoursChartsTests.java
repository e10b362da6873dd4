package org.wenming.activity;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.TestIdNumbers;
import org.wenming.directory.DataScopes;
import org.wenming.directory.People;
import org.wenming.directory.PersonCommand;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of the hours charts against the real database: months and years in Beijing time (an
 * activity that starts at 00:30 on the first of a month in Beijing, still the month before in UTC,
 * counts in the new month), every period present with zeros, drafts and cancelled activities left
 * out, a team's and an org's subtree's hours apart, long ranges by year.
 */
@SpringBootTest
class HoursChartsTests {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Autowired
	ApplicationContext context;

	@Autowired
	HoursCharts charts;

	@Autowired
	JdbcClient jdbc;

	HoursFixture f;

	long approver;

	long teamId;

	@BeforeEach
	void fixture() {
		f = new HoursFixture(context);
		approver = person();
		teamId = 2_000_000_000L + (f.tag.hashCode() & 0xffffff);
	}

	@Test
	void aPersonsHoursByMonthAndYearEndAtThisMonthInBeijing() {
		long person = person();
		YearMonth now = charts.thisMonth();
		assertThat(now).isEqualTo(YearMonth.from(LocalDate.now(HoursFixture.ZONE)));
		credit(person, f.community.id(), null, "2.5", now.atDay(1));
		credit(person, f.community.id(), null, "1", now.atDay(1));
		credit(person, f.community.id(), null, "4", now.minusMonths(2).atDay(15));
		credit(person, f.community.id(), null, "8", now.minusMonths(12).atDay(1));
		credit(person, f.community.id(), null, "3", LocalDate.of(now.getYear() - 2, 6, 1));

		List<HoursCharts.Point> months = charts.personMonths(person);
		assertThat(months).hasSize(12);
		assertThat(months.get(0).period()).isEqualTo(now.minusMonths(11).toString());
		assertThat(months.get(11).period()).isEqualTo(now.toString());
		assertThat(months.get(11).hoursText()).isEqualTo("3.5");
		assertThat(months.get(9).hoursText()).isEqualTo("4");
		assertThat(months.stream().map(HoursCharts.Point::hours).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("7.5");

		List<HoursCharts.Point> years = charts.personYears(person);
		assertThat(years).extracting(HoursCharts.Point::period)
			.containsExactly(String.valueOf(now.getYear() - 2), String.valueOf(now.getYear() - 1), String.valueOf(now.getYear()));
		assertThat(years.get(0).hoursText()).isEqualTo("3");
		assertThat(years.get(1).hoursText()).isEqualTo("8");
		assertThat(charts.personYears(person()).get(0).hoursText()).isEqualTo("0");
	}

	@Test
	void aTeamsAndAnOrgsActivitiesCountInTheirBeijingMonth() {
		int year = LocalDate.now().getYear() - 1;
		// 00:30 on 1 April in Beijing is still 31 March in UTC.
		activity(f.community.id(), teamId, OffsetDateTime.of(year, 3, 31, 16, 30, 0, 0, ZoneOffset.UTC), "FINISHED");
		activity(f.community.id(), teamId, OffsetDateTime.of(year, 3, 10, 2, 0, 0, 0, ZoneOffset.UTC), "FINISHED");
		activity(f.community.id(), teamId, OffsetDateTime.of(year, 3, 12, 2, 0, 0, 0, ZoneOffset.UTC), "CANCELLED");
		activity(f.community.id(), teamId, OffsetDateTime.of(year, 3, 13, 2, 0, 0, 0, ZoneOffset.UTC), "DRAFT");
		activity(f.other.id(), null, OffsetDateTime.of(year, 5, 13, 2, 0, 0, 0, ZoneOffset.UTC), "OPEN");
		long person = person();
		credit(person, f.community.id(), teamId, "2", LocalDate.of(year, 4, 1));
		credit(person, f.community.id(), null, "5", LocalDate.of(year, 3, 31));
		credit(person, f.other.id(), null, "1.25", LocalDate.of(year, 5, 2));

		List<HoursCharts.Point> team = charts.team(teamId, YearMonth.of(year, 3), YearMonth.of(year, 5));
		assertThat(team).containsExactly(new HoursCharts.Point(year + "-03", BigDecimal.ZERO, 1),
				new HoursCharts.Point(year + "-04", new BigDecimal("2"), 1),
				new HoursCharts.Point(year + "-05", BigDecimal.ZERO, 0));

		List<HoursCharts.Point> community = charts.org(f.community.id(), YearMonth.of(year, 3), YearMonth.of(year, 5));
		assertThat(community).extracting(HoursCharts.Point::hoursText).containsExactly("5", "2", "0");
		assertThat(community).extracting(HoursCharts.Point::activities).containsExactly(1L, 1L, 0L);
		List<HoursCharts.Point> street = charts.org(f.community.parentId(), YearMonth.of(year, 3), YearMonth.of(year, 5));
		assertThat(street).extracting(HoursCharts.Point::hoursText).containsExactly("5", "2", "1.25");
		assertThat(street).extracting(HoursCharts.Point::activities).containsExactly(1L, 1L, 1L);

		List<HoursCharts.Point> byYear = charts.org(f.community.parentId(), YearMonth.of(year - 3, 1), YearMonth.of(year, 12));
		assertThat(byYear).extracting(HoursCharts.Point::period)
			.containsExactly(String.valueOf(year - 3), String.valueOf(year - 2), String.valueOf(year - 1), String.valueOf(year));
		assertThat(byYear.get(3).hoursText()).isEqualTo("8.25");
		assertThat(byYear.get(3).activities()).isEqualTo(3);
		HoursFixture.refused(() -> charts.org(f.community.id(), YearMonth.of(year, 5), YearMonth.of(year, 3)),
				"activity.hours.ranking.period");
	}

	private long person() {
		return DataScopes.asSystem(() -> context.getBean(People.class)
			.create(new PersonCommand("图表志愿者", null, null, TestIdNumbers.next(), null, null, "群众", List.of("居民"), null,
					f.community.id())));
	}

	private void credit(long person, long org, Long team, String hours, LocalDate date) {
		jdbc.sql("""
				insert into hours_entry (person_id, org_id, team_id, kind, hours, service_date, recorded_by, approved_by,
				  approver_person_id) values (?, ?, ?, 'CREDIT', ?, ?, 'charts-test', 'charts-test', ?)""")
			.params(person, org, team, new BigDecimal(hours), date, approver)
			.update();
	}

	private void activity(long org, Long team, OffsetDateTime start, String status) {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		jdbc.sql("""
				insert into activity (title, type, organizer_org_id, team_id, place, starts_at, ends_at, capacity, status,
				  checkin_secret, created_by)
				values ('图表活动', 'VOLUNTEER_SERVICE', ?, ?, '广场', ?, ?, 10, ?, ?, 'charts-test')""")
			.params(org, team, start, start.plusHours(2), status, secret)
			.update();
	}

}
