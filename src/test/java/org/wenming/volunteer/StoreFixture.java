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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small tree of its own for one test of points and the store: a city with two communities, a unit
 * admin of each (store:manage) with a person of their own, and helpers to make residents, act as
 * someone and record hours the way the hours ledger does.
 */
record StoreFixture(String tag, Org city, Org a, Org b, String unitA, String unitB, People people,
		UserDetailsService users, JdbcClient jdbc, TransactionTemplate transactions,
		ApplicationEventPublisher events) {

	static final String PASSWORD = "Passw0rd-Store";

	static StoreFixture create(OrgDirectory orgs, People people, Accounts accounts, UserDetailsService users,
			JdbcClient jdbc, TransactionTemplate transactions, ApplicationEventPublisher events) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		return DataScopes.asSystem(() -> {
			Org city = orgs.create(null, "积分市" + tag, OrgType.CITY, null);
			Org a = orgs.create(city.id(), "积分甲社区" + tag, OrgType.COMMUNITY, null);
			Org b = orgs.create(city.id(), "积分乙社区" + tag, OrgType.COMMUNITY, null);
			String unitA = "store-unit-a-" + tag;
			String unitB = "store-unit-b-" + tag;
			accounts.create(people.create(resident("甲管理员", a.id())), unitA, PASSWORD,
					List.of(new Accounts.Grant(Role.UNIT_ADMIN, a.id())));
			accounts.create(people.create(resident("乙管理员", b.id())), unitB, PASSWORD,
					List.of(new Accounts.Grant(Role.UNIT_ADMIN, b.id())));
			return new StoreFixture(tag, city, a, b, unitA, unitB, people, users, jdbc, transactions, events);
		});
	}

	static PersonCommand resident(String name, long homeOrgId) {
		return new PersonCommand(name, null, null, TestIdNumbers.next(), null, null, "群众", List.of("居民"), null,
				homeOrgId);
	}

	/** A new resident of the org, without an account. */
	long resident(Org org) {
		return DataScopes.asSystem(() -> people.create(resident("居民", org.id())));
	}

	long personOf(String username) {
		return ((WenmingUser) users.loadUserByUsername(username)).personId();
	}

	/** Runs work signed in as the user, as a request of theirs would. */
	<T> T as(String username, Supplier<T> work) {
		return as(users.loadUserByUsername(username), work);
	}

	/** Runs work as the person, signed in with no permissions (a resident's account). */
	<T> T asPerson(long personId, Supplier<T> work) {
		return as(new WenmingUser(0, personId, "person-" + personId, "居民", "", true, true, List.of()), work);
	}

	private static <T> T as(UserDetails user, Supplier<T> work) {
		var before = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	/**
	 * Appends an hours entry for the person, certified by community A and approved by its admin, and
	 * publishes {@link HoursRecorded} in the same transaction, as the hours ledger does: the entry's id.
	 */
	long hours(long personId, BigDecimal hours, Long corrects) {
		long approver = personOf(unitA);
		LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
		return transactions.execute(status -> {
			long id = jdbc.sql("""
					insert into hours_entry (person_id, org_id, kind, hours, service_date, reason, corrects_entry_id,
					    recorded_by, approved_by, approver_person_id)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
				.params(personId, a.id(), corrects == null ? "CREDIT" : "CORRECTION", hours, today,
						corrects == null ? null : "更正", corrects, unitA, unitA, approver)
				.query(Long.class)
				.single();
			events.publishEvent(new HoursRecorded(id, personId, null, a.id(), null, hours, today,
					corrects != null));
			return id;
		});
	}

	long credit(long personId, String hours) {
		return hours(personId, new BigDecimal(hours), null);
	}

	/** The sum of the person's points entries. */
	long ledgerSum(long personId) {
		return jdbc.sql("select coalesce(sum(delta), 0) from points_entry where person_id = ?")
			.param(personId)
			.query(Long.class)
			.single();
	}

}
