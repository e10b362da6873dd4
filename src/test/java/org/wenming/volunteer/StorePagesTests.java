package org.wenming.volunteer;

import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The store's pages through MockMvc against the real database: the phone store of a resident with
 * points, ordering with the form, collection by staff, and refusals shown as Chinese messages.
 */
@SpringBootTest
@AutoConfigureMockMvc
class StorePagesTests {

	@Autowired
	MockMvc mvc;

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

	StoreFixture f;

	long person;

	UserDetails resident;

	UserDetails staff;

	@BeforeEach
	void fixture() {
		f = StoreFixture.create(orgs, people, accounts, users, jdbc, transactions, events);
		person = f.resident(f.a());
		// A real account without roles: the session's user is reloaded from the database on every request.
		jdbc.sql("insert into account (person_id, username, password_hash) values (?, ?, '{noop}unused')")
			.params(person, "person-" + person)
			.update();
		resident = users.loadUserByUsername("person-" + person);
		staff = users.loadUserByUsername(f.unitA());
		f.as(f.unitA(), () -> points.bonus(person, 30, "清扫楼道"));
	}

	private StoreItem item(String name, int price, int stock) {
		return f.as(f.unitA(), () -> items.create(new StoreItemCommand(f.a().id(), name + f.tag(), null, price, stock,
				true)));
	}

	@Test
	void phoneStoreShowsBalanceItemsAndWhatIsMissing() throws Exception {
		StoreItem towel = item("毛巾", 20, 2);
		StoreItem kettle = item("电水壶", 100, 1);

		mvc.perform(get("/m/store").param("orgId", String.valueOf(f.a().id())).with(user(resident)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(towel.name())))
			.andExpect(content().string(containsString(kettle.name())))
			.andExpect(content().string(containsString("id=\"balance\">30<")))
			.andExpect(content().string(containsString("/m/store/items/" + towel.id() + "/redeem")))
			.andExpect(content().string(not(containsString("/m/store/items/" + kettle.id() + "/redeem"))))
			.andExpect(content().string(containsString("还差 70 积分")));
		mvc.perform(get("/m/store/points").with(user(resident)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("奖励积分")))
			.andExpect(content().string(containsString("清扫楼道")))
			.andExpect(content().string(containsString("+30")));
	}

	@Test
	void orderingWithTheFormShowsThePickupCodeAndStaffCollectIt() throws Exception {
		StoreItem towel = item("毛巾", 20, 2);
		mvc.perform(get("/m/store/items/{id}/redeem", towel.id()).with(user(resident)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("当前余额 30 积分，兑换后 10 积分")));

		MvcResult ordered = mvc.perform(post("/m/store/items/{id}/redeem", towel.id()).with(csrf()).with(user(resident)))
			.andExpect(redirectedUrl("/m/store"))
			.andReturn();
		String code = jdbc.sql("select code from store_redemption where person_id = ? and status = 'ORDERED'")
			.param(person)
			.query(String.class)
			.single();
		mvc.perform(get("/m/store").cookie(ordered.getResponse().getCookies()).with(user(resident)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("兑换成功")))
			.andExpect(content().string(containsString(code)))
			.andExpect(content().string(containsString("id=\"balance\">10<")))
			.andExpect(content().string(containsString("待领取")));
		assertThat(points.balance(person)).isEqualTo(10);

		mvc.perform(get("/store/redemptions").param("status", "ORDERED").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(code)));
		mvc.perform(post("/store/redemptions/collect").param("code", code.toLowerCase()).with(csrf()).with(user(staff)))
			.andExpect(redirectedUrl("/store/redemptions"))
			.andExpect(flash().attribute("flashSuccess", containsString("已核销")));
		assertThat(jdbc.sql("select status from store_redemption where code = ?").param(code).query(String.class)
			.single()).isEqualTo("COLLECTED");

		StoreItem soap = item("香皂", 5, 1);
		mvc.perform(post("/m/store/items/{id}/redeem", soap.id()).with(csrf()).with(user(resident)))
			.andExpect(redirectedUrl("/m/store"));
		assertThat(points.balance(person)).isEqualTo(5);
		long second = jdbc.sql("select id from store_redemption where person_id = ? and status = 'ORDERED'")
			.param(person)
			.query(Long.class)
			.single();
		mvc.perform(post("/store/redemptions/{id}/cancel", second).with(csrf()).with(user(staff)))
			.andExpect(redirectedUrl("/store/redemptions"))
			.andExpect(flash().attribute("flashSuccess", containsString("已取消")));
		assertThat(points.balance(person)).isEqualTo(10);
		mvc.perform(get("/m/store/points").param("lang", "en").with(user(resident)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Points history")))
			.andExpect(content().string(containsString("Order cancelled, refund")));
	}

	@Test
	void residentCancelsAnOpenOrderAndGetsThePointsBack() throws Exception {
		StoreItem towel = item("毛巾", 20, 2);
		mvc.perform(post("/m/store/items/{id}/redeem", towel.id()).with(csrf()).with(user(resident)))
			.andExpect(redirectedUrl("/m/store"));
		long order = jdbc.sql("select id from store_redemption where person_id = ?").param(person).query(Long.class)
			.single();

		mvc.perform(post("/m/store/orders/{id}/cancel", order).with(csrf()).with(user(resident)))
			.andExpect(redirectedUrl("/m/store"))
			.andExpect(flash().attribute("flashSuccess", containsString("已取消兑换")));
		mvc.perform(post("/m/store/orders/{id}/cancel", order).with(csrf()).with(user(resident)))
			.andExpect(flash().attribute("flashError", "该订单已领取或已取消，不能再取消"));
		assertThat(points.balance(person)).isEqualTo(30);
	}

	@Test
	void staffPagesAreForStoreManagersOnly() throws Exception {
		mvc.perform(get("/store/items").with(user(resident))).andExpect(status().isForbidden());
		mvc.perform(get("/store/redemptions").with(user(resident))).andExpect(status().isForbidden());
		mvc.perform(get("/store/bonus").with(user(resident))).andExpect(status().isForbidden());
		mvc.perform(post("/store/redemptions/collect").param("code", "ABCDEFGH").with(csrf()).with(user(resident)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/m/store")).andExpect(redirectedUrl("/login"));
		mvc.perform(get("/store/items").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(f.a().name())));
	}

	@Test
	void staffKeepItemsAndGiveBonusPoints() throws Exception {
		mvc.perform(post("/store/items").with(csrf()).with(user(staff))
			.param("orgId", String.valueOf(f.a().id()))
			.param("name", "香皂" + f.tag())
			.param("points", "15")
			.param("stock", "4")
			.param("active", "true"))
			.andExpect(redirectedUrl("/store/items"));
		StoreItem soap = f.as(f.unitA(), () -> items.managed()).stream()
			.filter(i -> i.name().equals("香皂" + f.tag()))
			.findFirst()
			.orElseThrow();
		assertThat(soap.points()).isEqualTo(15);
		mvc.perform(get("/store/items/{id}/edit", soap.id()).with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"4\"")));
		mvc.perform(post("/store/items/{id}", soap.id()).with(csrf()).with(user(staff))
			.param("name", "香皂" + f.tag())
			.param("points", "15")
			.param("stock", "9"))
			.andExpect(redirectedUrl("/store/items"));
		StoreItem changed = f.as(f.unitA(), () -> items.get(soap.id()));
		assertThat(changed.stock()).isEqualTo(9);
		assertThat(changed.active()).isFalse();

		mvc.perform(get("/store/bonus").param("name", "居民").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + person + "\"")));
		mvc.perform(post("/store/bonus").with(csrf()).with(user(staff))
			.param("personId", String.valueOf(person))
			.param("points", "12")
			.param("reason", "敬老院义诊"))
			.andExpect(redirectedUrl("/store/bonus"));
		assertThat(points.balance(person)).isEqualTo(42);
	}

	@Test
	void badInputShowsAChineseMessageNotAnError() throws Exception {
		StoreItem kettle = item("电水壶", 100, 1);
		mvc.perform(post("/store/items").with(csrf()).with(user(staff))
			.param("orgId", String.valueOf(f.a().id()))
			.param("name", "香皂")
			.param("points", "十五")
			.param("stock", "4"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("兑换所需积分须为 1 到 1000000 之间的整数")));
		mvc.perform(post("/store/bonus").with(csrf()).with(user(staff))
			.param("personId", String.valueOf(person))
			.param("points", "abc")
			.param("reason", "理由"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("奖励积分须在 1 到")));
		mvc.perform(post("/store/bonus").with(csrf()).with(user(staff)).param("points", "5").param("reason", "理由"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请选择获得奖励积分的人")));
		mvc.perform(post("/store/redemptions/collect").param("code", "").with(csrf()).with(user(staff)))
			.andExpect(redirectedUrl("/store/redemptions"))
			.andExpect(flash().attribute("flashError", "没有待领取的订单使用这个取货码"));
		mvc.perform(post("/m/store/items/{id}/redeem", kettle.id()).with(csrf()).with(user(resident)))
			.andExpect(redirectedUrl("/m/store"))
			.andExpect(flash().attribute("flashError", "积分不足：需要 100 积分，当前余额 30 积分"));
		mvc.perform(get("/m/store/items/{id}/redeem", Long.MAX_VALUE).with(user(resident)))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("未找到该记录")));
		mvc.perform(get("/m/store/items/abc/redeem").with(user(resident)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("请求参数格式不正确")));
		mvc.perform(get("/store/items/{id}/edit", Long.MAX_VALUE).with(user(staff))).andExpect(status().isNotFound());
		mvc.perform(get("/store/redemptions").param("status", "UNKNOWN").with(user(staff))).andExpect(status().isOk());
		assertThat(points.balance(person)).isEqualTo(30);
	}

}
