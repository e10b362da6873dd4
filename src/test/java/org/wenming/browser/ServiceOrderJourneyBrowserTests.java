package org.wenming.browser;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.wenming.DemoCity;
import org.wenming.platform.Times;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 群众点单 from end to end in real browsers: a resident of 和平社区 places an order on the phone, the
 * community office reviews and dispatches it to the community's team at the desk, the team leader
 * finds it from the workbench, accepts it (which publishes the service activity), runs and finishes
 * the service, and the resident rates it on the phone. Also: the charts of hours and of the
 * leaderboards are drawn, and the leaderboard of orgs has the headers of orgs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class ServiceOrderJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Times times;

	@Test
	void aResidentOrdersOnThePhoneTheOfficeDispatchesTheTeamServesAndTheResidentRates() {
		DemoCity.ensure(context);
		String need = "楼道灯不亮了，请帮忙检修 " + UUID.randomUUID().toString().substring(0, 6);
		LocalDate day = LocalDate.now(times.zone()).plusDays(2);
		long id;

		try (Browser phone = new Browser(port, Browser.Size.PHONE)) {
			phone.logIn("resident", DemoCity.PASSWORD);
			phone.open("/m/orders");
			new Select(phone.find(By.id("categoryId"))).selectByVisibleText("家电维修");
			typeDateTime(phone.find(By.id("desiredFrom")), day, 9, 0);
			typeDateTime(phone.find(By.id("desiredTo")), day, 11, 30);
			phone.find(By.id("description")).sendKeys(need);
			phone.find(By.id("phone")).sendKeys("13912345678");
			phone.find(By.id("address")).sendKeys("和平社区幸福路 8 号");
			phone.screenshot("order-1-resident-form");
			tap(phone, By.cssSelector("#order-form button"));
			phone.waitForText(By.tagName("h1"), "待审核");
			phone.screenshot("order-2-resident-placed");
			String url = phone.driver.getCurrentUrl();
			id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
			assertThat(phone.pageText()).contains(need, "139****5678").doesNotContain("13912345678");
		}

		try (Browser office = new Browser(port)) {
			office.logIn("unit", DemoCity.PASSWORD);
			office.open("/service-orders");
			tap(office, By.cssSelector("a[href$='/service-orders/" + id + "']"));
			office.waitForText(By.tagName("body"), need);
			office.screenshot("order-3-office-review");
			tap(office, By.cssSelector("button[name=decision][value=approve]"));
			WebElement target = office.find(By.id("dispatch-target"));
			new Select(target).selectByVisibleText("和平社区学雷锋志愿服务队（和平社区）");
			office.screenshot("order-4-office-dispatch");
			tap(office, By.cssSelector("form[action$='/dispatch'] button"));
			office.waitForText(By.tagName("body"), "已派单");
			office.screenshot("order-5-office-dispatched");
		}

		try (Browser leader = new Browser(port)) {
			leader.logIn("leader", DemoCity.PASSWORD);
			leader.open("/");
			tap(leader, By.cssSelector("a[href$='/service-orders/team']"));
			By card = By.id("team-order-" + id);
			leader.waitForText(card, need);
			leader.screenshot("order-6-team-queue");
			tap(leader, By.cssSelector("#team-order-" + id + " form[action$='/accept'] button"));
			leader.waitForText(By.tagName("body"), "已接单");
			tap(leader, By.cssSelector("#team-order-" + id + " form[action$='/start'] button"));
			leader.find(By.cssSelector("#team-order-" + id + " form[action$='/finish'] textarea"))
				.sendKeys("已更换楼道灯泡，灯已亮。");
			leader.screenshot("order-7-team-in-service");
			tap(leader, By.cssSelector("#team-order-" + id + " form[action$='/finish'] button"));
			leader.waitForText(card, "待评价");
			leader.screenshot("order-8-team-finished");
		}

		try (Browser phone = new Browser(port, Browser.Size.PHONE)) {
			phone.logIn("resident", DemoCity.PASSWORD);
			phone.open("/m/orders");
			tap(phone, By.cssSelector("#my-orders a[href$='/m/orders/" + id + "']"));
			new Select(phone.find(By.id("rating"))).selectByValue("5");
			phone.find(By.id("comment")).sendKeys("修得又快又好，谢谢！");
			phone.screenshot("order-9-resident-rates");
			tap(phone, By.cssSelector("#rate-form button"));
			phone.waitForText(By.tagName("h1"), "已完成");
			phone.screenshot("order-10-resident-rated");
			assertThat(phone.pageText()).contains("已更换楼道灯泡");
		}
	}

	@Test
	void theHoursAndTheLeaderboardsAreDrawnAndTheBoardOfOrgsNamesOrgs() {
		DemoCity.ensure(context);
		try (Browser phone = new Browser(port, Browser.Size.PHONE)) {
			phone.logIn("volunteer", DemoCity.PASSWORD);
			phone.open("/m/hours");
			phone.find(By.cssSelector("#hours-by-month .wm-chart-canvas svg"));
			phone.find(By.cssSelector("#hours-by-year .wm-chart-canvas svg"));
			phone.screenshot("charts-1-my-hours");
		}
		try (Browser desk = new Browser(port)) {
			desk.logIn("admin", DemoCity.PASSWORD);
			desk.open("/leaderboards");
			desk.find(By.cssSelector("#leaderboard-chart .wm-chart-canvas svg"));
			desk.find(By.cssSelector("#org-trend-chart .wm-chart-canvas svg"));
			assertThat(desk.find(By.cssSelector("#leaderboard tbody tr:first-child .wm-rank-1")).getText()).isEqualTo("1");
			desk.screenshot("charts-2-leaderboard-people");

			new Select(desk.find(By.name("by"))).selectByValue("ORG");
			desk.click(By.cssSelector("#leaderboard-filter button"));
			desk.waitForText(By.cssSelector("#leaderboard thead"), "参与人数");
			List<String> headers = desk.driver.findElements(By.cssSelector("#leaderboard thead th"))
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(headers).containsExactly("名次", "组织", "服务时长（小时）", "参与人数");
			List<Long> people = desk.driver.findElements(By.cssSelector("#leaderboard tbody tr td:last-child"))
				.stream()
				.map(cell -> Long.parseLong(cell.getText().trim()))
				.toList();
			assertThat(people).as("people serving in each org").anyMatch(n -> n > 1);
			desk.find(By.cssSelector("#leaderboard-chart .wm-chart-canvas svg"));
			desk.screenshot("charts-3-leaderboard-orgs");
		}
	}

	/** Scrolls the element to the middle of the window, as a thumb does, and taps it. */
	private static void tap(Browser browser, By by) {
		WebElement element = browser.find(by);
		((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
		browser.click(by);
	}

	/**
	 * Types a date and a time into a datetime-local field segment by segment, as a person does; the
	 * headless browser shows it the American way (月/日/年, 时:分 AM/PM).
	 */
	private static void typeDateTime(WebElement field, LocalDate day, int hour, int minute) {
		int twelve = hour % 12 == 0 ? 12 : hour % 12;
		field.sendKeys(String.format("%02d%02d%d", day.getMonthValue(), day.getDayOfMonth(), day.getYear()),
				Keys.ARROW_RIGHT, String.format("%02d%02d", twelve, minute), hour < 12 ? "A" : "P");
		assertThat(field.getAttribute("value")).isEqualTo(day.atTime(hour, minute).toString());
	}

}
