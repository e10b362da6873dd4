package org.wenming.directory.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.CareRecipients;
import org.wenming.directory.DataScopes;
import org.wenming.directory.OrgDirectory;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "wenming.ephemeral-database=true")
@AutoConfigureMockMvc
class CareRecipientPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	CareRecipients care;

	@Autowired
	UserDetailsService users;

	DirectoryFixture data;

	@BeforeEach
	void createData() {
		data = DirectoryFixture.create(orgs, people, accounts);
	}

	@Test
	void registersByIdNumberListsAndCloses() throws Exception {
		mvc.perform(get("/care-recipients/new").with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isOk());
		mvc.perform(post("/care-recipients").with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("idNumber", data.residentAIdNumber())
			.param("type", "EMPTY_NEST_ELDER")
			.param("needs", "每周上门探访")
			.param("responsibleOrgId", String.valueOf(data.communityA().id())))
			.andExpect(redirectedUrl("/people/" + data.residentA()));
		mvc.perform(get("/care-recipients").param("name", data.tag()).with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张甲" + data.tag())))
			.andExpect(content().string(containsString("空巢老人")))
			.andExpect(content().string(not(containsString(data.residentAIdNumber()))));
		long id = DataScopes.asSystem(() -> care.ofPerson(data.residentA()).get(0).id());
		mvc.perform(post("/care-recipients/{id}/close", id).with(csrf())
			.param("person", String.valueOf(data.residentA()))
			.with(user(data.user(users, data.unitAdminA()))))
			.andExpect(redirectedUrl("/people/" + data.residentA()));
		assertThat(DataScopes.asSystem(() -> care.ofPerson(data.residentA()).get(0).closedAt())).isNotNull();
	}

	@Test
	void registeringTwiceShowsTheDuplicateOnTheForm() throws Exception {
		for (int i = 0; i < 2; i++) {
			var result = mvc.perform(post("/care-recipients").with(csrf())
				.with(user(data.user(users, data.unitAdminA())))
				.param("personId", String.valueOf(data.residentA()))
				.param("type", "DISABLED")
				.param("responsibleOrgId", String.valueOf(data.communityA().id())));
			if (i == 1) {
				result.andExpect(status().isUnprocessableContent())
					.andExpect(content().string(containsString("已登记为残疾人帮扶对象")));
			}
		}
	}

	@Test
	void unknownIdNumberIsShownOnTheField() throws Exception {
		mvc.perform(post("/care-recipients").with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("idNumber", DirectoryFixture.idNumber())
			.param("type", "DISABLED")
			.param("responsibleOrgId", String.valueOf(data.communityA().id())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("在您的管理范围内没有该身份证号的人员")));
	}

	@Test
	void personPageOffersRegistration() throws Exception {
		mvc.perform(get("/care-recipients/new").param("personId", String.valueOf(data.residentA()))
			.with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张甲" + data.tag())));
	}

}
