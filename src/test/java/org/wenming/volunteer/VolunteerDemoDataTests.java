package org.wenming.volunteer;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.DemoCity;
import org.wenming.activity.ActivityType;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo volunteers, teams, activities, hours, service orders and stores of 示范市. The database
 * is shared with the other test classes, so everything is counted on the demo orgs only.
 */
@SpringBootTest
@ActiveProfiles("demo")
class VolunteerDemoDataTests {

	private static final List<String> COMMUNITIES = List.of("和平社区", "幸福社区", "红星村", "柳树村", "明珠社区", "文明社区", "桃花村",
			"李家村");

	private static final String IN_CITY = """
			(select o.id from org o join org city on o.path like city.path || '%'
			 where city.name = '示范市' and city.parent_id is null and city.closed_at is null)""";

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	private DemoCity city;

	@BeforeEach
	void demoData() throws Exception {
		city = DemoCity.ensure(context);
		// Seeded at start; again here in case the demo city arrived only now. Each does nothing twice.
		for (String runner : List.of("planDemoData", "volunteerDemoData", "activityDemoData", "serviceDemoData")) {
			context.getBean(runner, ApplicationRunner.class).run(new DefaultApplicationArguments());
		}
	}

	@Test
	void everyCommunityHasItsTeamWithMembersAndApplications() {
		for (String community : COMMUNITIES) {
			long team = jdbc.sql("select id from volunteer_team where org_id = ? and closed_at is null order by id limit 1")
				.param(city.org(community))
				.query(Long.class)
				.single();
			long members = count("select count(*) from team_member where team_id = ? and status = 'ACTIVE'", team);
			assertThat(members).as(community).isBetween(10L, 30L);
			assertThat(count("select count(*) from team_member where team_id = ? and status = 'PENDING'", team))
				.as(community)
				.isPositive();
		}
		assertThat(jdbc.sql("select leader_person_id from volunteer_team where org_id = ? and name = '和平社区学雷锋志愿服务队'")
			.param(city.org("和平社区"))
			.query(Long.class)
			.single()).isEqualTo(person("leader"));
	}

	@Test
	void aboutFifteenPercentAreVolunteersAndEveryStateIsThere() {
		long active = count("select count(*) from volunteer where status = 'ACTIVE' and org_id in " + IN_CITY);
		assertThat(active).isBetween(250L, 350L);
		long heping = city.org("和平社区");
		assertThat(count("select count(*) from volunteer where org_id = ? and status = 'PENDING' and source = 'SELF'", heping))
			.isGreaterThanOrEqualTo(3);
		assertThat(count("select count(*) from volunteer where org_id = ? and status = 'REJECTED'", heping)).isPositive();
		assertThat(count("select count(*) from volunteer where org_id = ? and status = 'DEREGISTERED'", heping)).isPositive();
		assertThat(count("select count(*) from volunteer where person_id = ? and status = 'ACTIVE' and org_id = ?",
				person("volunteer"), heping)).isEqualTo(1);
		assertThat(count("select count(*) from volunteer where person_id = ?", person("resident"))).isZero();
	}

	@Test
	void activitiesOfEveryTypeWithSignupsAttendanceAndOneCancelledAndOneDraft() {
		for (ActivityType type : ActivityType.values()) {
			assertThat(count("select count(*) from activity where type = ? and organizer_org_id in " + IN_CITY, type.name()))
				.as(type.name())
				.isPositive();
		}
		for (String status : List.of("DRAFT", "OPEN", "FINISHED", "CANCELLED")) {
			assertThat(count("select count(*) from activity where status = ? and organizer_org_id in " + IN_CITY, status))
				.as(status)
				.isPositive();
		}
		assertThat(count("select count(*) from activity where title like '%学雷锋纪念日%' and extract(month from starts_at "
				+ "at time zone 'Asia/Shanghai') = 3 and extract(day from starts_at at time zone 'Asia/Shanghai') = 5"))
			.isGreaterThanOrEqualTo(COMMUNITIES.size());
		assertThat(count("select count(*) from activity where organizer_org_id in " + IN_CITY + " and "
				+ "(starts_at at time zone 'Asia/Shanghai')::date <> (ends_at at time zone 'Asia/Shanghai')::date"))
			.isPositive();
		assertThat(count("select count(*) from activity where status = 'CANCELLED' and cancel_reason is not null "
				+ "and organizer_org_id in " + IN_CITY)).isPositive();
		String demoActivity = " s join activity a on a.id = s.activity_id where a.organizer_org_id in " + IN_CITY;
		assertThat(count("select count(*) from activity_signup" + demoActivity + " and s.status = 'WAITLISTED'")).isPositive();
		assertThat(count("select count(*) from activity_signup" + demoActivity + " and s.no_show")).isPositive();
		long attendances = count("select count(*) from attendance" + demoActivity);
		assertThat(attendances).isBetween(2_000L, 8_000L);
		assertThat(count("select count(*) from attendance" + demoActivity + " and s.method = 'GROUP'")).isPositive();
		assertThat(count("select count(*) from attendance" + demoActivity + " and s.hours_entry_id is not null"))
			.isGreaterThan(attendances / 2);
	}

	@Test
	void theDemoVolunteerHasHoursStarsPointsAndAnUpcomingSignup() {
		long volunteer = person("volunteer");
		BigDecimal ledger = jdbc.sql("select coalesce(sum(hours), 0) from hours_entry where person_id = ?")
			.param(volunteer)
			.query(BigDecimal.class)
			.single();
		BigDecimal months = jdbc.sql("select coalesce(sum(hours), 0) from hours_month where person_id = ?")
			.param(volunteer)
			.query(BigDecimal.class)
			.single();
		assertThat(ledger).isGreaterThanOrEqualTo(new BigDecimal("100")).isEqualByComparingTo(months);
		assertThat(count("select count(distinct extract(year from service_date)) from hours_entry where person_id = ?",
				volunteer)).isGreaterThanOrEqualTo(2);
		assertThat(jdbc.sql("select star_level from volunteer where person_id = ? and status = 'ACTIVE'")
			.param(volunteer)
			.query(Integer.class)
			.single()).isGreaterThanOrEqualTo(1);
		long balance = jdbc.sql("select balance from points_account where person_id = ?").param(volunteer)
			.query(Long.class)
			.single();
		assertThat(balance).isPositive()
			.isEqualTo(count("select coalesce(sum(delta), 0) from points_entry where person_id = ?", volunteer));
		assertThat(count("""
				select count(*) from activity_signup s join activity a on a.id = s.activity_id
				where s.person_id = ? and s.status = 'CONFIRMED' and a.status = 'OPEN' and a.starts_at > now()""", volunteer))
			.isPositive();
		// hours approved by the organizing org's staff, never by the person
		assertThat(count("select count(*) from hours_entry where person_id = ? and approved_by not in ('unit', 'admin')",
				volunteer)).isZero();
	}

	@Test
	void theLeaderHasAttendancesToConfirmSomeFlagged() {
		String waiting = """
				select count(*) from attendance t join activity a on a.id = t.activity_id
				where a.organizer_org_id = ? and t.checked_out_at is not null and t.hours_entry_id is null""";
		assertThat(count(waiting, city.org("和平社区"))).isPositive();
		assertThat(count(waiting + " and t.needs_review and t.auto_closed", city.org("和平社区"))).isPositive();
	}

	@Test
	void serviceOrdersInEveryStateOneOverdueWishesOpenAndClaimed() {
		String demo = " from service_order where site_org_id in " + IN_CITY;
		for (ServiceOrderStatus status : ServiceOrderStatus.values()) {
			assertThat(count("select count(*)" + demo + " and status = ? and not wish", status.name()))
				.as(status.name())
				.isPositive();
		}
		assertThat(count("select count(*)" + demo + " and status = 'COMPLETED' and rating between 1 and 5 "
				+ "and rating_comment <> '' and report is not null")).isPositive();
		assertThat(count("select count(*)" + demo + " and status = 'REJECTED' and reject_reason is not null")).isPositive();
		assertThat(count("select count(*)" + demo + " and overdue_since is not null")).isPositive();
		assertThat(count("select count(*)" + demo + " and status = 'DISPATCHED' and team_id is not null")).isPositive();
		assertThat(count("select count(*)" + demo + " and status = 'DISPATCHED' and team_id is null and handler_org_id in "
				+ "(select id from org where type in ('DISTRICT', 'STREET'))")).isGreaterThanOrEqualTo(2);
		assertThat(count("select count(*)" + demo + " and wish and status = 'PENDING_DISPATCH'")).isPositive();
		assertThat(count("select count(*)" + demo + " and wish and handler_person_id = ?", person("volunteer"))).isPositive();
	}

	@Test
	void theStoresAreStockedWithOneSoldOutAndOrdersPlacedAndCollected() {
		long heping = city.org("和平社区");
		assertThat(count("select count(*) from store_item where org_id = ? and stock > 0 and active", heping))
			.isGreaterThanOrEqualTo(5);
		assertThat(count("select count(*) from store_item where org_id = ? and stock = 0", heping)).isPositive();
		assertThat(count("select count(distinct org_id) from store_item where org_id in " + IN_CITY)).isGreaterThanOrEqualTo(3);
		String redemptions = " from store_redemption r join store_item i on i.id = r.item_id where i.org_id = ?";
		assertThat(count("select count(*)" + redemptions + " and r.status = 'COLLECTED'", heping)).isPositive();
		assertThat(count("select count(*)" + redemptions + " and r.status = 'ORDERED'", heping)).isPositive();
	}

	@Test
	void seedingTwiceAddsNothing() throws Exception {
		String[] counts = { "select count(*) from volunteer", "select count(*) from activity",
				"select count(*) from hours_entry", "select count(*) from service_order", "select count(*) from store_item" };
		long[] before = Arrays.stream(counts).mapToLong(this::count).toArray();
		for (String runner : List.of("volunteerDemoData", "activityDemoData", "serviceDemoData")) {
			context.getBean(runner, ApplicationRunner.class).run(new DefaultApplicationArguments());
		}
		assertThat(Arrays.stream(counts).mapToLong(this::count).toArray()).isEqualTo(before);
	}

	private long person(String username) {
		return jdbc.sql("select person_id from account where username = ?").param(username).query(Long.class).single();
	}

	private long count(String sql, Object... params) {
		return jdbc.sql(sql).params(params).query(Long.class).single();
	}

}
