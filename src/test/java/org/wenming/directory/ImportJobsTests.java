package org.wenming.directory;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "wenming.ephemeral-database=true" })
@AutoConfigureMockMvc
class ImportJobsTests {

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

	@Autowired
	JdbcClient jdbc;

	ImportFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ImportFixtures(orgs, people, accounts, users);
	}

	@Test
	void runsTheUploadInTheBackgroundWithTheUploadersScope() throws Exception {
		byte[] xlsx = ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER,
				List.of(fixtures.person("后台<b>甲</b>", ImportFixtures.idNumber()),
						fixtures.person("后台乙", ImportFixtures.idNumber())));

		String location = mvc
			.perform(multipart("/imports/people").file(new MockMultipartFile("file", "后台.xlsx", null, xlsx))
				.with(user(fixtures.user()))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/imports/jobs/");

		String fragment = poll(location);
		assertThat(fragment).contains("已成功导入 2 名人员").doesNotContain("hx-trigger");
		assertThat(jdbc.sql("select count(*) from person where home_org_id = ?")
			.param(fixtures.community.id())
			.query(Long.class)
			.single()).isEqualTo(2);

		String page = mvc.perform(get("/imports").with(user(fixtures.user())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("后台.xlsx").contains("/imports/templates/people.xlsx");

		ImportFixtures stranger = new ImportFixtures(orgs, people, accounts, users);
		mvc.perform(get(location).with(user(stranger.user()))).andExpect(status().isNotFound());
	}

	@Test
	void showsTheRowReportOfARejectedUpload() throws Exception {
		List<String> unknownHome = new java.util.ArrayList<>(fixtures.person("<script>x</script>", ImportFixtures.idNumber()));
		unknownHome.set(9, "<b>无此社区</b>");
		byte[] xlsx = ImportFixtures.xlsx(ImportFixtures.PEOPLE_HEADER, List.of(
				fixtures.person("<script>x</script>", ImportFixtures.withBadCheckDigit(ImportFixtures.idNumber())),
				unknownHome));

		String location = mvc
			.perform(multipart("/imports/people").file(new MockMultipartFile("file", "坏.xlsx", null, xlsx))
				.with(user(fixtures.user()))
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(poll(location)).contains("第2行：身份证号校验位错误")
			.contains("未导入任何数据")
			.contains("第3行：找不到组织“&lt;b&gt;无此社区&lt;/b&gt;”")
			.doesNotContain("<b>无此社区");
	}

	@Test
	void servesTemplatesWithChineseHeaders() throws Exception {
		byte[] csv = mvc.perform(get("/imports/templates/people.csv").with(user(fixtures.user())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(csv, java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("\uFEFF姓名,性别,出生日期,身份证号,手机号,住址,政治面貌,标签,工作单位,居住社区\r\n");
		mvc.perform(get("/imports/templates/orgs.xlsx").with(user(fixtures.user()))).andExpect(status().isOk());
	}

	private String poll(String location) throws Exception {
		for (int i = 0; i < 100; i++) {
			String fragment = mvc.perform(get(location).header("HX-Request", "true").with(user(fixtures.user())))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			if (!fragment.contains("hx-trigger=\"every 1s\"")) {
				return fragment;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("the import did not finish");
	}

}
