package org.wenming.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.wenming.DemoCity;
import org.wenming.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A unit admin of 和平社区 manages accounts in a real browser: the city admin's account, though its
 * person lives in the community, is view-only; a fellow unit admin's password is reset only with the
 * caller's own password typed again; signing out can end the caller's API tokens too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class AccountBrowserTests {

	static final String PASSWORD = "Journey@2026a";

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
	void unitAdminSeesTheCityAdminViewOnlyAndResetsAFellowAdminsPasswordWithItsOwn() {
		DemoCity demo = DemoCity.ensure(context);
		Http api = Http.api(port).from(Http.newClientAddress());
		String admin = api.token("admin", DemoCity.PASSWORD);
		long heping = demo.org("和平社区");
		String unit = DemoCity.newAccount(api, admin, heping, "b_unit_", PASSWORD, "UNIT_ADMIN", heping);
		String fellow = DemoCity.newAccount(api, admin, heping, "b_fellow_", PASSWORD, "UNIT_ADMIN", heping);
		String unitToken = api.token(unit, PASSWORD);

		browser.logIn(unit, PASSWORD);

		// The city admin's account: shown, but nothing to press.
		browser.open("/accounts/" + demo.account("admin"));
		browser.waitForText(By.tagName("main"), "该账号持有超出您管理范围的角色");
		assertThat(browser.driver.findElements(By.id("new-password"))).isEmpty();
		assertThat(browser.driver.findElements(By.xpath("//button[text()='停用账号']"))).isEmpty();

		// One's own account offers no way to disable it.
		browser.open("/accounts/" + demo.account(unit));
		browser.waitForText(By.tagName("h1"), unit);
		assertThat(browser.driver.findElements(By.xpath("//button[text()='停用账号']"))).isEmpty();

		// A fellow unit admin: the reset asks for the caller's own password, and a wrong one changes nothing.
		browser.open("/accounts/" + demo.account(fellow));
		assertThat(browser.driver.findElements(By.xpath("//button[text()='停用账号']"))).hasSize(1);
		browser.find(By.id("new-password")).sendKeys("Fresh@2026x");
		browser.find(By.id("caller-password")).sendKeys("Guess@2026x");
		browser.find(By.xpath("//button[text()='重置密码']")).click();
		browser.waitForText(By.tagName("main"), "请输入您本人的当前密码");
		browser.screenshot("account-reset-wrong-caller-password");
		assertThat(Http.api(port).from(Http.newClientAddress()).token(fellow, PASSWORD)).isNotBlank();

		browser.find(By.id("new-password")).sendKeys("Fresh@2026x");
		browser.find(By.id("caller-password")).sendKeys(PASSWORD);
		browser.find(By.xpath("//button[text()='重置密码']")).click();
		browser.waitForText(By.tagName("main"), "已重置密码");
		Http fresh = Http.api(port).from(Http.newClientAddress());
		assertThat(fresh.post("/api/v1/auth/token", null,
				Http.json(java.util.Map.of("username", fellow, "password", "Fresh@2026x"))).status()).isEqualTo(200);

		// Signing out with the box ticked ends the caller's API token as well.
		assertThat(api.get("/api/v1/me", unitToken).status()).isEqualTo(200);
		browser.find(By.name("revokeTokens")).click();
		browser.find(By.xpath("//button[text()='退出']")).click();
		browser.waitForText(By.tagName("body"), "您已退出登录");
		assertThat(api.get("/api/v1/me", unitToken).status()).isEqualTo(401);
	}

}
