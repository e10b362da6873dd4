package org.wenming.plan.web;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.TestIdNumbers;
import org.wenming.directory.Accounts;
import org.wenming.directory.DataScopes;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.OrgType;
import org.wenming.directory.People;
import org.wenming.directory.PersonCommand;
import org.wenming.directory.Role;
import org.wenming.plan.OutlineResult;
import org.wenming.plan.PlanDocuments;
import org.wenming.plan.PlanManagement;
import org.wenming.plan.PlanPreview;
import org.wenming.plan.PlanSummary;
import org.wenming.plan.PlanTargets;
import org.wenming.plan.PlanView;
import org.wenming.plan.Section;
import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;
import org.wenming.plan.TargetBinding;
import org.wenming.plan.TaskCommand;
import org.wenming.plan.Tasks;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "wenming.ephemeral-database=true")
@AutoConfigureMockMvc
class PlanPagesTests {

	static final String PASSWORD = "Passw0rd-Plan";

	@Autowired
	MockMvc mvc;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	PlanManagement plans;

	@Autowired
	PlanTargets targets;

	@Autowired
	Tasks tasks;

	@Autowired
	PlanDocuments documents;

	String tag;

	Org communityA;

	String unitAdminA;

	String unitAdminB;

	@BeforeEach
	void createData() {
		tag = UUID.randomUUID().toString().substring(0, 8);
		DataScopes.asSystem(() -> {
			Org city = orgs.create(null, "页面市" + tag, OrgType.CITY, null);
			Org street = orgs.create(city.id(), "页面街道" + tag, OrgType.STREET, null);
			communityA = orgs.create(street.id(), "页面甲社区" + tag, OrgType.COMMUNITY, null);
			Org b = orgs.create(street.id(), "页面乙社区" + tag, OrgType.COMMUNITY, null);
			unitAdminA = account("page-unit-a-" + tag, communityA);
			unitAdminB = account("page-unit-b-" + tag, b);
			return null;
		});
	}

	private String account(String username, Org at) {
		long person = people.create(new PersonCommand("管理员" + username.substring(username.length() - 4), null, null,
				TestIdNumbers.next(), null, null, "群众", List.of("居民"), null, at.id()));
		accounts.create(person, username, PASSWORD, List.of(new Accounts.Grant(Role.UNIT_ADMIN, at.id())));
		return username;
	}

	private <T> T as(String username, Supplier<T> work) {
		UserDetails user = users.loadUserByUsername(username);
		var before = SecurityContextHolder.getContext();
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.setContext(before);
		}
	}

	static String seed() throws Exception {
		try (InputStream in = PlanPagesTests.class.getResourceAsStream("/seed/plans.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static int thisYear() {
		return LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
	}

	/** 篇4 of the seed, stored for community A, with a task half done and a target on its first section. */
	private PlanView storedPlan() throws Exception {
		String text = seed();
		return as(unitAdminA, () -> {
			var parsed = plans.preview(text).plans().get(3).toParsedPlan();
			PlanSummary plan = plans.createFromOutline(communityA.id(), thisYear(), parsed);
			PlanView view = plans.view(plan.id());
			long sectionId = view.sections().get(0).id();
			long task = tasks.create(new TaskCommand(sectionId, "组织学习" + tag, null, communityA.id(), List.of(), null,
					LocalDate.of(thisYear(), 12, 31), null, null, null));
			tasks.start(task);
			tasks.updateProgress(task, 50);
			targets.add(plan.id(), sectionId, new TargetBinding("居民不少于1人", "directory.people", Comparator.GE,
					BigDecimal.ONE, "人", Period.YEAR, false, null, null));
			return plans.view(plan.id());
		});
	}

	@Test
	void listShowsThePlansOfTheYearWithStatusAndProgress() throws Exception {
		PlanView view = storedPlan();
		mvc.perform(get("/plans").with(user(users.loadUserByUsername(unitAdminA))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("市精神文明工作计划篇4")))
			.andExpect(content().string(containsString("草稿")))
			.andExpect(content().string(containsString("progress-bar")))
			.andExpect(content().string(containsString("/plans/" + view.plan().id())))
			.andExpect(content().string(containsString("/plans/import")));
	}

	@Test
	void htmxFilterGetsOnlyTheResults() throws Exception {
		storedPlan();
		mvc.perform(get("/plans").param("orgId", String.valueOf(communityA.id()))
			.param("year", String.valueOf(thisYear()))
			.header("HX-Request", "true")
			.with(user(users.loadUserByUsername(unitAdminA))))
			.andExpect(status().isOk())
			.andExpect(header().string("Vary", containsString("HX-Request")))
			.andExpect(content().string(containsString("id=\"plans-results\"")))
			.andExpect(content().string(containsString("市精神文明工作计划篇4")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void previewOfTheSeedPlanShowsItsOutlineAndSavingCreatesThePlan() throws Exception {
		String text = seed();
		mvc.perform(post("/plans/import/preview").param("text", text)
			.param("orgId", String.valueOf(communityA.id()))
			.param("year", String.valueOf(thisYear()))
			.with(user(users.loadUserByUsername(unitAdminA)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一、")))
			.andExpect(content().string(containsString("指导思想")))
			.andExpect(content().string(containsString("市精神文明工作计划篇4")))
			.andExpect(content().string(containsString("name=\"level.3\"")))
			.andExpect(content().string(containsString("name=\"title.3\"")));

		String location = mvc.perform(savePosted(previewPage(text), 3).param("only", "3")
			.param("title.3", "  改过的计划标题" + tag + "  "))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		PlanView saved = as(unitAdminA, () -> plans.view(id));
		assertThat(saved.plan().title()).isEqualTo("改过的计划标题" + tag);
		assertThat(saved.sections().get(0).number() + saved.sections().get(0).title()).isEqualTo("一、指导思想");
		assertThat(as(unitAdminA, () -> plans.list(communityA.id(), thisYear()))).hasSize(1);
	}

	@Test
	void saveAllStoresEverySevenPlansWithTheLevelsChosenAndTheSectionsLeftOut() throws Exception {
		String page = previewPage(seed());
		var request = post("/plans/import").param("content", hidden(page, "content"))
			.param("orgId", String.valueOf(communityA.id()))
			.param("year", String.valueOf(thisYear()))
			.with(user(users.loadUserByUsername(unitAdminA)))
			.with(csrf());
		for (int d = 0; d < 7; d++) {
			request.param("save." + d, "true").param("title." + d, "计划" + d + tag);
		}
		// 篇1: its second heading one level down, its last one left out
		request.param("level.0", "1", "2", "1", "1", "1").param("drop.0", "4");
		mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/plans?orgId=" + communityA.id())))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("flashSuccess", containsString("已导入 7 篇计划")));

		List<PlanSummary> stored = as(unitAdminA, () -> plans.list(communityA.id(), thisYear()));
		assertThat(stored).extracting(PlanSummary::title)
			.containsExactlyInAnyOrder("计划0" + tag, "计划1" + tag, "计划2" + tag, "计划3" + tag, "计划4" + tag,
					"计划5" + tag, "计划6" + tag);
		long first = stored.stream().filter(p -> p.title().equals("计划0" + tag)).findFirst().orElseThrow().id();
		List<PlanView.SectionNode> sections = as(unitAdminA, () -> plans.view(first)).sections();
		assertThat(sections).extracting(PlanView.SectionNode::title)
			.containsExactly("深入开展“讲文明树新风”活动", "以深入开展学雷锋活动为载体,大力推进志愿者服务活动", "加强社区精神文明创建活动");
		assertThat(sections.get(0).children()).extracting(PlanView.SectionNode::title)
			.containsExactly("大力推进居民群众思想道德建设");
	}

	@Test
	void saveAllStoresNoneWhenOneIsRefusedAndKeepsWhatWasChosen() throws Exception {
		String page = previewPage(seed());
		var request = post("/plans/import").param("content", hidden(page, "content"))
			.param("orgId", String.valueOf(communityA.id()))
			.param("year", String.valueOf(thisYear()))
			.with(user(users.loadUserByUsername(unitAdminA)))
			.with(csrf());
		for (int d = 0; d < 7; d++) {
			request.param("save." + d, "true");
		}
		request.param("title.0", "保留的标题" + tag).param("title.6", "长".repeat(201)).param("drop.0", "4");
		String html = mvc.perform(request)
			.andExpect(status().isUnprocessableContent())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html).contains("第 7 篇的标题不能超过 200 个字。")
			.contains("value=\"保留的标题" + tag + "\"")
			.containsPattern("id=\"drop-0-4\"[^>]*checked");
		assertThat(as(unitAdminA, () -> plans.list(communityA.id(), thisYear()))).isEmpty();

		// Nothing ticked: a message, nothing stored.
		mvc.perform(post("/plans/import").param("content", hidden(page, "content"))
			.param("orgId", String.valueOf(communityA.id()))
			.param("year", String.valueOf(thisYear()))
			.with(user(users.loadUserByUsername(unitAdminA)))
			.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("请至少勾选一篇计划。")));
	}

	@Test
	void suggestedMetricsAreNamedNeverNull() throws Exception {
		String text = "示范社区学习计划\n一、学习安排\n全年集中学习不少于12天，每周自学不少于5小时，志愿服务时长不少于20小时。\n";
		String html = previewPage(text);
		assertThat(html).doesNotContain("null").doesNotContain("study.collective_days<")
			.contains("集中学习天数 （待接入）");
	}

	/** The preview page of a text, as the unit admin of community A gets it. */
	private String previewPage(String text) throws Exception {
		return mvc.perform(post("/plans/import/preview").param("text", text)
			.param("orgId", String.valueOf(communityA.id()))
			.param("year", String.valueOf(thisYear()))
			.with(user(users.loadUserByUsername(unitAdminA)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	/** The hidden field's value as the page holds it. */
	private static String hidden(String html, String name) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("<input type=\"hidden\" name=\"" + name + "\"[^>]*value=\"([^\"]*)\"")
			.matcher(html);
		assertThat(m.find()).as("hidden " + name).isTrue();
		return org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1));
	}

	/** The save form of the preview page, with the hidden fields the page holds. */
	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder savePosted(String page, int draft) {
		return post("/plans/import").param("content", hidden(page, "content"))
			.param("orgId", hidden(page, "orgId"))
			.param("year", hidden(page, "year"))
			.with(user(users.loadUserByUsername(unitAdminA)))
			.with(csrf());
	}

	@Test
	void levelsChosenInThePreviewNestTheSections() throws Exception {
		String text = seed();
		var draft = as(unitAdminA, () -> plans.preview(text).plans().get(3));
		List<PlanImportPages.Row> rows = new java.util.ArrayList<>();
		PlanImportPages.flatten(draft.sections(), 1, rows);
		List<Integer> levels = new java.util.ArrayList<>(rows.stream().map(PlanImportPages.Row::level).toList());
		levels.set(1, 2);
		var fixed = PlanImportPages.fixed(draft, levels, null);
		assertThat(fixed.sections()).hasSize(draft.sections().size() - 1);
		assertThat(fixed.sections().get(0).children().get(0).title()).isEqualTo(rows.get(1).section().title());
	}

	@Test
	void metricsChosenInThePreviewBindTheTargets() throws Exception {
		var target = new PlanPreview.DraftTarget("参与率达到90%", Comparator.GE, new BigDecimal("90"), "%", Period.YEAR,
				false, "volunteer.rate", null, null);
		var draft = new PlanPreview.Draft("计划", "", List.of(target), List.of(),
				List.of(new PlanPreview.DraftSection("一、", "目标", 1, "", List.of(target), List.of(), null,
						List.of(new PlanPreview.DraftSection("（一）", "分项", 2, "", List.of(target), List.of(), null,
								List.of())))));
		int count = 3;
		List<String> metrics = java.util.Collections.nCopies(count, "directory.people");
		var fixed = PlanImportPages.fixed(draft, null, metrics);
		List<String> bound = new java.util.ArrayList<>();
		fixed.targets().forEach(t -> bound.add(t.metric()));
		List<PlanImportPages.Row> fixedRows = new java.util.ArrayList<>();
		PlanImportPages.flatten(fixed.sections(), 1, fixedRows);
		fixedRows.forEach(r -> r.section().targets().forEach(t -> bound.add(t.metric())));
		assertThat(bound).hasSize(count).containsOnly("directory.people");
	}

	@Test
	void uploadedWordFileIsPreviewed() throws Exception {
		PlanView view = storedPlan();
		UserDetails admin = users.loadUserByUsername(unitAdminA);
		byte[] docx = mvc.perform(get("/plans/" + view.plan().id() + "/export.docx").with(user(admin)))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/plans/import/preview")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "计划.docx",
					"application/octet-stream", docx))
			.param("orgId", String.valueOf(communityA.id()))
			.with(user(admin))
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("指导思想")))
			.andExpect(content().string(containsString("name=\"content\"")));
	}

	@Test
	void uploadedTextFileShowsItsTextAndSevenDraftsCarryingThePlanText() throws Exception {
		String text = seed();
		String html = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.multipart("/plans/import/preview")
			.file(new org.springframework.mock.web.MockMultipartFile("file", "plans.txt", "text/plain",
					text.getBytes(StandardCharsets.UTF_8)))
			.param("orgId", String.valueOf(communityA.id()))
			.with(user(users.loadUserByUsername(unitAdminA)))
			.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(html.split("card mb-3 plan-draft", -1)).hasSize(8);
		String textarea = between(html, "<textarea", "</textarea>");
		assertThat(textarea).contains("市精神文明工作计划篇1", "市精神文明工作计划篇7");
		String hidden = between(html, "id=\"draft-content\"", ">");
		assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(hidden))
			.contains("一、深入开展“讲文明树新风”活动")
			.contains("市精神文明工作计划篇7")
			.doesNotContain("<section")
			.doesNotContain("breadcrumb");
		assertThat(html).contains("value=\"市精神文明工作计划篇4\"");
		assertThat(between(html, "<main", "</main>")).doesNotContain("null");
	}

	private static String between(String html, String from, String to) {
		int start = html.indexOf(from);
		assertThat(start).as(from).isNotNegative();
		return html.substring(start, html.indexOf(to, start + from.length()));
	}

	@Test
	void revisionsCompareShowsAddedAndRemovedLines() throws Exception {
		PlanView view = storedPlan();
		long id = view.plan().id();
		as(unitAdminA, () -> plans.publish(id));
		as(unitAdminA, () -> plans.retitle(id, "改过的标题" + tag, null));
		int last = as(unitAdminA, () -> plans.revisions(id)).stream().mapToInt(r -> r.number()).max().orElseThrow();
		mvc.perform(get("/plans/" + id + "/revisions").param("from", "1")
			.param("to", String.valueOf(last))
			.with(user(users.loadUserByUsername(unitAdminA))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"comparison\"")))
			.andExpect(content().string(containsString("+ ")))
			.andExpect(content().string(containsString("改过的标题" + tag)));
	}

	@Test
	void planPageShowsProgressTasksAndTargetBadges() throws Exception {
		PlanView view = storedPlan();
		mvc.perform(get("/plans/" + view.plan().id()).with(user(users.loadUserByUsername(unitAdminA))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("一、指导思想")))
			.andExpect(content().string(containsString("progress-bar")))
			.andExpect(content().string(containsString("width: 50%")))
			.andExpect(content().string(containsString("组织学习" + tag)))
			.andExpect(content().string(containsString("target-status")))
			.andExpect(content().string(containsString("居民不少于1人")))
			.andExpect(content().string(containsString("data-confirm")));
	}

	@Test
	void docxExportOfAStoredPlanReimportsToTheSameOutline() throws Exception {
		PlanView view = storedPlan();
		byte[] docx = mvc.perform(get("/plans/" + view.plan().id() + "/export.docx")
			.with(user(users.loadUserByUsername(unitAdminA))))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		OutlineResult again = documents.outline("计划.docx", docx);
		assertThat(again.plans()).hasSize(1);
		assertThat(again.plans().get(0).title()).isEqualTo("市精神文明工作计划篇4");
		assertThat(outline(again.plans().get(0).sections())).isEqualTo(outlineOf(view.sections()));
	}

	private static List<String> outline(List<Section> sections) {
		List<String> lines = new java.util.ArrayList<>();
		for (Section s : sections) {
			lines.add(s.level() + s.number() + s.title());
			lines.addAll(outline(s.children()));
		}
		return lines;
	}

	private static List<String> outlineOf(List<PlanView.SectionNode> sections) {
		List<String> lines = new java.util.ArrayList<>();
		for (PlanView.SectionNode s : sections) {
			lines.add(s.level() + s.number() + s.title());
			lines.addAll(outlineOf(s.children()));
		}
		return lines;
	}

	@Test
	void aTaskIsAddedToASectionFromThePlanPage() throws Exception {
		PlanView view = storedPlan();
		long id = view.plan().id();
		long section = view.sections().get(1).id();
		UserDetails admin = users.loadUserByUsername(unitAdminA);
		mvc.perform(get("/plans/" + id).with(user(admin)))
			.andExpect(content().string(containsString("/plans/" + id + "/tasks/new?sectionId=" + section)));
		mvc.perform(get("/plans/" + id + "/tasks/new?sectionId=" + section + "&lang=en").with(user(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Owner org")))
			.andExpect(content().string(not(containsString("??"))));

		mvc.perform(post("/plans/" + id + "/tasks").with(user(admin)).with(csrf())
			.param("sectionId", String.valueOf(section))
			.param("title", "  ")
			.param("ownerOrgId", String.valueOf(communityA.id())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is-invalid")));
		assertThat(as(unitAdminA, () -> plans.view(id)).sections().get(1).tasks()).isEmpty();

		mvc.perform(post("/plans/" + id + "/tasks").with(user(admin)).with(csrf())
			.param("sectionId", String.valueOf(section))
			.param("title", "召开道德讲堂" + tag)
			.param("ownerOrgId", String.valueOf(communityA.id()))
			.param("deadline", thisYear() + "-11-30")
			.param("priority", "HIGH")
			.param("weight", "2"))
			.andExpect(status().is3xxRedirection())
			.andExpect(header().string("Location", containsString("/tasks/")));
		assertThat(as(unitAdminA, () -> plans.view(id)).sections().get(1).tasks())
			.extracting(PlanView.TaskLine::title)
			.containsExactly("召开道德讲堂" + tag);
	}

	@Test
	void aTaskCannotBeAddedToAnotherCommunitysPlan() throws Exception {
		PlanView view = storedPlan();
		UserDetails other = users.loadUserByUsername(unitAdminB);
		mvc.perform(get("/plans/" + view.plan().id() + "/tasks/new").with(user(other))).andExpect(status().isNotFound());
	}

	@Test
	void anotherCommunitysAdminGetsNotFound() throws Exception {
		PlanView view = storedPlan();
		UserDetails other = users.loadUserByUsername(unitAdminB);
		mvc.perform(get("/plans/" + view.plan().id()).with(user(other))).andExpect(status().isNotFound());
		mvc.perform(get("/plans/" + view.plan().id() + "/export.docx").with(user(other)))
			.andExpect(status().isNotFound());
		mvc.perform(post("/plans/" + view.plan().id() + "/publish").with(user(other)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void everyPageRendersInChineseAndEnglishWithoutMissingKeysOrInlineScripts() throws Exception {
		PlanView view = storedPlan();
		long id = view.plan().id();
		UserDetails admin = users.loadUserByUsername(unitAdminA);
		for (Locale locale : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
			for (String url : List.of("/plans", "/plans/import", "/plans/" + id, "/plans/" + id + "/revisions",
					"/plans/" + id + "/print")) {
				String html = mvc.perform(get(url).locale(locale).header("Accept-Language", locale.toLanguageTag())
					.with(user(admin)))
					.andExpect(status().isOk())
					.andReturn()
					.getResponse()
					.getContentAsString(StandardCharsets.UTF_8);
				assertThat(html).as(url + " " + locale).doesNotContain("??");
				assertThat(html.replaceAll("<script[^>]*\\ssrc=[^>]*>\\s*</script>", ""))
					.as(url + " " + locale)
					.doesNotContain("<script");
			}
			String preview = mvc.perform(post("/plans/import/preview").param("text", seed())
				.param("orgId", String.valueOf(communityA.id()))
				.locale(locale)
				.header("Accept-Language", locale.toLanguageTag())
				.with(user(admin))
				.with(csrf()))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
			assertThat(preview).doesNotContain("??").doesNotContain("<script>");
		}
		mvc.perform(get("/plans/" + id + "/export.pdf").with(user(admin))).andExpect(status().isOk());
		mvc.perform(get("/plans/" + id).with(user(admin)))
			.andExpect(content().string(not(containsString("onclick"))));
	}

}
