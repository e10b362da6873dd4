package org.wenming.directory.web;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.directory.PersonQuery;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@SpringBootTest(properties = "wenming.ephemeral-database=true")
@AutoConfigureMockMvc
class PeoplePagesTests {

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
	void listShowsMaskedIdNumbersAndNeverThePlainOnes() throws Exception {
		String masked = data.residentAIdNumber().substring(0, 6) + "***********" + data.residentAIdNumber().substring(17);
		mvc.perform(get("/people").param("name", data.tag()).with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张甲" + data.tag())))
			.andExpect(content().string(containsString(masked)))
			.andExpect(content().string(containsString("139****5678")))
			.andExpect(content().string(not(containsString(data.residentAIdNumber()))))
			.andExpect(content().string(not(containsString("13912345678"))));
	}

	@Test
	void htmxFilterGetsOnlyTheResults() throws Exception {
		mvc.perform(get("/people").param("name", "张甲" + data.tag())
			.header("HX-Request", "true")
			.with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("id=\"people-results\"")))
			.andExpect(content().string(containsString("张甲" + data.tag())))
			.andExpect(content().string(not(containsString("李乙" + data.tag()))))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void exactIdNumberFilterFindsThePerson() throws Exception {
		mvc.perform(get("/people").param("idNumber", data.residentAIdNumber())
			.with(user(data.user(users, data.officeAdmin()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张甲" + data.tag())))
			.andExpect(content().string(not(containsString("李乙" + data.tag()))));
	}

	@Test
	void unitAdminGetsNotFoundForAPersonOfAnotherCommunity() throws Exception {
		mvc.perform(get("/people/{id}", data.residentB()).with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isNotFound())
			.andExpect(content().string(not(containsString("李乙" + data.tag()))));
		mvc.perform(get("/people/{id}", data.residentA()).with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("张甲" + data.tag())))
			.andExpect(content().string(not(containsString(data.residentAIdNumber()))));
	}

	@Test
	void fullViewShowsTheIdNumberAndIsAudited() throws Exception {
		long before = audit.count(new AuditQuery(data.unitAdminA(), "VIEW_FULL", "person", null, null, null, true));
		mvc.perform(post("/people/{id}/personal-data", data.residentA())
			.header("HX-Request", "true")
			.with(csrf())
			.with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(data.residentAIdNumber())))
			.andExpect(content().string(containsString("13912345678")))
			.andExpect(content().string(not(containsString("<html"))));
		assertThat(audit.count(new AuditQuery(data.unitAdminA(), "VIEW_FULL", "person", null, null, null, true)))
			.isEqualTo(before + 1);
	}

	@Test
	void fullViewOfAPersonOutOfScopeIsNotFound() throws Exception {
		mvc.perform(post("/people/{id}/personal-data", data.residentB())
			.with(csrf())
			.with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isNotFound());
	}

	@Test
	void personFormRejectsABadCheckDigitAndStoresNothing() throws Exception {
		String name = "钱错" + data.tag();
		String bad = DirectoryFixture.withBadCheckDigit(DirectoryFixture.idNumber());
		mvc.perform(post("/people").with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("name", name)
			.param("idNumber", bad)
			.param("homeOrgId", String.valueOf(data.communityA().id())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(view().name("directory/person-form"))
			.andExpect(content().string(containsString("身份证号校验位错误")));
		assertThat(DataScopes.asSystem(() -> people.search(new PersonQuery(name, null, null, null, null, null, null), 0, 5)
			.total())).isZero();
	}

	@Test
	void createsAPersonAndRedirectsToIt() throws Exception {
		String name = "孙新" + data.tag();
		String id = DirectoryFixture.idNumber();
		mvc.perform(post("/people").with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("name", name)
			.param("idNumber", id)
			.param("phone", "13800001111")
			.param("tags", "党员", "居民")
			.param("politicalStatus", "中共党员")
			.param("homeOrgId", String.valueOf(data.communityA().id())))
			.andExpect(status().is3xxRedirection());
		assertThat(DataScopes.asSystem(() -> people.findByIdNumber(id)))
			.hasValueSatisfying(person -> assertThat(person.tags()).containsExactly("党员", "居民"));
	}

	@Test
	void editKeepsIdNumberPhoneAndAddressWhenLeftEmpty() throws Exception {
		mvc.perform(get("/people/{id}/edit", data.residentA()).with(user(data.user(users, data.unitAdminA()))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("留空则不修改")))
			.andExpect(content().string(containsString("placeholder=\"139****5678\"")))
			.andExpect(content().string(not(containsString(data.residentAIdNumber()))));
		mvc.perform(post("/people/{id}", data.residentA()).with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("name", "张甲改" + data.tag())
			.param("idNumber", "")
			.param("phone", "")
			.param("address", "")
			.param("homeOrgId", String.valueOf(data.communityA().id())))
			.andExpect(status().is3xxRedirection());
		var full = DataScopes.asSystem(() -> people.fullView(data.residentA()));
		assertThat(full.name()).isEqualTo("张甲改" + data.tag());
		assertThat(full.idNumber()).isEqualTo(data.residentAIdNumber());
		assertThat(full.phone()).isEqualTo("13912345678");
		assertThat(full.address()).isEqualTo("北京市东城区某某街道 1 号");
	}

	@Test
	void homeOrgOutOfScopeIsShownOnTheField() throws Exception {
		mvc.perform(post("/people").with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("name", "周外" + data.tag())
			.param("idNumber", DirectoryFixture.idNumber())
			.param("homeOrgId", String.valueOf(data.communityB().id())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("所填组织不存在或不在您的管理范围内")));
	}

	@Test
	void malformedValuesComeBackOnTheFormInChinese() throws Exception {
		mvc.perform(post("/people").with(csrf())
			.with(user(data.user(users, data.unitAdminA())))
			.param("name", "吴格" + data.tag())
			.param("idNumber", DirectoryFixture.withBadCheckDigit(DirectoryFixture.idNumber()))
			.param("birthDate", "去年")
			.param("homeOrgId", "abc"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请按“年-月-日”填写出生日期。")))
			.andExpect(content().string(containsString("所选内容无效，请重新选择。")))
			.andExpect(content().string(containsString("身份证号校验位错误")))
			.andExpect(content().string(not(containsString("Failed to convert"))));
	}

}
