package org.wenming.plan;

import java.time.LocalDate;
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

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A small tree of its own for one test (the database is shared by the whole test JVM): a city, a
 * street and two communities, an office admin of the city, a unit admin of each community and an
 * inspector of the street.
 */
record PlanFixture(String tag, Org city, Org street, Org communityA, Org communityB, String officeAdmin,
		String unitAdminA, String unitAdminB, String inspector, UserDetailsService users) {

	static final String PASSWORD = "Passw0rd-Plan";

	static PlanFixture create(OrgDirectory orgs, People people, Accounts accounts, UserDetailsService users) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		return DataScopes.asSystem(() -> {
			Org city = orgs.create(null, "计划市" + tag, OrgType.CITY, null);
			Org street = orgs.create(city.id(), "计划街道" + tag, OrgType.STREET, null);
			Org a = orgs.create(street.id(), "计划甲社区" + tag, OrgType.COMMUNITY, null);
			Org b = orgs.create(street.id(), "计划乙社区" + tag, OrgType.COMMUNITY, null);
			String office = account(people, accounts, "plan-office-" + tag, Role.OFFICE_ADMIN, city, a);
			String unitA = account(people, accounts, "plan-unit-a-" + tag, Role.UNIT_ADMIN, a, a);
			String unitB = account(people, accounts, "plan-unit-b-" + tag, Role.UNIT_ADMIN, b, b);
			String inspector = account(people, accounts, "plan-inspector-" + tag, Role.INSPECTOR, street, a);
			return new PlanFixture(tag, city, street, a, b, office, unitA, unitB, inspector, users);
		});
	}

	private static String account(People people, Accounts accounts, String username, Role role, Org at, Org home) {
		long person = people.create(resident(role.label() + username.substring(username.lastIndexOf('-') + 1), home.id()));
		accounts.create(person, username, PASSWORD, List.of(new Accounts.Grant(role, at.id())));
		return username;
	}

	static PersonCommand resident(String name, long homeOrgId) {
		return new PersonCommand(name, null, null, TestIdNumbers.next(), null, null, "群众", List.of("居民"), null,
				homeOrgId);
	}

	/** Runs work signed in as the user, as a request of theirs would. */
	<T> T as(String username, Supplier<T> work) {
		UserDetails user = users.loadUserByUsername(username);
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

	void as(String username, Runnable work) {
		as(username, () -> {
			work.run();
			return null;
		});
	}

	UserDetails user(String username) {
		return users.loadUserByUsername(username);
	}

	/** The year it is now in China, which plans of the tests are for. */
	static int thisYear() {
		return LocalDate.now(MutableClock.ZONE).getYear();
	}

}
