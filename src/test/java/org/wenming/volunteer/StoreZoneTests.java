package org.wenming.volunteer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A redemption ordered at 01:02 UTC shows as 09:02, Beijing time, in the store's order list and on
 * the volunteer's phone, whatever the JVM's zone.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StoreZoneTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	MockMvc mvc;

	@Autowired
	StoreItems items;

	@Autowired
	Redemptions redemptions;

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

	@Test
	void aRedemptionShowsWhenItWasOrderedInBeijingTime() throws Exception {
		StoreFixture f = StoreFixture.create(orgs, people, accounts, users, jdbc, transactions, events);
		long person = f.personOf(f.unitB());
		f.credit(person, "5");
		StoreItem item = f.as(f.unitA(), () -> items.create(new StoreItemCommand(f.a().id(), "保温杯", null, 10, 5, true)));
		Redemption redemption = f.as(f.unitB(), () -> redemptions.redeem(item.id()));
		LocalDate day = LocalDate.now(BEIJING).minusDays(1);
		jdbc.sql("update store_redemption set ordered_at = ? where id = ?")
			.params(day.atTime(1, 2).atOffset(ZoneOffset.UTC), redemption.id())
			.update();

		String managed = page("/store/redemptions", users.loadUserByUsername(f.unitA()));
		assertThat(managed).contains(day + " 09:02").doesNotContain(day + " 01:02");
		String phone = page("/m/store", users.loadUserByUsername(f.unitB()));
		assertThat(phone).contains(day + " 09:02").doesNotContain(day + " 01:02");
	}

	private String page(String path, UserDetails who) throws Exception {
		return mvc.perform(get(path).with(user(who)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
