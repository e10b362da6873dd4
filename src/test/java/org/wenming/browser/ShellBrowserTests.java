package org.wenming.browser;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.wenming.DemoCity;
import org.wenming.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell around every page, in a real browser: the grouped sidebar and the user's controls fit an
 * office screen in Chinese, in English and in large-font mode; phone users land on their home page
 * with the bottom tab bar; the 404 page keeps the navigation and the 403 page says what one may use
 * instead; 个人中心 signs out another browser and revokes a token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ShellBrowserTests {

	static final String PASSWORD = "Journey@2026a";

	static final List<String> ADMIN_GROUPS = List.of("workbench", "plan", "volunteer", "order", "org", "system");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void adminSeesEveryGroupAndItsControlsAtAnOfficeScreenInChineseEnglishAndLargeFont() {
		DemoCity.ensure(context);
		try (Browser browser = new Browser(port)) {
			browser.logIn("admin", DemoCity.PASSWORD);
			browser.waitForText(By.tagName("h1"), "您好");
			assertFits(browser, List.of("工作台", "计划任务", "志愿服务", "群众点单", "组织人员", "系统"));
			assertThat(browser.find(By.id("nav-workbench")).getAttribute("aria-current")).isEqualTo("page");
			browser.screenshot("shell-admin-zh");

			browser.find(By.id("nav-people")).click();
			browser.waitForText(By.tagName("h1"), "人员");
			assertThat(browser.find(By.id("nav-people")).getAttribute("aria-current")).isEqualTo("page");
			assertThat(browser.find(By.id("nav-workbench")).getAttribute("aria-current")).isNull();

			browser.open("/?lang=en");
			browser.waitForText(By.id("nav-group-system"), "System");
			assertFits(browser, List.of("Workbench", "Plans and tasks", "Volunteering", "Service orders",
					"Orgs and people", "System"));
			browser.screenshot("shell-admin-en");

			browser.find(By.id("large-font-toggle")).click();
			browser.waitForText(By.id("large-font-toggle"), "Normal font");
			assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("class")).contains("large-font");
			assertFits(browser, List.of("Workbench", "Plans and tasks", "Volunteering", "Service orders",
					"Orgs and people", "System"));
			browser.screenshot("shell-admin-en-large-font");

			browser.open("/?lang=zh_CN");
			browser.waitForText(By.id("nav-group-system"), "系统");
			assertFits(browser, List.of("工作台", "计划任务", "志愿服务", "群众点单", "组织人员", "系统"));
			browser.screenshot("shell-admin-zh-large-font");

			// A group folds away and opens again.
			WebElement heading = browser.find(By.cssSelector("#nav-group-system .wm-nav-heading"));
			heading.click();
			browser.waitUntil(d -> !d.findElement(By.id("nav-audit")).isDisplayed());
			heading.click();
			browser.find(By.id("nav-audit"));
		}
	}

	/** Every group heading, and each link under it, is one line high; the user's controls are on screen. */
	private static void assertFits(Browser browser, List<String> headings) {
		long width = (Long) browser.js("return window.innerWidth;");
		long height = (Long) browser.js("return window.innerHeight;");
		for (int i = 0; i < ADMIN_GROUPS.size(); i++) {
			WebElement group = browser.find(By.id("nav-group-" + ADMIN_GROUPS.get(i)));
			WebElement heading = group.findElement(By.cssSelector(".wm-nav-heading"));
			assertThat(heading.getText()).isEqualTo(headings.get(i));
			Rectangle rect = heading.getRect();
			assertThat(rect.getX() + rect.getWidth()).as("group %s", headings.get(i)).isLessThanOrEqualTo((int) width);
			assertThat(rect.getHeight()).as("group %s on one line", headings.get(i))
				.isLessThan(3 * lineHeight(browser, heading));
		}
		for (WebElement link : browser.driver.findElements(By.cssSelector(".wm-nav-link"))) {
			// Words may wrap onto a second line, but never one character a line.
			assertThat(link.getRect().getHeight()).as(link.getText()).isLessThan(3 * lineHeight(browser, link) + 16);
			assertThat(link.getRect().getWidth()).as(link.getText()).isGreaterThan(150);
		}
		for (By control : List.of(By.id("inbox-link"), By.id("large-font-toggle"), By.id("user-name"),
				By.name("revokeTokens"), By.id("logout"))) {
			WebElement element = browser.find(control);
			Rectangle rect = element.getRect();
			assertThat(rect.getX()).as(control.toString()).isGreaterThanOrEqualTo(0);
			assertThat(rect.getX() + rect.getWidth()).as(control.toString()).isLessThanOrEqualTo((int) width);
			assertThat(rect.getY() + rect.getHeight()).as(control.toString()).isLessThanOrEqualTo((int) height);
			assertThat(rect.getY()).as(control.toString()).isLessThan(120);
		}
	}

	private static int lineHeight(Browser browser, WebElement element) {
		Object px = browser.js("var s = getComputedStyle(arguments[0]); var h = parseFloat(s.lineHeight);"
				+ " return Math.round(isNaN(h) ? parseFloat(s.fontSize) * 1.5 : h);", element);
		return ((Number) px).intValue();
	}

	@Test
	void aResidentLandsOnThePhoneHomeWithTheTabBarAndSeesHoursPointsAndStars() {
		DemoCity.ensure(context);
		try (Browser phone = new Browser(port, Browser.Size.PHONE)) {
			phone.logIn("resident", DemoCity.PASSWORD);
			assertThat(phone.driver.getCurrentUrl()).endsWith("/m");
			phone.find(By.id("tab-bar"));
			assertThat(phone.find(By.id("tab-home")).getAttribute("aria-current")).isEqualTo("page");
			assertThat(phone.pageText()).contains("首页", "活动", "扫码", "我的");
			for (String tab : List.of("tab-home", "tab-activities", "tab-scan", "tab-mine")) {
				Rectangle rect = phone.find(By.id(tab)).getRect();
				assertThat(rect.getHeight()).as(tab).isGreaterThanOrEqualTo(44);
				assertThat(rect.getWidth()).as(tab).isGreaterThanOrEqualTo(44);
				assertThat(rect.getY() + rect.getHeight()).as(tab).isLessThanOrEqualTo(844);
			}
			assertThat(phone.find(By.id("hours-year")).getText()).matches("\\d+(\\.\\d+)?");
			assertThat(phone.find(By.id("hours-total")).getText()).matches("\\d+(\\.\\d+)?");
			assertThat(phone.find(By.id("points")).getText()).matches("\\d+");
			phone.find(By.id("stars"));
			assertThat(phone.pageText()).contains("服务时长", "我的积分", "星级", "我的下一场活动", "附近可报名的活动")
				.doesNotContain("null", "2,0");
			phone.screenshot("shell-phone-home");

			// The sidebar hides behind the toggle on a phone.
			assertThat(phone.driver.findElement(By.id("sidebar")).isDisplayed()).isFalse();
			phone.find(By.id("nav-toggle")).click();
			phone.find(By.id("nav-me"));
			phone.screenshot("shell-phone-menu");
			phone.find(By.cssSelector("#sidebar .btn-close")).click();
			phone.waitUntil(d -> !d.findElement(By.id("sidebar")).isDisplayed());

			phone.find(By.id("tab-activities")).click();
			phone.waitForText(By.tagName("h1"), "参加活动");
			assertThat(phone.find(By.id("tab-activities")).getAttribute("aria-current")).isEqualTo("page");
			phone.find(By.id("tab-mine")).click();
			phone.waitForText(By.tagName("h1"), "我的志愿");
			phone.find(By.id("hub-me"));
			phone.screenshot("shell-phone-mine");
		}
	}

	@Test
	void theNotFoundPageKeepsTheNavigationAndTheForbiddenPageSaysWhatToUseInstead() {
		DemoCity.ensure(context);
		try (Browser browser = new Browser(port)) {
			browser.logIn("inspector", DemoCity.PASSWORD);
			browser.open("/no-such-page");
			browser.waitForText(By.id("error-message"), "未找到");
			assertThat(browser.find(By.tagName("h1")).getText()).contains("404");
			browser.find(By.id("sidebar"));
			browser.find(By.id("nav-plans"));
			browser.screenshot("shell-404");

			browser.open("/activities/999999999");
			browser.waitForText(By.tagName("h1"), "404");
			browser.find(By.id("nav-activities"));

			browser.open("/accounts");
			browser.waitForText(By.tagName("h1"), "403");
			assertThat(browser.find(By.id("error-message")).getText()).contains("您没有权限");
			assertThat(browser.find(By.id("error-instead")).getText()).contains("您的账号可以使用下面这些页面", "工作计划",
					"人员");
			assertThat(browser.find(By.id("error-ask")).getText()).contains("管理员");
			browser.find(By.id("nav-plans"));
			browser.screenshot("shell-403");
			browser.find(By.cssSelector("#error-allowed a[href='/plans']")).click();
			browser.waitForText(By.tagName("h1"), "工作计划");
		}
	}

	@Test
	void fromMeTheUserSignsOutAnotherBrowserRevokesATokenAndChoosesItsNotifications() {
		DemoCity demo = DemoCity.ensure(context);
		Http api = Http.api(port).from(Http.newClientAddress());
		String admin = api.token("admin", DemoCity.PASSWORD);
		long heping = demo.org("和平社区");
		String user = DemoCity.newAccount(api, admin, heping, "b_me_", PASSWORD, "UNIT_ADMIN", heping);
		String token = api.token(user, PASSWORD);
		try (Browser here = new Browser(port); Browser there = new Browser(port)) {
			there.logIn(user, PASSWORD);
			there.waitForText(By.tagName("h1"), "您好");
			here.logIn(user, PASSWORD);
			here.find(By.id("user-name")).click();
			here.waitForText(By.tagName("h1"), "个人中心");
			assertThat(here.find(By.id("me-username")).getText()).isEqualTo(user);
			assertThat(here.find(By.id("me-roles")).getText()).contains("单位管理员", "和平社区");
			assertThat(here.find(By.id("change-password")).getAttribute("href")).endsWith("/me/password");
			assertThat(here.driver.findElements(By.cssSelector("#session-list li"))).hasSize(2);
			assertThat(here.find(By.cssSelector(".session-current")).getText()).contains("本设备");
			assertThat(here.find(By.cssSelector(".session-other")).getText()).matches("(?s).*登录于 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*");
			here.screenshot("shell-me");

			here.find(By.cssSelector(".session-other .end-session")).click();
			here.waitForText(By.tagName("main"), "已让 1 个设备退出登录");
			assertThat(here.driver.findElements(By.cssSelector("#session-list li"))).hasSize(1);
			there.open("/");
			assertThat(there.driver.getCurrentUrl()).contains("/login");

			// The token: listed, revoked with one press, refused by the API afterwards.
			assertThat(api.get("/api/v1/me", token).status()).isEqualTo(200);
			assertThat(here.driver.findElements(By.cssSelector("#token-list li"))).hasSize(1);
			here.find(By.cssSelector(".revoke-token")).click();
			here.waitForText(By.tagName("main"), "已作废 1 个接口令牌");
			here.find(By.id("no-tokens"));
			assertThat(api.get("/api/v1/me", token).status()).isEqualTo(401);

			// Notification settings: the ticks stay as saved.
			WebElement orders = here.find(By.id("receive-SERVICE_ORDER"));
			assertThat(orders.isSelected()).isTrue();
			orders.click();
			here.find(By.id("save-notification-settings")).click();
			here.waitForText(By.tagName("main"), "已保存消息设置");
			assertThat(here.find(By.id("receive-SERVICE_ORDER")).isSelected()).isFalse();
			assertThat(here.find(By.id("receive-PLAN_TASK")).isSelected()).isTrue();
			here.screenshot("shell-me-settings");
		}
	}

}
