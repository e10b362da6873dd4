package org.wenming.browser;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wenming.DemoCity;
import org.wenming.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journey 5 (accounts), at desktop size: the city admin opens an account with the pickers alone
 * (part of the person's name typed into the people picker, the org chosen from the tree picker by
 * its path among three "办公室", the role from a list; no id typed), and the new user signs in, is
 * held at 修改密码 until they change the admin's password, and then lands on their start page. Also
 * a team made with the org and people pickers, whose captain shows as 队长.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AccountsJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

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
	void adminOpensAnAccountWithThePickersAndTheNewUserChangesThePasswordAtFirstSignIn() {
		DemoCity demo = DemoCity.ensure(context);
		String name = newPerson(demo, "旅程");
		String username = DemoCity.unique("j_pick_");

		browser.logIn("admin", DemoCity.PASSWORD);
		browser.open("/accounts/new");
		browser.find(By.tagName("h1"));
		pick("personId", name.substring(0, 4), name);
		pick("orgId", "办公室", "示范市 / 示范市水利局 / 办公室");
		new Select(browser.find(By.id("role"))).selectByValue("UNIT_ADMIN");
		browser.find(By.id("username")).sendKeys(username);
		browser.find(By.id("password")).sendKeys("First@2026a");
		browser.screenshot("accounts-journey-1-pickers");
		browser.find(By.cssSelector("form button[type=submit].btn-wenming")).click();
		browser.waitForText(By.tagName("main"), "已新建账号");
		browser.waitForText(By.tagName("main"), "示范市水利局");
		browser.screenshot("accounts-journey-2-created");

		// The new user signs in with the admin's password and is held at 修改密码.
		browser.driver.manage().deleteAllCookies();
		browser.logIn(username, "First@2026a");
		assertThat(browser.driver.getCurrentUrl()).contains("/me/password");
		browser.waitForText(By.tagName("main"), "管理员为您设置了初始密码");
		browser.open("/people");
		assertThat(browser.driver.getCurrentUrl()).contains("/me/password");
		browser.screenshot("accounts-journey-3-must-change");

		// A mismatch stays on the page with its message.
		browser.find(By.id("currentPassword")).sendKeys("First@2026a");
		browser.find(By.id("password")).sendKeys("Mine@2026ab");
		browser.find(By.id("repeatPassword")).sendKeys("Mine@2026ac");
		browser.find(By.id("change-password")).click();
		browser.waitForText(By.tagName("main"), "两次输入的新密码不一致");

		browser.find(By.id("currentPassword")).sendKeys("First@2026a");
		browser.find(By.id("password")).sendKeys("Mine@2026ab");
		browser.find(By.id("repeatPassword")).sendKeys("Mine@2026ab");
		browser.find(By.id("change-password")).click();
		browser.waitForText(By.tagName("body"), "密码已修改");
		assertThat(browser.driver.getCurrentUrl()).doesNotContain("/me/password").doesNotContain("/login");
		browser.screenshot("accounts-journey-4-start-page");

		// The next sign-in goes straight to the start page with the new password.
		browser.driver.manage().deleteAllCookies();
		browser.logIn(username, "Mine@2026ab");
		assertThat(browser.driver.getCurrentUrl()).doesNotContain("/me/password");
	}

	@Test
	void adminMakesATeamWithTheOrgAndPeoplePickers() {
		DemoCity demo = DemoCity.ensure(context);
		String captain = newPerson(demo, "队长");
		String team = DemoCity.unique("旅程服务队");

		browser.logIn("admin", DemoCity.PASSWORD);
		browser.open("/teams/new");
		browser.find(By.tagName("h1"));
		pick("orgId", "和平社区", "示范市 / 东城区 / 东风街道 / 和平社区");
		browser.find(By.id("name")).sendKeys(team);
		pick("leaderPersonId", captain.substring(0, 4), captain);
		browser.screenshot("accounts-journey-5-team-pickers");
		browser.find(By.cssSelector("#team-form button[type=submit]")).click();
		browser.waitForText(By.id("team-name"), team);
		assertThat(browser.pageText()).contains(captain).contains("队长");
		browser.screenshot("accounts-journey-6-team");
	}

	/** Types into the picker's search box and clicks the option showing {@code choice}. */
	private void pick(String selectId, String typed, String choice) {
		// The picker's box (its search input shows once the box has the focus).
		browser.find(By.cssSelector("#" + selectId + " + .ts-wrapper .ts-control")).click();
		WebElement box = browser.driver.findElement(By.id(selectId + "-ts-control"));
		new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOf(box));
		box.sendKeys(typed);
		By option = By.xpath("//div[@id='" + selectId + "-ts-dropdown']//div[contains(@class,'option') and contains(., '"
				+ choice + "')]");
		WebElement found = new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(20))
			.until(ExpectedConditions.visibilityOfElementLocated(option));
		((org.openqa.selenium.JavascriptExecutor) browser.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", found);
		new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(5))
			.until(ExpectedConditions.elementToBeClickable(found))
			.click();
		new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(5)).until(driver -> !new Select(
				driver.findElement(By.id(selectId))).getAllSelectedOptions().isEmpty()
				&& !new Select(driver.findElement(By.id(selectId))).getFirstSelectedOption().getAttribute("value").isEmpty());
	}

	/** A new person living in 和平社区, made through the API as test data; their name. */
	private String newPerson(DemoCity demo, String prefix) {
		Http api = Http.api(port).from(Http.newClientAddress());
		String admin = api.token("admin", DemoCity.PASSWORD);
		String name = DemoCity.unique(prefix);
		Map<String, Object> person = new LinkedHashMap<>();
		person.put("name", name);
		person.put("idNumber", DemoCity.newIdNumber());
		person.put("homeOrgId", demo.org("和平社区"));
		assertThat(api.post("/api/v1/people", admin, Http.json(person)).status()).isEqualTo(201);
		return name;
	}

}
