package org.wenming.directory.web;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.CareRecipientType;
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
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every page of the directory renders, in both languages, without inline script (the
 * Content-Security-Policy would refuse it).
 */
@SpringBootTest(properties = "wenming.ephemeral-database=true")
@AutoConfigureMockMvc
class DirectoryPagesTests {

	private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=",
			Pattern.CASE_INSENSITIVE);

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
		DataScopes.asSystem(() -> care.register(data.residentA(), CareRecipientType.LEFT_BEHIND_CHILD, "课业辅导",
				data.communityA().id()));
	}

	@Test
	void everyPageRendersWithoutInlineScript() throws Exception {
		List<String> pages = List.of("/orgs", "/orgs?closed=true", "/orgs/new", "/orgs/" + data.street().id(),
				"/people", "/people?page=1&gender=女", "/people/new", "/people/" + data.residentA(),
				"/people/" + data.residentA() + "/edit", "/care-recipients", "/care-recipients?type=LEFT_BEHIND_CHILD",
				"/care-recipients/new", "/care-recipients/new?personId=" + data.residentA(), "/accounts",
				"/accounts?q=unit&locked=1", "/accounts/new", "/accounts/new?personId=" + data.residentA(),
				"/accounts/" + data.unitAdminAccount(), "/audit", "/audit?from=2020-01-01&to=2030-12-31");
		for (String lang : List.of("zh_CN", "en")) {
			for (String page : pages) {
				String html = mvc.perform(get(page + (page.contains("?") ? "&" : "?") + "lang=" + lang)
					.with(user(data.user(users, data.officeAdmin()))))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(INLINE_SCRIPT.matcher(html).find()).as(page).isFalse();
				assertThat(html).as(page).doesNotContain("??").contains("</html>");
			}
		}
	}

	@Test
	void malformedParametersGetABadRequestPageNotAServerError() throws Exception {
		for (String page : List.of("/people?page=x", "/people?orgId=x", "/people/x", "/audit?from=yesterday",
				"/care-recipients?type=NOPE", "/accounts?locked=maybe", "/orgs/x")) {
			mvc.perform(get(page).with(user(data.user(users, data.officeAdmin()))))
				.andExpect(status().isBadRequest());
		}
	}

}
