package org.wenming.activity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.metric.MetricCatalog;
import org.wenming.metric.MetricQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hours leaderboards against the real database: after a random run of credits and corrections over
 * three years in a tree of its own, the yearly sums equal the sums of the entries, every ranking of
 * people, teams and child orgs equals the one computed from the entries, and reads the same through
 * the yearly sums as through the monthly ones; the JSON leaderboard keeps to the caller's scope and
 * answers bad parameters in Chinese; the ledger's metrics count the same entries.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeaderboardTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	HoursLedger ledger;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	MetricCatalog metrics;

	@Autowired
	JdbcClient jdbc;

	HoursFixture f;

	Org street;

	Org village;

	List<Entry> entries = new ArrayList<>();

	int year = LocalDate.now().getYear() - 1;

	@BeforeEach
	void fixture() {
		f = new HoursFixture(context);
		street = orgs.find(f.community.parentId()).orElseThrow();
		Org town = DataScopes.asSystem(() -> orgs.create(f.city.id(), "时长镇" + f.tag, OrgType.STREET, null));
		village = DataScopes.asSystem(() -> orgs.create(town.id(), "时长村" + f.tag, OrgType.VILLAGE, null));
	}

	@Test
	void rollupEqualsTheEntriesAndRankingsReadTheSameThroughYearsAndMonths() {
		randomRun(new Random(20260305L), 400);

		Map<String, BigDecimal> yearly = new HashMap<>();
		for (Entry e : entries) {
			yearly.merge(e.person() + "/" + e.org() + "/" + e.team() + "/" + e.date().getYear(), e.hours(), BigDecimal::add);
		}
		List<Object[]> rows = jdbc.sql("""
				select y.person_id, y.org_id, y.team_id, y.year, y.hours from hours_year y join org o on o.id = y.org_id
				where o.path like ?""")
			.param(f.city.path() + "%")
			.query((rs, i) -> new Object[] { rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3) + "/" + rs.getInt(4),
					rs.getBigDecimal(5) })
			.list();
		assertThat(rows).hasSize(yearly.size());
		for (Object[] row : rows) {
			assertThat((BigDecimal) row[1]).as((String) row[0]).isEqualByComparingTo(yearly.get((String) row[0]));
		}

		List<YearMonth[]> periods = List.of(period(year, 1, year, 12), period(year - 1, 1, year + 1, 12),
				period(year - 1, 3, year + 1, 2), period(year, 4, year, 9), period(year - 1, 7, year, 12),
				period(year, 1, year + 1, 5), period(year + 1, 1, year + 1, 12));
		for (YearMonth[] period : periods) {
			for (Org org : List.of(f.city, street, f.community, village)) {
				for (RankBy by : RankBy.values()) {
					List<HoursRank> expected = expected(by, org, period[0], period[1]);
					String what = by + " of " + org.name() + " " + period[0] + ".." + period[1];
					assertThat(ledger.ranking(by, org.id(), period[0], period[1], 500)).as(what).isEqualTo(expected);
					assertThat(ledger.ranking(by, org.id(), period[0], period[1], 500, false)).as(what).isEqualTo(expected);
				}
			}
		}
		assertThat(expected(RankBy.ORG, street, YearMonth.of(year, 1), YearMonth.of(year, 12))).hasSize(2);
		assertThat(expected(RankBy.TEAM, f.city, YearMonth.of(year, 1), YearMonth.of(year, 12))).hasSize(3);
		assertThat(ledger.ranking(RankBy.PERSON, f.city.id(), YearMonth.of(year, 1), YearMonth.of(year, 12), 3))
			.extracting(HoursRank::rank)
			.containsExactly(1, 2, 3);
	}

	@Test
	void everyPersonsYearlyTotalEqualsTheEntriesAndRanksTheWholeTree() {
		randomRun(new Random(11L), 200);
		long mismatches = jdbc.sql("""
				select count(*) from (
				  select extract(year from service_date)::int as year, person_id, sum(hours) as hours from hours_entry
				  group by 1, 2) e
				full join hours_person_year p on p.year = e.year and p.person_id = e.person_id
				where p.hours is distinct from e.hours""").query(Long.class).single();
		assertThat(mismatches).isZero();
		for (int[] years : new int[][] { { year, year }, { year - 1, year + 1 } }) {
			int[] rank = { 0 };
			List<HoursRank> expected = jdbc.sql("""
					select person_id, sum(hours) from hours_entry where extract(year from service_date) between ? and ?
					group by person_id having sum(hours) > 0 order by 2 desc, 1 limit 50""")
				.params(years[0], years[1])
				.query((rs, i) -> new HoursRank(++rank[0], rs.getLong(1), rs.getBigDecimal(2), 1))
				.list();
			assertThat(expected).isNotEmpty();
			assertThat(ledger.wholeTreeRanking(years[0], years[1], 50)).isEqualTo(expected);
		}
	}

	@Test
	void metricsCountTheHoursThePeopleAndTheHoursPerResident() {
		randomRun(new Random(7L), 150);
		long residents = jdbc.sql("select count(*) from person p join org h on h.id = p.home_org_id where h.path like ?")
			.param(street.path() + "%")
			.query(Long.class)
			.single();
		// Periods ending after today, so that every resident recorded by this test counts.
		for (MetricQuery query : List.of(MetricQuery.ofYear(street.id(), street.path(), year + 1),
				new MetricQuery(street.id(), street.path(), LocalDate.of(year, 2, 10), LocalDate.of(year + 2, 3, 3)))) {
			Predicate<Entry> in = e -> !e.date().isBefore(query.from()) && !e.date().isAfter(query.to())
					&& (e.org() == f.community.id() || e.org() == f.other.id() || e.org() == street.id());
			BigDecimal hours = entries.stream().filter(in).map(Entry::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
			Map<Long, BigDecimal> byPerson = new HashMap<>();
			entries.stream().filter(in).forEach(e -> byPerson.merge(e.person(), e.hours(), BigDecimal::add));
			long active = byPerson.values().stream().filter(h -> h.signum() > 0).count();

			assertThat(hours.signum()).isPositive();
			assertThat(active).isLessThan(byPerson.size() + 1).isPositive();
			assertThat(metrics.compute("volunteer.hours", query).orElseThrow()).as(query.toString()).isEqualByComparingTo(hours);
			assertThat(metrics.compute("volunteer.active", query).orElseThrow()).isEqualByComparingTo(BigDecimal.valueOf(active));
			assertThat(metrics.compute("volunteer.hours_per_capita", query).orElseThrow())
				.isEqualByComparingTo(hours.divide(BigDecimal.valueOf(residents), 2, java.math.RoundingMode.HALF_UP));
		}
		assertThat(metrics.compute("volunteer.hours", MetricQuery.ofYear(village.id(), village.path(), year + 5)).orElseThrow())
			.isEqualByComparingTo("0");
		assertThat(metrics.compute("volunteer.hours_per_capita", MetricQuery.ofYear(village.id(), village.path(), year)).orElseThrow())
			.as("no residents").isEqualByComparingTo("0");
	}

	@Test
	void theJsonLeaderboardKeepsToTheScopeAndRefusesBadParametersInChinese() {
		randomRun(new Random(11L), 60);
		Http http = Http.api(port);
		String admin = http.token(f.admin, HoursFixture.PASSWORD);
		String volunteer = http.token(f.volunteer(), HoursFixture.PASSWORD);
		String period = "&from=" + (year - 1) + "-01&to=" + (year + 1) + "-12";

		Response board = http.get("/api/v1/hours/leaderboard?by=PERSON&orgId=" + f.community.id() + period + "&limit=5", admin);
		assertThat(board.status()).as(board.toString()).isEqualTo(200);
		List<HoursRank> expected = expected(RankBy.PERSON, f.community, YearMonth.of(year - 1, 1), YearMonth.of(year + 1, 12))
			.subList(0, 5);
		assertThat(board.json().size()).isEqualTo(5);
		for (int i = 0; i < 5; i++) {
			assertThat(board.json().get(i).get("id").asLong()).isEqualTo(expected.get(i).id());
			assertThat(new BigDecimal(board.json().get(i).get("hours").asString())).isEqualByComparingTo(expected.get(i).hours());
		}
		Response teams = http.get("/api/v1/hours/leaderboard?by=team&orgId=" + f.community.id() + period, admin);
		assertThat(teams.status()).as(teams.toString()).isEqualTo(200);
		assertThat(teams.json().size()).isEqualTo(expected(RankBy.TEAM, f.community, YearMonth.of(year - 1, 1),
				YearMonth.of(year + 1, 12)).size());
		Response byDefault = http.get("/api/v1/hours/leaderboard", admin);
		assertThat(byDefault.status()).as(byDefault.toString()).isEqualTo(200);

		assertThat(http.get("/api/v1/hours/leaderboard?orgId=" + f.other.id(), admin).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/hours/leaderboard?orgId=" + f.city.id(), admin).status()).isEqualTo(404);
		assertThat(http.get("/api/v1/hours/leaderboard?orgId=" + f.community.id(), volunteer).status()).isEqualTo(403);
		assertThat(http.get("/api/v1/hours/leaderboard?orgId=" + f.community.id(), null).status()).isEqualTo(401);
		Map<String, String> refusals = Map.of("by=CITY", "排行方式只能是 PERSON（个人）、TEAM（服务队）或 ORG（下级组织）",
				"from=2025-13", "月份格式应为“年-月”，例如 2025-03", "to=2025/03", "月份格式应为“年-月”，例如 2025-03",
				"limit=0", "显示条数须为1到500之间的整数", "limit=many", "显示条数须为1到500之间的整数",
				"orgId=abc", "组织编号须为整数", "from=2025-05&to=2025-04", "排行榜的起始月份不能晚于结束月份");
		refusals.forEach((query, detail) -> {
			Response refused = http.get("/api/v1/hours/leaderboard?" + query, admin);
			assertThat(refused.status()).as(query + " " + refused).isEqualTo(422);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("detail").asString()).isEqualTo(detail);
		});
	}

	/**
	 * Credits (hours 0.25 to 8) and corrections (up or down, never below zero per credit) of 30
	 * people over three years, recorded by the two communities, the street and the village, with no
	 * team or one of three.
	 */
	private void randomRun(Random random, int credits) {
		Long approver = person("审核人", f.city);
		List<Org> recorders = List.of(f.community, f.community, f.other, street, village);
		List<Long> people = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			people.add(person("榜单志愿者" + i, recorders.get(i % recorders.size())));
		}
		long teamBase = 1_000_000_000L + (f.tag.hashCode() & 0xffffff) * 10L;
		List<Long> credited = new ArrayList<>();
		Map<Long, BigDecimal> net = new HashMap<>();
		for (int i = 0; i < credits; i++) {
			long person = people.get(random.nextInt(people.size()));
			Org org = random.nextInt(5) == 0 ? recorders.get(random.nextInt(recorders.size()))
					: recorders.get(people.indexOf(person) % recorders.size());
			Long team = random.nextInt(3) == 0 ? null : teamBase + random.nextInt(3);
			LocalDate date = LocalDate.of(year - 1, 1, 1).plusDays(random.nextInt(3 * 365));
			BigDecimal hours = BigDecimal.valueOf(1 + random.nextInt(32), 0).divide(BigDecimal.valueOf(4));
			long id = insert(person, org.id(), team, "CREDIT", hours, date, null, approver);
			credited.add(id);
			net.put(id, hours);
			if (random.nextInt(4) == 0) {
				long corrected = credited.get(random.nextInt(credited.size()));
				BigDecimal change = BigDecimal.valueOf(random.nextInt(41) - 25, 1);
				if (change.signum() != 0 && net.get(corrected).add(change).signum() >= 0) {
					Entry of = entries.stream().filter(e -> e.id() == corrected).findFirst().orElseThrow();
					insert(of.person(), of.org(), of.team() == 0 ? null : of.team(), "CORRECTION", change, of.date(), corrected,
							approver);
					net.merge(corrected, change, BigDecimal::add);
				}
			}
		}
	}

	private long insert(long person, long org, Long team, String kind, BigDecimal hours, LocalDate date, Long corrects,
			long approver) {
		long id = jdbc.sql("""
				insert into hours_entry (person_id, org_id, team_id, kind, hours, service_date, reason, corrects_entry_id,
				  recorded_by, approved_by, approver_person_id)
				values (?, ?, ?, ?, ?, ?, ?, ?, 'leaderboard-test', 'leaderboard-test', ?) returning id""")
			.params(person, org, team, kind, hours, date, corrects == null ? null : "核对后更正", corrects, approver)
			.query(Long.class)
			.single();
		entries.add(new Entry(id, person, org, team == null ? 0 : team, hours, date));
		return id;
	}

	private long person(String name, Org home) {
		return jdbc.sql("insert into person (name, home_org_id) values (?, ?) returning id")
			.params(name + f.tag, home.id())
			.query(Long.class)
			.single();
	}

	/** The ranking computed from the entries themselves. */
	private List<HoursRank> expected(RankBy by, Org org, YearMonth from, YearMonth to) {
		Map<Long, String> paths = new HashMap<>();
		jdbc.sql("select id, path from org where path like ?")
			.param(f.city.path() + "%")
			.query((rs, i) -> paths.put(rs.getLong(1), rs.getString(2)))
			.list();
		Map<Long, String> children = new HashMap<>();
		jdbc.sql("select id, path from org where parent_id = ?")
			.param(org.id())
			.query((rs, i) -> children.put(rs.getLong(1), rs.getString(2)))
			.list();
		Map<Long, BigDecimal> hours = new HashMap<>();
		Map<Long, Set<Long>> people = new HashMap<>();
		for (Entry e : entries) {
			YearMonth month = YearMonth.from(e.date());
			String path = paths.get(e.org());
			if (month.isBefore(from) || month.isAfter(to) || !path.startsWith(org.path())) {
				continue;
			}
			Function<Entry, Long> key = switch (by) {
				case PERSON -> Entry::person;
				case TEAM -> x -> x.team() == 0 ? null : x.team();
				case ORG -> x -> children.entrySet().stream().filter(c -> path.startsWith(c.getValue())).map(Map.Entry::getKey)
					.findFirst().orElse(null);
			};
			Long id = key.apply(e);
			if (id != null) {
				hours.merge(id, e.hours(), BigDecimal::add);
				people.computeIfAbsent(id, k -> new HashSet<>()).add(e.person());
			}
		}
		List<Long> ids = hours.keySet().stream().filter(id -> hours.get(id).signum() > 0)
			.sorted(Comparator.comparing((Long id) -> hours.get(id)).reversed().thenComparing(id -> id))
			.toList();
		List<HoursRank> ranks = new ArrayList<>();
		for (Long id : ids) {
			ranks.add(new HoursRank(ranks.size() + 1, id, hours.get(id).setScale(2),
					by == RankBy.PERSON ? 1 : people.get(id).size()));
		}
		return ranks;
	}

	private static YearMonth[] period(int fromYear, int fromMonth, int toYear, int toMonth) {
		return new YearMonth[] { YearMonth.of(fromYear, fromMonth), YearMonth.of(toYear, toMonth) };
	}

	private record Entry(long id, long person, long org, long team, BigDecimal hours, LocalDate date) {
	}

}
