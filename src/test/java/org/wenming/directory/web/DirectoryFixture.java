package org.wenming.directory.web;

import java.util.List;
import java.util.UUID;

import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.People;
import org.wenming.directory.PersonCommand;
import org.wenming.directory.Role;
import org.wenming.platform.security.WenmingUser;

import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * A small tree of its own for one test class (the database is shared by the whole test JVM): a
 * city with one street and two communities, a resident of each, an office admin of the city and a
 * unit admin of community A.
 */
record DirectoryFixture(String tag, Org city, Org street, Org communityA, Org communityB, long residentA,
		String residentAIdNumber, long residentB, String officeAdmin, String unitAdminA, long unitAdminAccount) {

	static final String PASSWORD = "Passw0rd-Test";

	static DirectoryFixture create(OrgDirectory orgs, People people, Accounts accounts) {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		return DataScopes.asSystem(() -> {
			Org city = orgs.create(null, "测试市" + tag, OrgType.CITY, null);
			Org street = orgs.create(city.id(), "测试街道" + tag, OrgType.STREET, null);
			Org a = orgs.create(street.id(), "甲社区" + tag, OrgType.COMMUNITY, null);
			Org b = orgs.create(street.id(), "乙社区" + tag, OrgType.COMMUNITY, null);
			String idA = idNumber();
			long residentA = people.create(person("张甲" + tag, idA, a.id()));
			long residentB = people.create(person("李乙" + tag, idNumber(), b.id()));
			long officePerson = people.create(person("王办" + tag, idNumber(), a.id()));
			String office = "office-" + tag;
			accounts.create(officePerson, office, PASSWORD, List.of(new Accounts.Grant(Role.OFFICE_ADMIN, city.id())));
			long unitPerson = people.create(person("赵管" + tag, idNumber(), a.id()));
			String unit = "unit-" + tag;
			long unitAccount = accounts.create(unitPerson, unit, PASSWORD,
					List.of(new Accounts.Grant(Role.UNIT_ADMIN, a.id())));
			return new DirectoryFixture(tag, city, street, a, b, residentA, idA, residentB, office, unit, unitAccount);
		});
	}

	WenmingUser user(UserDetailsService users, String username) {
		return (WenmingUser) users.loadUserByUsername(username);
	}

	static PersonCommand person(String name, String idNumber, long homeOrgId) {
		return new PersonCommand(name, null, null, idNumber, "13912345678", "北京市东城区某某街道 1 号", "群众", List.of("居民"),
				null, homeOrgId);
	}

	/** A valid ID number no other test of this JVM uses. */
	static String idNumber() {
		return org.wenming.TestIdNumbers.next();
	}

	/** The same first 17 digits with a wrong check character. */
	static String withBadCheckDigit(String idNumber) {
		char good = idNumber.charAt(17);
		return idNumber.substring(0, 17) + (good == '0' ? '1' : '0');
	}

}
