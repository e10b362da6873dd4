package org.wenming.volunteer;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.wenming.Http;
import org.wenming.Http.Response;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.People;
import org.wenming.directory.PersonCommand;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a resident may do beyond their own place, decided: registering as a volunteer only where
 * they live or work (or the community or village that lies in), and ordering only at the stores
 * that serve where they live or work or where they earned hours.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResidentRulesTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Volunteers volunteers;

	@Autowired
	Redemptions redemptions;

	@Autowired
	StoreItems items;

	@Autowired
	Points points;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	private static VolunteerRegistration at(long orgId, String idNumber) {
		return new VolunteerRegistration(null, orgId, idNumber, "", "", "", null, null, null, null);
	}

	private String idNumberOf(long personId) {
		return DataScopes.asSystem(() -> people.fullView(personId)).idNumber();
	}

	@Test
	void aResidentRegistersOnlyWhereTheyLiveOrWork() {
		VolunteerFixture f = VolunteerFixture.create(context);
		Org school = DataScopes.asSystem(() -> orgs.create(f.communityB.id(), "乙社区小学" + f.tag, OrgType.SCHOOL, null));
		long person = f.resident("r", f.communityA, true);
		long worker = f.resident("w", f.communityA, true);
		DataScopes.asSystem(() -> {
			var p = people.get(worker);
			people.update(worker, new PersonCommand(p.name(), p.gender(), null, idNumberOf(worker), null, null,
					p.politicalStatus(), p.tags(), school.id(), p.homeOrgId()));
		});

		// The attack: a resident of 甲社区 registers with another community, the street and the city.
		Http http = Http.api(port);
		String token = http.token(f.user("r"), "Passw0rd-Test");
		for (Org elsewhere : new Org[] { f.communityB, f.street, f.city, school }) {
			Response refused = http.post("/api/v1/volunteers/me", token,
					Http.json(Map.of("orgId", elsewhere.id(), "idNumber", idNumberOf(person))));
			assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
			assertThat(refused.json().get("detail").asString()).isEqualTo("只能在本人居住或工作的组织（或其所在社区、村）申请注册志愿者。");
			assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("orgId");
		}
		assertThat(volunteers.current(person)).isEmpty();
		assertThat(volunteers.selfRegistrationOrgs(person)).extracting(Org::id).containsExactly(f.communityA.id());
		assertThat(volunteers.selfRegistrationOrgs(worker)).extracting(Org::id)
			.containsExactlyInAnyOrder(f.communityA.id(), school.id(), f.communityB.id());

		Response home = http.post("/api/v1/volunteers/me", token,
				Http.json(Map.of("orgId", f.communityA.id(), "idNumber", idNumberOf(person))));
		assertThat(home.status()).as(home.toString()).isEqualTo(201);
		// Who works at a school of 乙社区 may register with it, or with 乙社区.
		assertThat(volunteers.registerSelf(worker, at(f.communityB.id(), idNumberOf(worker))).orgId())
			.isEqualTo(f.communityB.id());
	}

	@Test
	void aResidentOrdersOnlyAtStoresThatServeThem() {
		StoreFixture f = StoreFixture.create(orgs, people, accounts, users, jdbc, transactions, events);
		StoreItem item = f.as(f.unitA(), () -> items.create(new StoreItemCommand(f.a().id(), "毛巾", null, 10, 5, true)));
		long outsider = f.resident(f.b());
		f.as(f.unitB(), () -> points.bonus(outsider, 50, "清扫楼道"));

		// The attack: points given in 乙社区 spent at 甲社区's store.
		assertThatThrownBy(() -> f.asPerson(outsider, () -> redemptions.redeem(item.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("store.redeem.notServed"));
		assertThat(jdbc.sql("select stock from store_item where id = ?").param(item.id()).query(Integer.class).single())
			.isEqualTo(5);
		assertThat(f.ledgerSum(outsider)).isEqualTo(50);

		// A resident of 甲社区 orders there; so does the outsider once they volunteered at 甲社区.
		long resident = f.resident(f.a());
		f.as(f.unitA(), () -> points.bonus(resident, 50, "清扫楼道"));
		assertThat(f.asPerson(resident, () -> redemptions.redeem(item.id())).orgId()).isEqualTo(f.a().id());
		f.credit(outsider, "1");
		assertThat(f.asPerson(outsider, () -> redemptions.redeem(item.id())).orgId()).isEqualTo(f.a().id());
	}

}
