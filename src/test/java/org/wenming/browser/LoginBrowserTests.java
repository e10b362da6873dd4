package org.wenming.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in and out in a real browser, and the large-font mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class LoginBrowserTests {

	@LocalServerPort
	int port;

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
	void wrongPasswordIsRefusedInChinese() {
		browser.open("/login");
		browser.find(By.id("username")).sendKeys("unit");
		browser.find(By.id("password")).sendKeys("wrong-password-1");
		browser.find(By.id("login-submit")).click();
		browser.waitForText(By.id("login-error"), "用户名或密码错误");
	}

	@Test
	void adminSignsInToTheWorkbenchAndSwitchesOnLargeFont() {
		browser.logIn("admin", "Demo@2026");
		browser.waitForText(By.tagName("h1"), "您好");
		assertThat(browser.pageText()).contains("工作台", "待办事项");
		browser.find(By.xpath("//button[text()='大字模式']")).click();
		browser.find(By.xpath("//button[text()='标准字号']"));
		assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("class")).contains("large-font");
		browser.find(By.xpath("//button[text()='退出']")).click();
		browser.waitForText(By.tagName("body"), "您已退出登录");
	}

}
