package org.wenming.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.wenming.DemoCity;
import org.wenming.Http;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan journey in a real browser at office size: the city admin uploads a document of seven
 * plans, fixes a level and a metric in the preview, renames one, leaves a section out, saves all
 * seven at once, publishes one (confirming), and gives one of its sections a task for a community;
 * that community's admin finds the task among its assignments and a notification about it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
class PlanJourneyBrowserTests {

	static final String PASSWORD = "Journey@2026p";

	static final Path SEED = Path.of("src/test/resources/seed/plans.txt");

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
	void adminImportsSevenPlansPublishesOneAndTheUnitSeesItsNewTask() throws Exception {
		DemoCity demo = DemoCity.ensure(context);
		Http api = Http.api(port).from(Http.newClientAddress());
		String adminToken = api.token("admin", DemoCity.PASSWORD);
		String community = DemoCity.unique("计划社区");
		Http.Response created = api.post("/api/v1/orgs", adminToken, Http.json(java.util.Map.of("parentId",
				demo.org("东风街道"), "name", community, "type", "COMMUNITY")));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long communityId = created.json().get("id").asLong();
		String unit = DemoCity.newAccount(api, adminToken, communityId, "p_unit_", PASSWORD, "UNIT_ADMIN", communityId);
		String seed = Files.readString(SEED, StandardCharsets.UTF_8);
		String title = DemoCity.unique("社区精神文明建设计划");

		// Upload the document: seven drafts, the text shown, the plan text (not page markup) carried along.
		browser.logIn("admin", DemoCity.PASSWORD);
		browser.open("/plans/import");
		chooseByText(By.id("i-org"), community);
		browser.find(By.id("i-file")).sendKeys(SEED.toAbsolutePath().toString());
		browser.click(By.xpath("//form[@id='import-form']//button[@type='submit']"));
		browser.find(By.id("drafts-form"));
		List<WebElement> drafts = browser.driver.findElements(By.cssSelector(".plan-draft"));
		assertThat(drafts).hasSize(7);
		assertThat(browser.find(By.id("i-text")).getDomProperty("value")).contains("市精神文明工作计划篇1");
		String carried = browser.driver.findElement(By.id("draft-content")).getDomProperty("value");
		assertThat(carried).doesNotContain("<section").doesNotContain("breadcrumb").contains("市精神文明工作计划篇7");
		assertThat(normalized(carried)).isEqualTo(normalized(seed));
		assertThat(browser.pageText()).doesNotContain("null").doesNotContain("待接入）待接入");
		browser.screenshot("plan-01-preview");

		// The first plan: a new title, its second heading one level down, a metric for a target, a heading left out.
		WebElement first = drafts.get(0);
		WebElement titleInput = first.findElement(By.cssSelector("input.draft-title"));
		titleInput.clear();
		titleInput.sendKeys(title);
		new Select(first.findElement(By.xpath(
				".//tr[contains(@class,'draft-section')][td[2][normalize-space()='大力推进居民群众思想道德建设']]//select")))
			.selectByVisibleText("2");
		List<WebElement> sectionRows = first.findElements(By.cssSelector("tr.draft-section"));
		WebElement lastRow = sectionRows.get(sectionRows.size() - 1);
		String droppedHeading = lastRow.findElement(By.xpath("./td[2]")).getText();
		lastRow.findElement(By.cssSelector("input.draft-drop")).click();
		WebElement metricRow = browser.driver.findElement(By.cssSelector("tr.draft-target"));
		String targetText = metricRow.findElement(By.xpath("./td[1]")).getText();
		WebElement metricDraft = metricRow.findElement(By.xpath("./ancestor::div[contains(@class,'plan-draft')]"));
		String metricPlanTitle = metricDraft.findElement(By.cssSelector("input.draft-title")).getDomProperty("value");
		new Select(metricRow.findElement(By.cssSelector("select.draft-metric")))
			.selectByVisibleText("志愿服务时长（本组织及下级组织记录的服务时长）");
		browser.screenshot("plan-02-preview-fixed");

		// Save all seven in one go.
		press(By.id("save-all"));
		browser.waitForText(By.tagName("main"), "已导入 7 篇计划");
		String list = browser.find(By.id("plans-results")).getText();
		assertThat(list).contains(title, "市精神文明工作计划篇2", "市精神文明工作计划篇7");
		browser.screenshot("plan-03-saved-all");

		// The metric chosen is bound to its target.
		browser.click(By.linkText(metricPlanTitle.equals("市精神文明工作计划篇1") ? title : metricPlanTitle));
		browser.waitForText(By.id("outline"), targetText.isEmpty() ? "" : targetText.substring(0, 2));
		assertThat(browser.pageText()).contains("志愿服务时长（本组织及下级组织记录的服务时长）");
		browser.open("/plans?orgId=" + communityId);

		// The renamed plan: the fixed level nests, the dropped heading is gone; publish it, confirming.
		press(By.linkText(title));
		browser.waitForText(By.id("plan-title"), title);
		WebElement nested = browser.find(By.xpath(
				"//li[contains(@class,'level-2')][.//span[normalize-space()='二、大力推进居民群众思想道德建设']]"));
		assertThat(nested.isDisplayed()).isTrue();
		assertThat(browser.find(By.id("outline")).getText()).doesNotContain(droppedHeading);
		press(By.id("publish"));
		browser.confirm();
		browser.waitForText(By.tagName("main"), "计划已发布");
		browser.screenshot("plan-04-published");

		// A task for the new community, chosen by its name.
		String task = DemoCity.unique("开展道德讲堂");
		press(By.cssSelector("a.add-task"));
		browser.find(By.id("title")).sendKeys(task);
		chooseByText(By.id("ownerOrgId"), community);
		new Select(browser.find(By.id("recurrence"))).selectByVisibleText("每月");
		browser.screenshot("plan-05-task-form");
		press(By.id("task-submit"));
		browser.waitForText(By.tagName("h1"), task);
		String facts = browser.find(By.id("task-facts")).getText();
		assertThat(facts).contains(community).doesNotContainPattern("配合单位\\s*\\d+");
		browser.screenshot("plan-06-task");

		// The community's admin sees the task and is told of it.
		browser.driver.manage().deleteAllCookies();
		browser.logIn(unit, PASSWORD);
		browser.open("/assignments");
		browser.waitForText(By.id("assigned-tasks"), task);
		assertThat(browser.find(By.id("assigned-tasks")).getText()).contains(community);
		browser.screenshot("plan-07-assignments");
		browser.open("/notifications");
		browser.waitForText(By.tagName("main"), "新任务：" + task);
		browser.screenshot("plan-08-notification");
	}

	/** Brings a button to the middle of the window, as a person scrolls to it, and presses it. */
	private void press(By by) {
		WebElement button = browser.find(by);
		((org.openqa.selenium.JavascriptExecutor) browser.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
		browser.click(by);
	}

	/** Picks the option that reads {@code text} (tree indentation aside), as a person finds it by eye. */
	private void chooseByText(By select, String text) {
		Select picker = new Select(browser.find(select));
		for (WebElement option : picker.getOptions()) {
			if (option.getText().replace('\u3000', ' ').strip().equals(text)) {
				picker.selectByValue(option.getDomAttribute("value"));
				return;
			}
		}
		throw new AssertionError("no option " + text + " in " + select);
	}

	private static String normalized(String text) {
		return text.replace("\r\n", "\n").strip();
	}

}
