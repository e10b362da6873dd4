package org.wenming.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.wenming.TestIdNumbers;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journey of an office admin in a real browser: sign in, create a community, import its
 * residents from a file, and find them in the people list with their ID numbers and phones masked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class DirectoryJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	OrgDirectory orgs;

	Browser browser;

	@BeforeEach
	void start() {
		browser = new Browser(port);
	}

	@AfterEach
	void stop() {
		browser.close();
	}

	@Test
	void adminCreatesACommunityImportsItsResidentsAndSeesThemMasked(@TempDir Path dir) throws Exception {
		String tag = UUID.randomUUID().toString().substring(0, 6);
		String community = "旅程社区" + tag;
		Org street = DataScopes.asSystem(() -> orgs.visibleTree(false).stream()
			.filter(org -> org.name().equals("东风街道"))
			.findFirst()
			.orElseThrow());

		browser.logIn("admin", "Demo@2026");
		browser.open("/orgs/new?parentId=" + street.id());
		browser.find(By.id("name")).sendKeys(community);
		new Select(browser.find(By.id("type"))).selectByValue("COMMUNITY");
		browser.find(By.cssSelector("form button[type=submit].btn-wenming")).click();
		browser.waitForText(By.tagName("h1"), community);
		browser.screenshot("org");

		List<String> ids = List.of(TestIdNumbers.next(), TestIdNumbers.next(), TestIdNumbers.next());
		Path file = dir.resolve("居民.csv");
		Files.writeString(file, "姓名,性别,出生日期,身份证号,手机号,住址,政治面貌,标签,工作单位,居住社区\n"
				+ "旅程甲" + tag + ",,," + ids.get(0) + ",13800138000,示范市东风街道1号,群众,居民,," + community + "\n"
				+ "旅程乙" + tag + ",,," + ids.get(1) + ",13900139000,示范市东风街道2号,中共党员,居民、党员,," + community + "\n"
				+ "旅程丙" + tag + ",,," + ids.get(2) + ",,示范市东风街道3号,群众,居民,," + community + "\n",
				StandardCharsets.UTF_8);
		browser.open("/imports");
		browser.find(By.id("file-people")).sendKeys(file.toAbsolutePath().toString());
		browser.find(By.cssSelector("#import-people button[type=submit]")).click();
		browser.waitForText(By.id("import-result"), "3");
		browser.screenshot("import");

		browser.open("/people");
		WebElement name = browser.find(By.id("f-name"));
		name.sendKeys("旅程");
		name.submit();
		browser.waitForText(By.id("people-results"), "旅程丙" + tag);
		browser.screenshot("people");
		String results = browser.find(By.id("people-results")).getText();
		assertThat(results).contains("旅程甲" + tag, "旅程乙" + tag, "旅程丙" + tag)
			.contains(ids.get(0).substring(0, 6) + "***********" + ids.get(0).substring(17))
			.contains("138****8000");
		for (String id : ids) {
			assertThat(browser.driver.getPageSource()).doesNotContain(id);
		}
		assertThat(browser.driver.getPageSource()).doesNotContain("13800138000");

		browser.find(By.linkText("旅程甲" + tag)).click();
		browser.waitForText(By.tagName("h1"), "旅程甲" + tag);
		browser.screenshot("person");
		browser.open("/orgs");
		browser.waitForText(By.tagName("body"), community);
		browser.screenshot("orgs");
	}

}
