package org.wenming.browser;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.wenming.DemoCity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The team leader of 和平社区 types 09:01 into the activity form in Chromium and finds 09:01 on the
 * activity's page, in the list and back in the edit form: Beijing time, with the JVM in UTC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class TimeBrowserTests {

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
	void aLeaderTypesNineOhOneAndSeesNineOhOne() {
		DemoCity.ensure(context);
		LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(5);
		String title = DemoCity.unique("九点零一分的志愿服务");

		browser.logIn("leader", DemoCity.PASSWORD);
		browser.open("/activities/new");
		browser.find(By.id("title")).sendKeys(title);
		browser.find(By.id("place")).sendKeys("和平社区文化广场");
		type(browser.find(By.id("startsAt")), day, "09", "01", "AM");
		type(browser.find(By.id("endsAt")), day, "11", "01", "AM");
		browser.screenshot("time-activity-form-typed");
		WebElement publish = browser.find(By.id("publish"));
		((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", publish);
		browser.click(By.cssSelector("label[for='publish']"));
		WebElement save = browser.find(By.xpath("//main//form//button[@type='submit']"));
		((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", save);
		save.click();

		browser.waitForText(By.tagName("h1"), title);
		browser.screenshot("time-activity-detail");
		assertThat(browser.pageText()).contains(day + " 09:01", day + " 11:01").doesNotContain(day + " 01:01");

		browser.open("/activities?q=" + title);
		browser.waitForText(By.tagName("main"), title);
		assertThat(browser.pageText()).contains(day + " 09:01").doesNotContain(day + " 01:01");
	}

	/**
	 * Types a date and time into a {@code datetime-local} field the way the browser's locale lays it
	 * out: month/day/year and a 12-hour clock (en-US), or year/month/day and a 24-hour clock.
	 */
	private void type(WebElement field, LocalDate day, String hour, String minute, String half) {
		field.click();
		field.sendKeys(day.format(DateTimeFormatter.ofPattern("MMddyyyy")), Keys.TAB, hour + minute + half);
		String expected = day + "T" + hour + ":" + minute;
		if (!expected.equals(field.getDomProperty("value"))) {
			((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = ''", field);
			field.click();
			field.sendKeys(day.format(DateTimeFormatter.ofPattern("yyyyMMdd")), Keys.TAB, hour + minute);
		}
		assertThat(field.getDomProperty("value")).isEqualTo(expected);
	}

}
