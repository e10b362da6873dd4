package org.wenming.volunteer;

import java.time.OffsetDateTime;
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
 * A tree of its own for one test (the database is shared by the whole test JVM):
 *
 * <pre>
 * 市 (city: 新时代文明实践中心, admin "city")
 * ├── 区 (district, admin "district")
 * │   └── 街道 (street, admin "street")
 * │       ├── 甲社区 (communityA, admin "communityA"; team 甲队 led by "leader"; resident "resident")
 * │       └── 乙社区 (communityB, no admin; team 乙队 led by "leaderB")
 * └── 西区 (west, admin "west")
 * </pre>
 *
 * Teams and volunteers are stored with plain SQL (their service lives elsewhere in the module).
 */
final class ServiceOrderFixture {

	static final String PASSWORD = "Passw0rd-Order";

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final JdbcClient jdbc;

	final UserDetailsService users;

	Org city;

	Org district;

	Org street;

	Org communityA;

	Org communityB;

	Org west;

	long teamA;

	long teamB;

	long careRecipient;

	long category;

	private ServiceOrderFixture(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.users = context.getBean(UserDetailsService.class);
	}

	static ServiceOrderFixture create(ApplicationContext context) {
		ServiceOrderFixture fixture = new ServiceOrderFixture(context);
		OrgDirectory orgs = context.getBean(OrgDirectory.class);
		People people = context.getBean(People.class);
		Accounts accounts = context.getBean(Accounts.class);
		DataScopes.asSystem(() -> fixture.build(orgs, people, accounts));
		return fixture;
	}

	private void build(OrgDirectory orgs, People people, Accounts accounts) {
		city = orgs.create(null, "点单市" + tag, OrgType.CITY, null);
		district = orgs.create(city.id(), "点单区" + tag, OrgType.DISTRICT, null);
		street = orgs.create(district.id(), "点单街道" + tag, OrgType.STREET, null);
		communityA = orgs.create(street.id(), "甲社区" + tag, OrgType.COMMUNITY, null);
		communityB = orgs.create(street.id(), "乙社区" + tag, OrgType.COMMUNITY, null);
		west = orgs.create(city.id(), "西区" + tag, OrgType.DISTRICT, null);
		account(people, accounts, "city", Role.OFFICE_ADMIN, city);
		account(people, accounts, "district", Role.UNIT_ADMIN, district);
		account(people, accounts, "street", Role.UNIT_ADMIN, street);
		account(people, accounts, "communityA", Role.UNIT_ADMIN, communityA);
		account(people, accounts, "west", Role.UNIT_ADMIN, west);
		account(people, accounts, "inspector", Role.INSPECTOR, district);
		account(people, accounts, "resident", null, communityA);
		account(people, accounts, "other", null, communityA);
		long leader = account(people, accounts, "leader", null, communityA);
		long leaderB = account(people, accounts, "leaderB", null, communityB);
		teamA = team("甲队", communityA, leader);
		teamB = team("乙队", communityB, leaderB);
		long elder = people.create(person("空巢老人" + tag.substring(0, 4), communityA.id()));
		careRecipient = jdbc.sql("""
				insert into care_recipient (person_id, type, needs, responsible_org_id) values (?, 'EMPTY_NEST_ELDER', '助听器维修', ?)
				returning id""")
			.params(elder, communityA.id())
			.query(Long.class)
			.single();
		category = jdbc.sql("select id from service_category where name = '家电维修'").query(Long.class).single();
	}

	private long account(People people, Accounts accounts, String name, Role role, Org org) {
		long person = people.create(person("测试" + name + tag.substring(0, 4), role == null ? org.id() : communityA.id()));
		accounts.create(person, user(name), PASSWORD, role == null ? List.of() : List.of(new Accounts.Grant(role, org.id())));
		return person;
	}

	private long team(String name, Org org, long leader) {
		return jdbc.sql("insert into volunteer_team (name, org_id, leader_person_id) values (?, ?, ?) returning id")
			.params(name + tag, org.id(), leader)
			.query(Long.class)
			.single();
	}

	/** Registers the account's person as a volunteer in the given status. */
	void volunteer(String name, String status) {
		jdbc.sql("insert into volunteer (person_id, org_id, status, source) values (?, ?, ?, 'SELF')")
			.params(personOf(name), communityA.id(), status)
			.update();
	}

	long personOf(String name) {
		return jdbc.sql("select person_id from account where username = ?").param(user(name)).query(Long.class).single();
	}

	/** The user name of one of the fixture's accounts. */
	String user(String name) {
		return name + "-" + tag;
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

	/** Titles of the notifications an account got, oldest first. */
	List<String> notificationsOf(String name) {
		return jdbc.sql("select title from notification where recipient = ? order by id")
			.param(user(name))
			.query(String.class)
			.list();
	}

	/** An order for tomorrow afternoon at the given site (the resident's community when null). */
	NewServiceOrder order(Org site) {
		OffsetDateTime from = OffsetDateTime.now().plusDays(1).withHour(14).withMinute(0).withSecond(0).withNano(0);
		return new NewServiceOrder(category, site == null ? null : site.id(), from, from.plusHours(2),
				"家里的电视机没有图像，请帮忙看看", "13912345678", "示范市幸福路 8 号 3 单元 201", null, false);
	}

	NewServiceOrder wish() {
		NewServiceOrder order = order(null);
		return new NewServiceOrder(order.categoryId(), communityA.id(), order.desiredFrom(), order.desiredTo(),
				"老人的助听器坏了，希望有人帮忙修好", order.phone(), order.address(), careRecipient, true);
	}

	static PersonCommand person(String name, long homeOrgId) {
		return new PersonCommand(name, null, null, TestIdNumbers.next(), null, null, "群众", List.of("居民"), null,
				homeOrgId);
	}

}
