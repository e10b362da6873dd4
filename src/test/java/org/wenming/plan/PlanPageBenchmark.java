package org.wenming.plan;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.wenming.DemoCity;
import org.wenming.Http;
import org.wenming.WenmingApplication;
import org.wenming.directory.DataScopes;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Render time of one plan with 500 tasks: starts the app with the demo city in a temporary data dir,
 * imports a plan of 20 sections with 25 tasks each for 和平社区, and GETs it 200 times after a
 * warm-up, signed in as the demo {@code admin}. The page {@code /plans/{id}} is measured when it
 * exists ({@code plan_page_p95_ms}); otherwise the plan view JSON {@code /api/v1/plans/{id}}
 * ({@code plan_view_api_p95_ms}). Run by {@code bench/outline.sh}.
 */
public final class PlanPageBenchmark {

	private static final int SECTIONS = 20;

	private static final int TASKS = 500;

	private static final String[] NUMERALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
			"十四", "十五", "十六", "十七", "十八", "十九", "二十" };

	private static final int WARM_UP = 100;

	private static final int RUNS = 200;

	private PlanPageBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Path dataDir = Files.createTempDirectory("wenming-bench-");
		try {
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WenmingApplication.class).run(
					"--wenming.ephemeral-database=false", "--wenming.data-dir=" + dataDir, "--server.port=0",
					"--spring.profiles.active=demo", "--spring.main.banner-mode=off", "--logging.level.root=WARN")) {
				measure(app);
			}
		}
		finally {
			delete(dataDir);
		}
		System.exit(0);
	}

	private static void measure(ConfigurableApplicationContext app) {
		DemoCity city = DemoCity.ensure(app);
		long org = city.org("和平社区");
		long planId = DataScopes.asSystem(() -> plan(app, org));
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

		Http browser = Http.browser(port).from(Http.newClientAddress());
		Http.Response login = browser.login("admin", DemoCity.PASSWORD);
		String signedIn = login.status() + " " + login.header("Location");
		Http.Response page = browser.get("/plans/" + planId, null);
		boolean pageExists = page.status() == 200 && page.contentType() != null
				&& page.contentType().startsWith("text/html");
		String label;
		Http http;
		String token;
		String path;
		if (pageExists) {
			label = "plan_page_p95_ms";
			http = browser;
			token = null;
			path = "/plans/" + planId;
		}
		else {
			label = "plan_view_api_p95_ms";
			http = Http.api(port).from(Http.newClientAddress());
			token = http.token("admin", DemoCity.PASSWORD);
			path = "/api/v1/plans/" + planId;
		}
		int bytes = 0;
		for (int i = 0; i < WARM_UP; i++) {
			bytes = check(http.get(path, token)).body().length();
		}
		double[] millis = new double[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			check(http.get(path, token));
			millis[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(millis);
		double p95 = millis[(int) Math.ceil(RUNS * 0.95) - 1];
		String prefix = label.substring(0, label.length() - "_p95_ms".length());
		System.out.printf(Locale.ROOT, "%s=%.1f %s_p50_ms=%.1f %s_max_ms=%.1f %s_chars=%d plan_sections=%d plan_tasks=%d%n",
				label, p95, prefix, millis[RUNS / 2], prefix, millis[RUNS - 1], prefix, bytes, SECTIONS, TASKS);
		if (!pageExists) {
			System.out.println("plan_page_p95_ms=n/a (no page /plans/{id}: GET answered " + page.status() + ", login answered "
					+ signedIn + ")");
		}
	}

	private static Http.Response check(Http.Response response) {
		if (response.status() != 200) {
			throw new IllegalStateException("unexpected answer: " + response.status() + " " + response.path());
		}
		return response;
	}

	/** A published plan of 20 sections (the importer reads them), 25 tasks on each. */
	private static long plan(ConfigurableApplicationContext app, long org) {
		PlanManagement plans = app.getBean(PlanManagement.class);
		Tasks tasks = app.getBean(Tasks.class);
		LocalDate today = LocalDate.now(app.getBean(Clock.class));
		StringBuilder text = new StringBuilder("和平社区精神文明建设基准计划\n\n");
		for (int s = 1; s <= SECTIONS; s++) {
			text.append(NUMERALS[s - 1]).append("、第").append(s).append("项重点工作\n\n")
				.append("围绕社区精神文明建设，扎实开展第").append(s).append("项工作，确保取得实效。\n\n");
		}
		ParsedPlan parsed = PlanOutlines.parse(text.toString()).plans().get(0);
		PlanSummary plan = plans.createFromOutline(org, today.getYear(), parsed);
		plans.publish(plan.id());
		List<PlanView.SectionNode> sections = new ArrayList<>(plans.view(plan.id()).sections());
		if (sections.size() != SECTIONS) {
			throw new IllegalStateException("expected " + SECTIONS + " sections, got " + sections.size());
		}
		Priority[] priorities = Priority.values();
		for (int t = 0; t < TASKS; t++) {
			PlanView.SectionNode section = sections.get(t % SECTIONS);
			tasks.create(new TaskCommand(section.id(), "基准任务" + (t + 1) + "：开展文明实践活动", "每月至少一次，留存活动台账。", org,
					List.of(), "王主任", today.plusDays(1 + t % 300), null, priorities[t % priorities.length],
					BigDecimal.ONE));
		}
		return plan.id();
	}

	private static void delete(Path dir) throws IOException {
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

}
