package org.wenming.activity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.wenming.TestIdNumbers;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.People;
import org.wenming.directory.PersonCommand;
import org.wenming.directory.Role;
import org.wenming.platform.security.WenmingUser;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A tree of its own for one test class: 市 → 区 → 街道 → 甲社区 / 乙社区, and 西区 → 丁社区, with an
 * admin of 甲社区 ({@code unitA}), of 丁社区 ({@code unitD}), and residents of 甲社区 with accounts
 * ({@code residentA}, {@code residentB}). More people are inserted with plain SQL.
 */
final class ActivityFixture {

	static final String PASSWORD = "Passw0rd-Test";

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final JdbcClient jdbc;

	final UserDetailsService users;

	Org city;

	Org district;

	Org street;

	Org communityA;

	Org communityB;

	Org west;

	Org communityD;

	private ActivityFixture(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.users = context.getBean(UserDetailsService.class);
	}

	static ActivityFixture create(ApplicationContext context) {
		ActivityFixture fixture = new ActivityFixture(context);
		OrgDirectory orgs = context.getBean(OrgDirectory.class);
		People people = context.getBean(People.class);
		Accounts accounts = context.getBean(Accounts.class);
		DataScopes.asSystem(() -> fixture.build(orgs, people, accounts));
		return fixture;
	}

	private void build(OrgDirectory orgs, People people, Accounts accounts) {
		city = orgs.create(null, "活动市" + tag, OrgType.CITY, null);
		district = orgs.create(city.id(), "活动区" + tag, OrgType.DISTRICT, null);
		street = orgs.create(district.id(), "活动街道" + tag, OrgType.STREET, null);
		communityA = orgs.create(street.id(), "甲社区" + tag, OrgType.COMMUNITY, null);
		communityB = orgs.create(street.id(), "乙社区" + tag, OrgType.COMMUNITY, null);
		west = orgs.create(city.id(), "西区" + tag, OrgType.DISTRICT, null);
		communityD = orgs.create(west.id(), "丁社区" + tag, OrgType.COMMUNITY, null);
		account(people, accounts, "office", Role.OFFICE_ADMIN, city, communityA);
		account(people, accounts, "unitA", Role.UNIT_ADMIN, communityA, communityA);
		account(people, accounts, "unitD", Role.UNIT_ADMIN, communityD, communityD);
		account(people, accounts, "residentA", Role.RESIDENT, communityA, communityA);
		account(people, accounts, "residentB", Role.RESIDENT, communityA, communityA);
		account(people, accounts, "residentD", Role.RESIDENT, communityD, communityD);
	}

	private void account(People people, Accounts accounts, String name, Role role, Org org, Org home) {
		long person = people.create(new PersonCommand("测试" + name + tag, null, null, TestIdNumbers.next(), "13912345678",
				"示范市测试路 1 号", "群众", List.of("居民"), null, home.id()));
		accounts.create(person, user(name), PASSWORD, List.of(new Accounts.Grant(role, org.id())));
	}

	String user(String name) {
		return name + "-" + tag;
	}

	long personOf(String name) {
		return jdbc.sql("select person_id from account where username = ?").param(user(name)).query(Long.class).single();
	}

	/** A person living in the org, without an account. */
	long person(Org home) {
		return jdbc.sql("insert into person (name, home_org_id) values (?, ?) returning id")
			.params("居民" + tag, home.id()).query(Long.class).single();
	}

	/** {@code count} people living in the org, in id order. */
	List<Long> people(Org home, int count) {
		return jdbc.sql("""
				insert into person (name, home_org_id) select ? || g, ? from generate_series(1, ?) g returning id""")
			.params("居民" + tag, home.id(), count).query(Long.class).list().stream().sorted().toList();
	}

	<T> T as(String name, Supplier<T> work) {
		WenmingUser user = (WenmingUser) users.loadUserByUsername(user(name));
		var before = SecurityContextHolder.getContext().getAuthentication();
		SecurityContextHolder.getContext()
			.setAuthentication(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.getContext().setAuthentication(before);
		}
	}

	void as(String name, Runnable work) {
		as(name, () -> {
			work.run();
			return null;
		});
	}

	static OffsetDateTime inHours(long hours) {
		return OffsetDateTime.now(ZoneOffset.ofHours(8)).truncatedTo(ChronoUnit.MINUTES).plusHours(hours);
	}

	/** A draft for anyone in the org, from {@code startHours} for two hours. */
	static NewActivity draft(Org org, String title, long startHours, int capacity) {
		return new NewActivity(title, ActivityType.VOLUNTEER_SERVICE, org.id(), null, "社区广场", null, null, null,
				inHours(startHours), inHours(startHours + 2), capacity, null, null, null, Audience.ANYONE, null, null,
				HoursRule.ACTUAL, null, null, null);
	}

	/** An activity published as the admin of its org (by the office). */
	Activity open(NewActivity draft, Activities activities) {
		return as("office", () -> activities.publish(activities.create(draft).id()));
	}

}
