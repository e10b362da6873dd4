package org.wenming.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Debian's chromedriver; no browser download, no network.
 * <p>
 * Every page the journey comes to is checked with axe-core; {@link #close()} fails the test when any
 * of them has a serious or critical accessibility violation. Screenshots go to
 * {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

	/** The window sizes people use: an office screen and a phone. */
	enum Size {

		DESKTOP(1366, 900), PHONE(390, 844);

		final int width;

		final int height;

		Size(int width, int height) {
			this.width = width;
			this.height = height;
		}

	}

	private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");

	final WebDriver driver;

	private final String base;

	private final WebDriverWait wait;

	private final Set<String> checkedPages = new LinkedHashSet<>();

	private final List<String> violations = new ArrayList<>();

	Browser(int port) {
		this(port, Size.DESKTOP);
	}

	Browser(int port, Size size) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
				"--disable-sync", "--force-prefers-reduced-motion", "--window-size=" + size.width + "," + size.height, "--lang=zh-CN");
		if (size == Size.PHONE) {
			options.addArguments("--user-agent=Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
					+ "(KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36 MicroMessenger/8.0.49");
		}
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
		this.base = "http://localhost:" + port;
		this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
	}

	void open(String path) {
		driver.get(base + path);
		checkAccessibility();
	}

	/** Waits for a visible element; the page it is on is checked for accessibility first. */
	WebElement find(By by) {
		WebElement element = wait.until(ExpectedConditions.visibilityOfElementLocated(by));
		checkAccessibility();
		return element;
	}

	/** Clicks and lets the page that follows be checked. */
	void click(By by) {
		wait.until(ExpectedConditions.elementToBeClickable(by)).click();
	}

	/** Accepts the browser's confirmation dialog that the last click opened. */
	void confirm() {
		wait.until(ExpectedConditions.alertIsPresent()).accept();
	}

	/** The start of the site's address, for reading links the page hands out. */
	String base() {
		return base;
	}

	/**
	 * Runs axe-core on the current page once per distinct path (the query string ignored) and keeps
	 * every serious or critical violation for {@link #close()}.
	 */
	void checkAccessibility() {
		String url = driver.getCurrentUrl();
		if (url == null || !url.startsWith(base)) {
			return;
		}
		String page = url.substring(base.length()).replaceAll("[?#].*$", "").replaceAll("/\\d+(?=/|$)", "/{id}");
		if (!checkedPages.add(page)) {
			return;
		}
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(driver);
		for (Rule rule : results.getViolations()) {
			if (rule.getImpact() != null && BLOCKING_IMPACTS.contains(rule.getImpact())) {
				violations.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " — "
						+ rule.getNodes().stream().limit(3).map(node -> String.valueOf(node.getTarget())).toList());
			}
		}
	}

	/** The pages checked so far, for journeys that want to show their coverage. */
	Set<String> checkedPages() {
		return checkedPages;
	}

	void waitForText(By by, String text) {
		wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
	}

	void logIn(String username, String password) {
		open("/login");
		find(By.id("username")).sendKeys(username);
		find(By.id("password")).sendKeys(password);
		find(By.id("login-submit")).click();
		wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
	}

	/** Keeps a picture of the current page under target/screenshots for whoever reviews the run. */
	void screenshot(String name) {
		checkAccessibility();
		try {
			Path dir = Path.of("target", "screenshots");
			Files.createDirectories(dir);
			Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + ".png"),
					StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs a script in the page and answers its result. */
	Object js(String script, Object... args) {
		return ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(script, args);
	}

	/** Waits until the condition holds on the current page. */
	void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
		wait.until(condition::apply);
	}

	String pageText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	@Override
	public void close() {
		driver.quit();
		if (!violations.isEmpty()) {
			throw new AssertionError("accessibility violations (axe-core, serious or critical):\n  "
					+ String.join("\n  ", violations));
		}
	}

}
