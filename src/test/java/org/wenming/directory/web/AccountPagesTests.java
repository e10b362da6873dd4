package org.wenming.directory.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.directory.Role;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "wenming.ephemeral-database=true")
@AutoConfigureMockMvc
class AccountPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	DirectoryFixture data;

	@BeforeEach
	void createData() {
		data = DirectoryFixture.create(orgs, people, accounts);
	}

	@Test
	void grantBeyondOwnScopeIsRefused() throws Exception {
		long account = DataScopes.asSystem(() -> accounts.create(data.residentA(), "resident-" + data.tag(),
				DirectoryFixture.PASSWORD, java.util.List.of()));
		mvc.perform(post("/accounts/{id}/roles", account).with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("role", "UNIT_ADMIN")
			.param("orgId", String.valueOf(data.street().id())))
			.andExpect(status().isUnprocessableContent())
			// An org outside the caller's scope is answered like a missing one, without its name.
			.andExpect(content().string(containsString("所选组织不存在，或不在您的管理范围内。")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("测试街道" + data.tag()))));
		mvc.perform(post("/accounts/{id}/roles", account).with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("role", "OFFICE_ADMIN")
			.param("orgId", String.valueOf(data.communityA().id())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("授予“文明办管理员”角色")));
		assertThat(DataScopes.asSystem(() -> accounts.get(account).roles())).isEmpty();
	}

	@Test
	void grantsWithinScopeAndRevokes() throws Exception {
		long account = DataScopes.asSystem(() -> accounts.create(data.residentA(), "inspector-" + data.tag(),
				DirectoryFixture.PASSWORD, java.util.List.of()));
		mvc.perform(post("/accounts/{id}/roles", account).with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("role", "INSPECTOR")
			.param("orgId", String.valueOf(data.communityA().id())))
			.andExpect(status().is3xxRedirection());
		var roles = DataScopes.asSystem(() -> accounts.get(account).roles());
		assertThat(roles).extracting(r -> r.role()).containsExactly(Role.INSPECTOR);
		mvc.perform(get("/accounts/{id}", account).with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("督查员")));
		mvc.perform(post("/accounts/{id}/roles/{rid}/revoke", account, roles.get(0).id()).with(csrf())
			.with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().is3xxRedirection());
		assertThat(DataScopes.asSystem(() -> accounts.get(account).roles())).isEmpty();
	}

	@Test
	void createsAnAccountForAPersonByIdNumber() throws Exception {
		mvc.perform(get("/accounts/new").with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isOk());
		mvc.perform(post("/accounts").with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("idNumber", data.residentAIdNumber())
			.param("username", "new-" + data.tag())
			.param("password", "weak")
			.param("role", "RESIDENT")
			.param("orgId", String.valueOf(data.communityA().id())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("密码至少 8 位")))
			.andExpect(content().string(not(containsString("value=\"weak\""))));
		mvc.perform(post("/accounts").with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("idNumber", data.residentAIdNumber())
			.param("username", "new-" + data.tag())
			.param("password", "Another1pass")
			.param("role", "RESIDENT")
			.param("orgId", String.valueOf(data.communityA().id())))
			.andExpect(redirectedUrlPattern("/accounts/*"));
		assertThat(accounts.findByUsername("new-" + data.tag())).isPresent();
	}

	@Test
	void lockedAccountsAreListedAndOnTheWorkbench() throws Exception {
		jdbc.sql("update account set locked_until = now() + interval '10 minutes' where id = ?")
			.param(data.unitAdminAccount())
			.update();
		mvc.perform(get("/accounts").param("locked", "1").with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(data.unitAdminA())))
			.andExpect(content().string(not(containsString(data.officeAdmin() + "<"))));
		mvc.perform(get("/").with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("个账号已锁定")))
			.andExpect(content().string(containsString("/accounts?locked=1")));
		mvc.perform(post("/accounts/{id}/unlock", data.unitAdminAccount()).with(csrf())
			.with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().is3xxRedirection());
		assertThat(DataScopes.asSystem(() -> accounts.get(data.unitAdminAccount()).isLocked())).isFalse();
	}

	@Test
	void anAdminCannotDisableItsOwnAccount() throws Exception {
		mvc.perform(post("/accounts/{id}/disable", data.unitAdminAccount()).with(csrf())
			.with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashError", "不能停用自己的账号。"));
		assertThat(DataScopes.asSystem(() -> accounts.get(data.unitAdminAccount()).enabled())).isTrue();
	}

	@Test
	void unitAdminGetsNotFoundForAnAccountOutsideItsScope() throws Exception {
		long other = DataScopes.asSystem(() -> accounts.create(data.residentB(), "other-" + data.tag(),
				DirectoryFixture.PASSWORD, java.util.List.of()));
		mvc.perform(get("/accounts/{id}", other).with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isNotFound());
		mvc.perform(post("/accounts/{id}/disable", other).with(csrf()).with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isNotFound());
	}

}
