package org.wenming.plan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

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
 * A tree of its own for one test (the database is shared by the whole test JVM), with an admin at
 * every level:
 *
 * <pre>
 * 市 (office)
 * ├── 区 (district, inspector)
 * │   ├── 一街道 (street1)
 * │   │   ├── 甲社区 (communityA)
 * │   │   └── 乙社区 (communityB)
 * │   ├── 二街道 (street2)
 * │   │   └── 丙社区 (no admin)
 * │   └── 三街道 (closed)
 * └── 西区 (no admin)
 *     └── 丁社区 (communityD)
 * </pre>
 *
 * Plans and sections are stored with plain SQL until the plan API creates them.
 */
public final class TaskFixture {

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	public final JdbcClient jdbc;

	final UserDetailsService users;

	final Clock clock;

	public Org city;

	public Org district;

	public Org street1;

	public Org street2;

	public Org closedStreet;

	public Org communityA;

	public Org communityB;

	public Org communityC;

	public Org west;

	public Org communityD;

	private TaskFixture(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.users = context.getBean(UserDetailsService.class);
		this.clock = context.getBean(Clock.class);
	}

	public static TaskFixture create(ApplicationContext context) {
		TaskFixture fixture = new TaskFixture(context);
		OrgDirectory orgs = context.getBean(OrgDirectory.class);
		People people = context.getBean(People.class);
		Accounts accounts = context.getBean(Accounts.class);
		DataScopes.asSystem(() -> fixture.build(orgs, people, accounts));
		return fixture;
	}

	private void build(OrgDirectory orgs, People people, Accounts accounts) {
		city = orgs.create(null, "任务市" + tag, OrgType.CITY, null);
		district = orgs.create(city.id(), "任务区" + tag, OrgType.DISTRICT, null);
		street1 = orgs.create(district.id(), "一街道" + tag, OrgType.STREET, null);
		street2 = orgs.create(district.id(), "二街道" + tag, OrgType.STREET, null);
		closedStreet = orgs.close(orgs.create(district.id(), "三街道" + tag, OrgType.STREET, null).id());
		communityA = orgs.create(street1.id(), "甲社区" + tag, OrgType.COMMUNITY, null);
		communityB = orgs.create(street1.id(), "乙社区" + tag, OrgType.COMMUNITY, null);
		communityC = orgs.create(street2.id(), "丙社区" + tag, OrgType.COMMUNITY, null);
		west = orgs.create(city.id(), "西区" + tag, OrgType.DISTRICT, null);
		communityD = orgs.create(west.id(), "丁社区" + tag, OrgType.COMMUNITY, null);
		account(people, accounts, "office", Role.OFFICE_ADMIN, city);
		account(people, accounts, "district", Role.UNIT_ADMIN, district);
		account(people, accounts, "inspector", Role.INSPECTOR, district);
		account(people, accounts, "street1", Role.UNIT_ADMIN, street1);
		account(people, accounts, "street2", Role.UNIT_ADMIN, street2);
		account(people, accounts, "communityA", Role.UNIT_ADMIN, communityA);
		account(people, accounts, "communityB", Role.UNIT_ADMIN, communityB);
		account(people, accounts, "communityD", Role.UNIT_ADMIN, communityD);
	}

	private void account(People people, Accounts accounts, String name, Role role, Org org) {
		long person = people.create(new PersonCommand("测试" + name + tag, null, null, idNumber(), "13912345678",
				"示范市测试路 1 号", "群众", List.of("居民"), null, communityA.id()));
		accounts.create(person, user(name), "Passw0rd-Test", List.of(new Accounts.Grant(role, org.id())));
	}

	/** The user name of one of the fixture's accounts: office, district, inspector, street1 … */
	public String user(String name) {
		return name + "-" + tag;
	}

	/** Runs work signed in as one of the fixture's accounts. */
	public <T> T as(String name, Supplier<T> work) {
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

	public void as(String name, Runnable work) {
		as(name, () -> {
			work.run();
			return null;
		});
	}

	public WenmingUser principal(String name) {
		return (WenmingUser) users.loadUserByUsername(user(name));
	}

	/** A published plan of the org for this year with one section; the section's id. */
	public long section(Org org) {
		return section(org, "PUBLISHED");
	}

	long section(Org org, String status) {
		long plan = jdbc.sql("""
				insert into plan (org_id, year, title, status, created_by) values (?, ?, ?, ?, 'test') returning id""")
			.params(org.id(), LocalDate.now(clock).getYear(), org.name() + "工作计划", status)
			.query(Long.class)
			.single();
		return jdbc.sql("""
				insert into plan_section (plan_id, position, number, title, level) values (?, 1, '一、', '重点工作', 1)
				returning id""")
			.param(plan)
			.query(Long.class)
			.single();
	}

	/** Titles of the notifications an account got, oldest first. */
	List<String> notificationsOf(String name) {
		return jdbc.sql("select title from notification where recipient = ? order by id")
			.param(user(name))
			.query(String.class)
			.list();
	}

	public static TaskCommand task(long sectionId, Org owner, LocalDate deadline) {
		return new TaskCommand(sectionId, "开展道德讲堂活动", "每季度至少一次", owner.id(), List.of(), "张副主任", deadline, null,
				null, null);
	}

	private static String idNumber() {
		return org.wenming.TestIdNumbers.next();
	}

}
