package org.wenming.browser;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.plan.MutableClock;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volunteering from the phone, in real browsers: the team leader creates an activity through the
 * form and opens its check-in screen; a volunteer signs up on the phone, opens the link of the QR
 * code in a browser that is not signed in, signs in, and checks in with one tap; later checks out
 * with the six-digit code typed on the phone; the leader confirms the hours; the volunteer sees them
 * and a notification. And where there is no scanner: a photo of the QR code checks in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("demo")
@Import(MutableClock.Config.class)
class VolunteeringJourneyBrowserTests {

	static final String PASSWORD = "Journey@2026v";

	private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	Browser leader;

	Browser phone;

	@AfterEach
	void stop() {
		clock.reset();
		try {
			if (phone != null) {
				phone.close();
			}
		}
		finally {
			if (leader != null) {
				leader.close();
			}
		}
	}

	@Test
	void leaderCreatesAnActivityVolunteerChecksInByTheQrLinkAndOutByTheCodeAndSeesTheConfirmedHours() {
		DemoCity demo = DemoCity.ensure(context);
		Http api = Http.api(port).from(Http.newClientAddress());
		String admin = api.token("admin", DemoCity.PASSWORD);
		long heping = demo.org("和平社区");
		String volunteer = DemoCity.newAccount(api, admin, heping, "b_vol_", PASSWORD, "VOLUNTEER", heping);
		String title = DemoCity.unique("旅程清洁家园");
		// Time stands still while the browsers work (a slow machine must not let a 30-second code
		// expire between showing and scanning), and moves when the journey says so.
		LocalDateTime now = LocalDateTime.now(MutableClock.ZONE).truncatedTo(ChronoUnit.MINUTES);
		clock.set(now);
		LocalDateTime start = now.plusMinutes(12);
		LocalDateTime end = start.plusHours(2);

		// The leader creates the activity through the form, published at once.
		leader = new Browser(port);
		leader.logIn("leader", DemoCity.PASSWORD);
		leader.open("/activities/new");
		leader.find(By.id("title")).sendKeys(title);
		leader.find(By.id("place")).sendKeys("和平社区文化广场");
		typeTime(leader, "startsAt", start);
		typeTime(leader, "endsAt", end);
		scrollTo(leader, By.id("publish"));
		leader.click(By.id("publish"));
		leader.screenshot("volunteering-01-new-activity");
		leader.click(By.cssSelector("form button[type=submit].btn-wenming"));
		leader.waitForText(By.tagName("h1"), title);
		String activityPage = leader.driver.getCurrentUrl();
		long activity = Long.parseLong(activityPage.replaceAll(".*/activities/(\\d+).*", "$1"));
		assertThat(leader.pageText()).contains(start.toLocalDate() + " " + start.toLocalTime());

		// A volunteer signs up on the phone.
		phone = new Browser(port, Browser.Size.PHONE);
		phone.logIn(volunteer, PASSWORD);
		phone.open("/m/activities/" + activity);
		phone.click(By.id("sign-up"));
		phone.find(By.id("my-status"));
		phone.screenshot("volunteering-02-signed-up");
		phone.close();
		phone = null;

		// The leader opens the check-in screen from the activity's page.
		leader.click(By.id("checkin-screen-link"));
		leader.waitForText(By.id("checkin-title"), title);
		assertThat(leader.pageText()).contains("和平社区文化广场", start.toLocalTime().toString());
		assertThat(leader.find(By.id("checkin-count")).getText()).isEqualTo("0");
		leader.click(By.id("checkin-fullscreen"));
		leader.screenshot("volunteering-03-checkin-projector");
		leader.click(By.id("checkin-fullscreen"));
		String link = leader.find(By.id("checkin-qr")).getAttribute("data-url");
		assertThat(link).startsWith(leader.base() + "/m/checkin?t=" + activity + ".");

		// The volunteer's phone opens the link of the QR code, not signed in: sign in, back, one tap.
		phone = new Browser(port, Browser.Size.PHONE);
		phone.driver.get(link);
		phone.find(By.id("username")).sendKeys(volunteer);
		phone.find(By.id("password")).sendKeys(PASSWORD);
		phone.click(By.id("login-submit"));
		phone.waitForText(By.tagName("h1"), title);
		phone.screenshot("volunteering-04-checkin-confirm");
		assertThat(phone.find(By.id("checkin-submit")).getText()).isEqualTo("签到");
		phone.click(By.id("checkin-submit"));
		phone.waitForText(By.tagName("body"), "签到成功");
		phone.screenshot("volunteering-05-checked-in");
		assertThat(phone.driver.findElements(By.id("checkin-submit"))).isEmpty();
		leader.waitForText(By.id("checkin-count"), "1");

		// Later, the volunteer checks out with the code the screen shows, typed on the phone.
		clock.set(start.plusMinutes(30));
		leader.driver.navigate().refresh();
		String code = leader.find(By.id("checkin-code")).getText();
		assertThat(code).matches("\\d{6}");
		phone.open("/m/scan");
		WebElement typed = phone.find(By.id("scan-code"));
		typed.sendKeys("000000".equals(code) ? "000001" : "000000");
		phone.click(By.id("scan-submit"));
		phone.find(By.id("code-error"));
		phone.screenshot("volunteering-06-wrong-code");
		typed = phone.find(By.id("scan-code"));
		typed.clear();
		typed.sendKeys(code);
		phone.click(By.id("scan-submit"));
		phone.waitForText(By.tagName("body"), "签退成功");
		assertThat(phone.pageText()).contains("按活动时间计 0.5 小时");
		phone.screenshot("volunteering-07-checked-out");

		// The leader confirms the hours.
		leader.open("/hours");
		By confirm = By.xpath("//tr[td/a[normalize-space()='" + title + "']]//button[@type='submit']");
		scrollTo(leader, confirm);
		leader.screenshot("volunteering-08-confirm-hours");
		leader.click(confirm);
		leader.waitForText(By.tagName("body"), "已确认 1 条");

		// The volunteer sees the hours and a notification.
		phone.open("/m/hours");
		phone.waitForText(By.tagName("body"), title);
		assertThat(phone.pageText()).contains("0.5");
		phone.screenshot("volunteering-09-my-hours");
		phone.open("/notifications");
		phone.waitForText(By.tagName("body"), "志愿服务时长已确认：" + title);
		phone.screenshot("volunteering-10-notification");
	}

	@Test
	void aPhotoOfTheQrCodeChecksInAndAPhotoWithoutOneSaysSoOnThePage(@TempDir Path dir) throws Exception {
		DemoCity demo = DemoCity.ensure(context);
		Http api = Http.api(port).from(Http.newClientAddress());
		String admin = api.token("admin", DemoCity.PASSWORD);
		long heping = demo.org("和平社区");
		String volunteer = DemoCity.newAccount(api, admin, heping, "b_photo_", PASSWORD, "VOLUNTEER", heping);
		String title = DemoCity.unique("拍照签到");
		clock.set(LocalDateTime.now(MutableClock.ZONE));
		OffsetDateTime start = OffsetDateTime.now(clock).plusMinutes(10);
		String leaderToken = api.token("leader", DemoCity.PASSWORD);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("title", title);
		body.put("type", "VOLUNTEER_SERVICE");
		body.put("organizerOrgId", heping);
		body.put("place", "和平社区活动室");
		body.put("startsAt", start.toString());
		body.put("endsAt", start.plusHours(2).toString());
		body.put("capacity", 20);
		body.put("audience", "ANYONE");
		body.put("hoursRule", "ACTUAL");
		body.put("publish", true);
		Http.Response created = api.post("/api/v1/activities", leaderToken, Http.json(body));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		long activity = created.json().get("id").asLong();
		String link = api.get("/api/v1/activities/" + activity + "/checkin-token", leaderToken).json().get("url").asString();

		Path blank = dir.resolve("blank.png");
		ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png", blank.toFile());
		Path photo = dir.resolve("qr.png");
		BitMatrix matrix = new QRCodeWriter().encode(link, BarcodeFormat.QR_CODE, 600, 600, Map.of(EncodeHintType.MARGIN, 4));
		BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_INT_RGB);
		for (int y = 0; y < matrix.getHeight(); y++) {
			for (int x = 0; x < matrix.getWidth(); x++) {
				image.setRGB(x, y, matrix.get(x, y) ? 0x000000 : 0xFFFFFF);
			}
		}
		ImageIO.write(image, "png", photo.toFile());
		assertThat(Files.size(photo)).isPositive();

		phone = new Browser(port, Browser.Size.PHONE);
		phone.logIn(volunteer, PASSWORD);
		phone.open("/m/scan");
		phone.find(By.id("scan-photo")).sendKeys(blank.toAbsolutePath().toString());
		phone.waitForText(By.id("photo-error"), "没有找到二维码");
		phone.screenshot("photo-01-no-code");
		phone.find(By.id("scan-photo")).sendKeys(photo.toAbsolutePath().toString());
		phone.waitForText(By.tagName("body"), "签到成功");
		assertThat(phone.pageText()).contains(title, "和平社区活动室");
		phone.screenshot("photo-02-checked-in");
	}

	/** Scrolls the element to the middle of the window, as a person does before clicking it. */
	private static void scrollTo(Browser browser, By by) {
		((org.openqa.selenium.JavascriptExecutor) browser.driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.find(by));
	}

	/**
	 * Types a date and time into a datetime-local field the way a person does, part by part in the
	 * order the browser shows them (headless Chromium shows month/day/year and a 12-hour clock; a
	 * browser in Chinese, year first and 24 hours), and checks what the field then holds.
	 */
	private static void typeTime(Browser browser, String id, LocalDateTime time) {
		WebElement field = browser.find(By.id(id));
		String month = "%02d".formatted(time.getMonthValue());
		String day = "%02d".formatted(time.getDayOfMonth());
		String year = String.valueOf(time.getYear());
		int hour12 = time.getHour() % 12 == 0 ? 12 : time.getHour() % 12;
		field.sendKeys(month + day + year, Keys.ARROW_RIGHT, "%02d".formatted(hour12) + "%02d".formatted(time.getMinute())
				+ (time.getHour() < 12 ? "A" : "P"));
		if (!time.format(MINUTE).equals(field.getDomProperty("value"))) {
			field.clear();
			field.sendKeys(year, Keys.ARROW_RIGHT, month + day + "%02d".formatted(time.getHour())
					+ "%02d".formatted(time.getMinute()));
		}
		new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(5))
			.until(ExpectedConditions.domPropertyToBe(field, "value", time.format(MINUTE)));
	}

}
