package org.wenming.directory.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.People;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "wenming.ephemeral-database=true")
@AutoConfigureMockMvc
class OrgPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	DirectoryFixture data;

	@BeforeEach
	void createData() {
		data = DirectoryFixture.create(orgs, people, accounts);
	}

	@Test
	void treeShowsTheCallersSubtreeWithTypeNames() throws Exception {
		mvc.perform(get("/orgs").with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("class=\"org-tree\"")))
			.andExpect(content().string(containsString("甲社区" + data.tag())))
			.andExpect(content().string(containsString("社区")))
			.andExpect(content().string(not(containsString("乙社区" + data.tag()))));
	}

	@Test
	void closedOrgsShowOnlyWhenAsked() throws Exception {
		Org closed = DataScopes.asSystem(() -> {
			Org org = orgs.create(data.street().id(), "丙社区" + data.tag(), OrgType.COMMUNITY, null);
			return orgs.close(org.id());
		});
		mvc.perform(get("/orgs").with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(closed.name()))));
		mvc.perform(get("/orgs").param("closed", "true").with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(closed.name())))
			.andExpect(content().string(containsString("已撤销")));
	}

	@Test
	void createsAChildOrg() throws Exception {
		mvc.perform(get("/orgs/new").param("parentId", String.valueOf(data.street().id()))
			.with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk());
		mvc.perform(post("/orgs").with(csrf())
			.with(user(data.user(users, data.officeAdmin())))
			.param("parentId", String.valueOf(data.street().id()))
			.param("name", "丁社区" + data.tag())
			.param("type", "COMMUNITY")
			.param("divisionCode", ""))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("flashSuccess", containsString("丁社区" + data.tag())));
		assertThat(DataScopes.asSystem(() -> orgs.findByName("丁社区" + data.tag()))).hasSize(1);
	}

	@Test
	void createShowsFieldErrorsInChinese() throws Exception {
		mvc.perform(post("/orgs").with(csrf())
			.with(user(data.user(users, data.officeAdmin())))
			.param("parentId", String.valueOf(data.street().id()))
			.param("name", "")
			.param("type", "COMMUNITY")
			.param("divisionCode", "12"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请填写组织名称")));
	}

	@Test
	void moveIntoOwnSubtreeShowsTheCycleMessage() throws Exception {
		mvc.perform(post("/orgs/{id}/move", data.street().id()).with(csrf())
			.with(user(data.user(users, data.officeAdmin())))
			.param("parentId", String.valueOf(data.communityA().id())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("不能把组织移动到它自己或它的下级组织之下")));
		assertThat(DataScopes.asSystem(() -> orgs.get(data.street().id())).parentId()).isEqualTo(data.city().id());
	}

	@Test
	void renamesAndMoves() throws Exception {
		Org other = DataScopes.asSystem(() -> orgs.create(data.city().id(), "另一街道" + data.tag(), OrgType.STREET, null));
		mvc.perform(post("/orgs/{id}/rename", data.communityB().id()).with(csrf())
			.with(user(data.user(users, data.officeAdmin())))
			.param("name", "乙社区新名" + data.tag()))
			.andExpect(redirectedUrl("/orgs/" + data.communityB().id()));
		mvc.perform(post("/orgs/{id}/move", data.communityB().id()).with(csrf())
			.with(user(data.user(users, data.officeAdmin())))
			.param("parentId", String.valueOf(other.id())))
			.andExpect(redirectedUrl("/orgs/" + data.communityB().id()));
		Org moved = DataScopes.asSystem(() -> orgs.get(data.communityB().id()));
		assertThat(moved.name()).isEqualTo("乙社区新名" + data.tag());
		assertThat(moved.parentId()).isEqualTo(other.id());
	}

	@Test
	void closingAnOrgWithChildrenShowsWhy() throws Exception {
		mvc.perform(get("/orgs/{id}", data.street().id()).with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data-confirm=")));
		mvc.perform(post("/orgs/{id}/close", data.street().id()).with(csrf())
			.with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("该组织还有未撤销的下级组织")));
	}

	@Test
	void unitAdminCannotSeeAnOrgOutsideItsScope() throws Exception {
		mvc.perform(get("/orgs/{id}", data.communityB().id()).with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isNotFound());
	}

}
