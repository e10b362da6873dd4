package org.wenming.volunteer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import org.wenming.TestIdNumbers;
import org.wenming.activity.HoursRecorded;
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
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tree of its own for one test (the database is shared by the whole test JVM):
 *
 * <pre>
 * 市 (city, office admin)
 * └── 区 (district)
 *     ├── 街道 (street)
 *     │   ├── 甲社区 (communityA, admin "a")
 *     │   └── 乙社区 (communityB, admin "b")
 * </pre>
 *
 * People with accounts are made on demand; hours are written into the ledger with plain SQL and
 * announced with the ledger's event, as the activity module does.
 */
final class VolunteerFixture {

	final String tag = UUID.randomUUID().toString().substring(0, 8);

	final JdbcClient jdbc;

	private final UserDetailsService users;

	private final People people;

	private final Accounts accounts;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	Org city;

	Org district;

	Org street;

	Org communityA;

	Org communityB;

	long recorder;

	private VolunteerFixture(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.users = context.getBean(UserDetailsService.class);
		this.people = context.getBean(People.class);
		this.accounts = context.getBean(Accounts.class);
		this.events = context;
		this.transactions = context.getBean(TransactionTemplate.class);
	}

	static VolunteerFixture create(ApplicationContext context) {
		VolunteerFixture fixture = new VolunteerFixture(context);
		OrgDirectory orgs = context.getBean(OrgDirectory.class);
		DataScopes.asSystem(() -> {
			fixture.city = orgs.create(null, "志愿市" + fixture.tag, OrgType.CITY, null);
			fixture.district = orgs.create(fixture.city.id(), "志愿区" + fixture.tag, OrgType.DISTRICT, null);
			fixture.street = orgs.create(fixture.district.id(), "志愿街道" + fixture.tag, OrgType.STREET, null);
			fixture.communityA = orgs.create(fixture.street.id(), "甲社区" + fixture.tag, OrgType.COMMUNITY, null);
			fixture.communityB = orgs.create(fixture.street.id(), "乙社区" + fixture.tag, OrgType.COMMUNITY, null);
			fixture.account("office", Role.OFFICE_ADMIN, fixture.city, fixture.communityA, true);
			fixture.account("a", Role.UNIT_ADMIN, fixture.communityA, fixture.communityA, true);
			fixture.account("b", Role.UNIT_ADMIN, fixture.communityB, fixture.communityB, true);
			fixture.recorder = fixture.person("记录人", fixture.communityA, true);
		});
		return fixture;
	}

	/** A new person living in the community, with or without an ID number on record; the person's id. */
	long person(String name, Org community, boolean withIdNumber) {
		long id = DataScopes.asSystem(() -> people.create(new PersonCommand(name + tag, null, null,
				TestIdNumbers.next(), null, null, "群众", List.of("居民"), null, community.id())));
		if (!withIdNumber) {
			// Created by an import of old records that had none: the directory's forms always ask for one.
			jdbc.sql("update person set id_number_cipher = null, id_number_hash = null, id_number_masked = null where id = ?")
				.param(id)
				.update();
		}
		return id;
	}

	/** A new resident with an account {@code name} (and the VOLUNTEER role only); the person's id. */
	long resident(String name, Org community, boolean withIdNumber) {
		return DataScopes.asSystem(() -> {
			long person = person(name, community, withIdNumber);
			accounts.create(person, user(name), "Passw0rd-Test", List.of(new Accounts.Grant(Role.VOLUNTEER, community.id())));
			return person;
		});
	}

	private void account(String name, Role role, Org org, Org home, boolean withIdNumber) {
		long person = person("管理员" + name, home, withIdNumber);
		accounts.create(person, user(name), "Passw0rd-Test", List.of(new Accounts.Grant(role, org.id())));
	}

	String user(String name) {
		return name + "-" + tag;
	}

	long personOf(String name) {
		return ((WenmingUser) users.loadUserByUsername(user(name))).personId();
	}

	/** Whether the directory keeps the keyed hash of the person's ID number (it does whenever it has the number). */
	boolean hasIdHash(long personId) {
		return jdbc.sql("select id_number_hash is not null from person where id = ?").param(personId).query(Boolean.class).single();
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

	/** Credits hours to a person in the ledger and publishes the ledger's event, in one transaction. */
	void credit(long personId, Org org, String hours, LocalDate day) {
		transactions.executeWithoutResult(status -> {
			long entry = jdbc.sql("""
					insert into hours_entry (person_id, org_id, kind, hours, service_date, recorded_by, approved_by,
					    approver_person_id) values (?, ?, 'CREDIT', ?, ?, 'test', 'test', ?) returning id""")
				.params(personId, org.id(), new BigDecimal(hours), day, recorder)
				.query(Long.class)
				.single();
			events.publishEvent(new HoursRecorded(entry, personId, null, org.id(), null, new BigDecimal(hours), day, false));
		});
	}

	List<String> notificationsOf(String name) {
		return jdbc.sql("select title from notification where recipient = ? order by id")
			.param(user(name))
			.query(String.class)
			.list();
	}

}
