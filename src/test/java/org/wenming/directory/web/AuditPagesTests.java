package org.wenming.directory.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.directory.Role;
import org.wenming.platform.audit.AuditLog;
import org.wenming.platform.audit.AuditQuery;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "wenming.ephemeral-database=true")
@AutoConfigureMockMvc
class AuditPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	UserDetailsService users;

	DirectoryFixture data;

	@BeforeEach
	void createData() {
		data = DirectoryFixture.create(orgs, people, accounts);
	}

	@Test
	void officeAdminOfACitySeesItsEntriesOnly() throws Exception {
		DirectoryFixture other = DirectoryFixture.create(orgs, people, accounts);
		mvc.perform(get("/audit").param("entityType", "person").with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张甲" + data.tag())))
			.andExpect(content().string(not(containsString("张甲" + other.tag()))));
	}

	@Test
	void unitAdminMayNotReadTheLog() throws Exception {
		mvc.perform(get("/audit").with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isForbidden());
	}

	@Test
	void exportIsCsvWithBomAndIsItselfAudited() throws Exception {
		long before = audit.count(new AuditQuery(data.officeAdmin(), "EXPORT", null, null, null, null, true));
		byte[] body = mvc.perform(get("/audit/export.csv").param("entityType", "person")
			.with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(body).startsWith(0xEF, 0xBB, 0xBF);
		String csv = new String(body, StandardCharsets.UTF_8);
		assertThat(csv).contains("时间").contains("新建人员：张甲" + data.tag());
		assertThat(audit.count(new AuditQuery(data.officeAdmin(), "EXPORT", null, null, null, null, true)))
			.isEqualTo(before + 1);
	}

	@Test
	void onlyAnAdminOfARootOrgSeesEntriesWithoutOrg() throws Exception {
		String streetAdmin = "street-" + data.tag();
		DataScopes.asSystem(() -> {
			accounts.create(data.residentA(), streetAdmin, DirectoryFixture.PASSWORD,
					java.util.List.of(new Accounts.Grant(Role.OFFICE_ADMIN, data.street().id())));
			accounts.setEnabled(data.unitAdminAccount(), true);
		});
		String withoutOrg = "启用账号：" + data.unitAdminA();
		mvc.perform(get("/audit").param("action", "ENABLE").with(user(data.user(users, streetAdmin))))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(withoutOrg))));
		mvc.perform(get("/audit").param("entityType", "person").with(user(data.user(users, streetAdmin))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张甲" + data.tag())));
		mvc.perform(get("/audit").param("action", "ENABLE").with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(withoutOrg)));
	}

}
