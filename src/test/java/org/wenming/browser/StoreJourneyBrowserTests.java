package org.wenming.browser;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.wenming.DemoCity;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The points store in a real browser: a volunteer on the phone redeems an item and gets a pickup
 * code, and the store's staff at a desk hand the item over by that code. And the audit log, which
 * then names what happened in words, in Chinese and in English.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class StoreJourneyBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void demoCity() {
		DemoCity.ensure(context);
	}

	@Test
	void volunteerRedeemsOnThePhoneAndStaffHandTheItemOverByItsCode() {
		String code;
		String item;
		Browser phone = new Browser(port, Browser.Size.PHONE);
		try {
			phone.logIn("volunteer", DemoCity.PASSWORD);
			phone.open("/m/store");
			phone.screenshot("store-01-phone-items");
			int balance = Integer.parseInt(phone.find(By.id("balance")).getText().replace(",", ""));
			WebElement redeem = phone.find(By.cssSelector("#store-items a.btn-wenming"));
			((JavascriptExecutor) phone.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", redeem);
			redeem.click();
			phone.waitForText(By.tagName("h1"), "确认兑换");
			item = phone.find(By.cssSelector("section .card .fs-4")).getText();
			phone.screenshot("store-02-phone-confirm");
			phone.click(By.cssSelector("section form button[type=submit]"));
			phone.waitForText(By.id("redeemed"), item);
			code = phone.find(By.cssSelector("#redeemed .pickup-code")).getText().strip();
			assertThat(code).matches("[A-Z0-9]{8}");
			assertThat(Integer.parseInt(phone.find(By.id("balance")).getText().replace(",", ""))).isLessThan(balance);
			assertThat(phone.find(By.id("my-orders")).getText()).contains(item, code, "待领取");
			phone.screenshot("store-03-phone-code");
		}
		finally {
			phone.close();
		}

		Browser desk = new Browser(port);
		try {
			desk.logIn("admin", DemoCity.PASSWORD);
			desk.open("/store/redemptions");
			assertThat(desk.find(By.id("store-orders")).getText()).contains(code);
			desk.find(By.id("collect-code")).sendKeys(code.toLowerCase());
			desk.screenshot("store-04-desk-code");
			desk.click(By.cssSelector("form[action$='/store/redemptions/collect'] button[type=submit]"));
			desk.waitForText(By.tagName("body"), item);
			WebElement row = desk.find(By.xpath("//table[@id='store-orders']//tr[.//code[text()='" + code + "']]"));
			assertThat(row.getText()).contains(item, "已领取");
			desk.screenshot("store-05-desk-collected");

			// The audit log says what happened in words, in Chinese and in English.
			desk.open("/audit");
			new Select(desk.find(By.id("f-entity"))).selectByValue("store_redemption");
			desk.waitForText(By.id("audit-results"), "领取兑换品");
			String chinese = desk.find(By.id("audit-results")).getText();
			assertThat(chinese).contains("积分兑换", "领取兑换品").doesNotContain("STORE_COLLECT", "store_redemption");
			desk.screenshot("store-06-audit-zh");
			desk.open("/audit?entityType=store_redemption&lang=en");
			String english = desk.find(By.id("audit-results")).getText();
			assertThat(english).contains("Points redemption", "Hand over redeemed item")
				.doesNotContain("STORE_COLLECT", "store_redemption");
			List<String> options = new Select(desk.find(By.id("f-entity"))).getOptions()
				.stream()
				.map(WebElement::getText)
				.toList();
			assertThat(options).contains("Activity", "Plan task", "Service order", "Store item", "Organization");
			desk.screenshot("store-07-audit-en");
			desk.open("/audit?lang=zh");
		}
		finally {
			desk.close();
		}
	}

}
