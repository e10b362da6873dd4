package org.wenming.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wenming.directory.Accounts;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.People;
import org.wenming.plan.PlanView.SectionNode;
import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;
import org.wenming.platform.DomainException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Plans against the real database: imported from the seed document, edited, published, revised,
 * compared and archived, each within the caller's data scope.
 */
@SpringBootTest
@Import(MutableClock.Config.class)
class PlanManagementTests {

	@Autowired
	PlanManagement plans;

	@Autowired
	OrgDirectory orgs;

	@Autowired
	People people;

	@Autowired
	Accounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanStore store;

	PlanFixture f;

	@BeforeEach
	void fixture() {
		f = PlanFixture.create(orgs, people, accounts, users);
	}

	static ParsedPlan seedPlan(int number) throws Exception {
		return PlanOutlines.parse(PlanOutlinesTests.seed()).plans().get(number - 1);
	}

	private PlanSummary importSeed(int number) throws Exception {
		ParsedPlan parsed = seedPlan(number);
		return f.as(f.unitAdminA(), () -> plans.createFromOutline(f.communityA().id(), 2026, parsed));
	}

	private static Stream<SectionNode> flatten(List<SectionNode> sections) {
		return sections.stream().flatMap(s -> Stream.concat(Stream.of(s), flatten(s.children())));
	}

	private static SectionNode section(PlanView view, String title) {
		return flatten(view.sections()).filter(s -> s.title().equals(title)).findFirst().orElseThrow();
	}

	@Test
	void importsTheFourthSeedPlanAsATreeOfSections() throws Exception {
		PlanSummary plan = importSeed(4);

		PlanView view = f.as(f.unitAdminA(), () -> plans.view(plan.id()));
		assertThat(view.plan().title()).isEqualTo("市精神文明工作计划篇4");
		assertThat(view.plan().status()).isEqualTo(PlanStatus.DRAFT);
		assertThat(view.plan().orgName()).isEqualTo(f.communityA().name());
		assertThat(view.plan().createdBy()).isEqualTo(f.unitAdminA());
		assertThat(view.sections()).extracting(SectionNode::number, SectionNode::title, SectionNode::level,
				SectionNode::position)
			.containsExactly(tuple("一、", "指导思想", 1, 0), tuple("二、", "目标任务", 1, 1), tuple("三、", "重点工作", 1, 2),
					tuple("四、", "保障措施", 1, 3));
		assertThat(view.sections().get(0).body()).startsWith("按照“巩固中谋实效");
		SectionNode work = view.sections().get(2);
		assertThat(work.children()).hasSize(6).allSatisfy(s -> assertThat(s.level()).isEqualTo(2));
		assertThat(work.children()).extracting(SectionNode::position).containsExactly(0, 1, 2, 3, 4, 5);
		SectionNode education = work.children().get(0);
		assertThat(education.title()).isEqualTo("加强思想教育,培育道德新风尚");
		assertThat(education.children()).extracting(SectionNode::number, SectionNode::title, SectionNode::level)
			.containsExactly(tuple("一是", "依托道德讲堂", 3), tuple("二是", education.children().get(1).title(), 3));
		assertThat(education.children().get(0).body()).startsWith("围绕“职业道德");
		assertThat(education.taskProposed()).isFalse();
		assertThat(education.children().get(0).taskProposed()).isTrue();
		assertThat(view.sections().get(3).children()).extracting(SectionNode::number).containsExactly("1.", "2.", "4.");
		assertThat(flatten(view.sections()).count()).isEqualTo(jdbc.sql("select count(*) from plan_section where plan_id = ?")
			.param(plan.id()).query(Long.class).single());
		assertThat(view.targets()).isEmpty();
		assertThat(view.progress()).isNull();
	}

	@Test
	void importsTheTargetsFoundWithTheSuggestedMetricsUnconfirmed() throws Exception {
		PlanSummary plan = importSeed(6);

		PlanView view = f.as(f.unitAdminA(), () -> plans.view(plan.id()));
		assertThat(view.targets()).extracting(TargetView::text, TargetView::metric, TargetView::comparator,
				TargetView::threshold, TargetView::unit, TargetView::period, TargetView::relative)
			.containsExactly(
					tuple("在原有基础上增加20%", null, Comparator.INCREASE, new BigDecimal("20"), "%", null, true),
					tuple("本年度社区的各类学习型组织到达15%", "education.learning_org_ratio", Comparator.GE,
							new BigDecimal("15"), "%", Period.YEAR, false),
					tuple("社区学校要有5门以上常课", "education.regular_courses", Comparator.GE, new BigDecimal("5"), "门",
							null, false),
					tuple("年培训率到达80%", "education.training_rate", Comparator.GE, new BigDecimal("80"), "%",
							Period.YEAR, false));
		assertThat(view.targets()).allSatisfy(t -> {
			assertThat(t.orgId()).isEqualTo(f.communityA().id());
			assertThat(t.confirmed()).isFalse();
			assertThat(t.sectionId()).isNotNull();
		});
		SectionNode brand = section(view, "继续深化\"一社一品\"工作");
		assertThat(view.targets().get(0).sectionId()).isEqualTo(brand.id());
		// no metric suggested: 待完善; suggested but not published yet: 待接入
		assertThat(view.targets()).extracting(TargetView::status)
			.containsExactly(TargetStatus.INCOMPLETE, TargetStatus.AWAITING, TargetStatus.AWAITING,
					TargetStatus.AWAITING);
		assertThat(view.targets().get(1).statusLabel()).isEqualTo("待接入");
	}

	@Test
	void previewShowsTheOutlineWithProposedTasksAndTheStateOfEachMetric() throws Exception {
		PlanPreview preview = plans.preview(PlanOutlinesTests.seed());

		assertThat(preview.plans()).hasSize(7);
		assertThat(preview.messages()).extracting(OutlineMessage::code).containsExactly("plan.outline.preambleSkipped");
		PlanPreview.Draft sixth = preview.plans().get(5);
		List<PlanPreview.DraftTarget> targets = sixth.sections()
			.stream()
			.flatMap(s -> Stream.concat(Stream.of(s), s.children().stream()))
			.flatMap(s -> s.targets().stream())
			.toList();
		assertThat(targets).extracting(PlanPreview.DraftTarget::metricState)
			.containsExactly(PlanPreview.MetricState.NONE, PlanPreview.MetricState.AWAITING,
					PlanPreview.MetricState.AWAITING, PlanPreview.MetricState.AWAITING);
		PlanPreview.DraftSection work = preview.plans().get(3).sections().get(2);
		assertThat(work.taskProposed()).isFalse();
		assertThat(work.children().get(2).taskProposed()).isTrue();
	}

	@Test
	void importsAnOutlineTheUserFixed() throws Exception {
		PlanPreview.Draft draft = plans.preview(PlanOutlinesTests.seed()).plans().get(3);
		// The user moves 四、保障措施 under 三、重点工作 and binds the first target they add.
		List<PlanPreview.DraftSection> top = draft.sections();
		PlanPreview.DraftSection work = top.get(2);
		PlanPreview.DraftSection moved = new PlanPreview.DraftSection(work.number(), work.title(), 1, work.text(),
				List.of(new PlanPreview.DraftTarget("全年开展道德讲堂不少于4次", Comparator.GE, new BigDecimal("4"), "次",
						Period.YEAR, false, "manual", null, null)),
				work.figures(), false, Stream.concat(work.children().stream(), Stream.of(top.get(3))).toList());
		PlanPreview.Draft fixed = new PlanPreview.Draft("财政局2026年精神文明建设工作计划", draft.text(), draft.targets(),
				draft.figures(), List.of(top.get(0), top.get(1), moved));

		PlanSummary plan = f.as(f.unitAdminA(),
				() -> plans.createFromOutline(f.communityA().id(), 2026, fixed.toParsedPlan()));

		PlanView view = f.as(f.unitAdminA(), () -> plans.view(plan.id()));
		assertThat(view.plan().title()).isEqualTo("财政局2026年精神文明建设工作计划");
		assertThat(view.sections()).hasSize(3);
		SectionNode safeguards = section(view, "保障措施");
		assertThat(safeguards.level()).isEqualTo(2);
		assertThat(safeguards.children()).allSatisfy(s -> assertThat(s.level()).isEqualTo(3));
		assertThat(view.targets()).singleElement().satisfies(t -> {
			assertThat(t.metric()).isEqualTo("manual");
			assertThat(t.sectionId()).isEqualTo(view.sections().get(2).id());
		});
	}

	@Test
	void publishesOnceThenKeepsEveryChangeAsARevisionThatCanBeCompared() throws Exception {
		PlanSummary plan = importSeed(4);
		SectionNode education = f.as(f.unitAdminA(), () -> section(plans.view(plan.id()), "加强思想教育,培育道德新风尚"));
		f.as(f.unitAdminA(), () -> plans.addChild(plan.id(), null, new SectionDraft("五、", "附则", "草稿时补充", null)));
		assertThat(f.as(f.unitAdminA(), () -> plans.revisions(plan.id()))).as("a draft keeps no revisions").isEmpty();

		PlanSummary published = f.as(f.unitAdminA(), () -> plans.publish(plan.id()));
		assertThat(published.status()).isEqualTo(PlanStatus.PUBLISHED);
		assertThat(published.publishedAt()).isNotNull();
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> plans.publish(plan.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("plan.publish.already"));

		f.as(f.unitAdminA(), () -> plans.updateSection(plan.id(), education.id(),
				new SectionDraft(null, "加强思想教育,培育文明新风尚", null, null)));

		List<PlanRevision> revisions = f.as(f.unitAdminA(), () -> plans.revisions(plan.id()));
		assertThat(revisions).extracting(PlanRevision::number, PlanRevision::summary, PlanRevision::changedBy)
			.containsExactly(tuple(1, "发布计划", f.unitAdminA()),
					tuple(2, "修改部分：1.加强思想教育,培育道德新风尚 → 1.加强思想教育,培育文明新风尚", f.unitAdminA()));
		PlanComparison comparison = f.as(f.unitAdminA(), () -> plans.compare(plan.id(), 1, 2));
		assertThat(comparison.removed()).containsExactly("  1.加强思想教育,培育道德新风尚");
		assertThat(comparison.added()).containsExactly("  1.加强思想教育,培育文明新风尚");
		assertThat(comparison.lines()).filteredOn(l -> l.change() == PlanComparison.Change.SAME).isNotEmpty();
		assertThat(f.as(f.unitAdminA(), () -> plans.revision(plan.id(), 2)).snapshot())
			.startsWith("计划：市精神文明工作计划篇4\n组织：" + f.communityA().name() + "\n年度：2026\n状态：已发布\n")
			.contains("\n一、指导思想\n  按照“巩固中谋实效");
	}

	@Test
	void twoHundredEditsOfALargePlanKeepDifferencesNotTwoHundredCopies() throws Exception {
		PlanSummary plan = importSeed(4);
		StringBuilder body = new StringBuilder();
		for (int line = 0; line < 400; line++) {
			body.append("第").append(line).append("行：").append("巩固提升全国文明城市创建成果，推进新时代文明实践。".repeat(3)).append('\n');
		}
		long section = f.as(f.unitAdminA(),
				() -> plans.addChild(plan.id(), null, new SectionDraft("五、", "长篇附则", body.toString(), null)));
		f.as(f.unitAdminA(), () -> plans.publish(plan.id()));
		List<String> texts = new java.util.ArrayList<>();
		texts.add(store.snapshot(plan.id()));
		for (int edit = 0; edit < 200; edit++) {
			String changed = body.toString().replace("第" + (edit % 400) + "行：", "第" + (edit % 400) + "行（第" + edit + "次修改）：");
			f.as(f.unitAdminA(), () -> plans.updateSection(plan.id(), section, new SectionDraft(null, null, changed, null)));
			texts.add(store.snapshot(plan.id()));
		}

		long planSize = texts.get(texts.size() - 1).length();
		long stored = jdbc.sql("select sum(coalesce(length(snapshot), 0) + coalesce(length(delta), 0)) from plan_revision where plan_id = ?")
			.param(plan.id()).query(Long.class).single();
		long whole = texts.stream().mapToLong(String::length).sum();
		System.out.printf("200 edits of a plan of %d characters: revisions keep %d characters (whole copies: %d)%n",
				planSize, stored, whole);
		assertThat(planSize).isGreaterThan(30_000);
		assertThat(stored).as("under four times the plan, not 201 copies").isLessThan(4 * planSize);
		for (int number = 1; number <= texts.size(); number++) {
			int n = number;
			assertThat(f.as(f.unitAdminA(), () -> plans.revision(plan.id(), n)).snapshot()).as("revision " + n)
				.isEqualTo(texts.get(n - 1));
		}
	}

	@Test
	void refusesALeadTextOrASectionBodyOverTheLimit() throws Exception {
		PlanSummary plan = importSeed(4);
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> plans.retitle(plan.id(), null, "长".repeat(100_000))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("leadText"));
		assertThatThrownBy(() -> f.as(f.unitAdminA(),
				() -> plans.addChild(plan.id(), null, new SectionDraft(null, "大", "长".repeat(1024 * 1024), null))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("body"));
	}

	@Test
	void anArchivedPlanCanNoLongerChange() throws Exception {
		PlanSummary plan = importSeed(4);
		long first = f.as(f.unitAdminA(), () -> plans.view(plan.id())).sections().get(0).id();
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> plans.archive(plan.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("plan.archive.draft"));
		f.as(f.unitAdminA(), () -> plans.publish(plan.id()));

		PlanSummary archived = f.as(f.unitAdminA(), () -> plans.archive(plan.id()));

		assertThat(archived.status()).isEqualTo(PlanStatus.ARCHIVED);
		assertThat(archived.statusLabel()).isEqualTo("已归档");
		assertThat(f.as(f.unitAdminA(), () -> plans.revisions(plan.id()))).extracting(PlanRevision::summary)
			.containsExactly("发布计划", "归档计划");
		assertThat(f.as(f.unitAdminA(), () -> plans.compare(plan.id(), 1, 2)))
			.satisfies(c -> assertThat(c.removed()).containsExactly("状态：已发布"))
			.satisfies(c -> assertThat(c.added()).containsExactly("状态：已归档"));
		Stream.<Runnable>of(() -> plans.updateSection(plan.id(), first, new SectionDraft(null, "改", null, null)),
				() -> plans.addChild(plan.id(), null, new SectionDraft(null, "新增", null, null)),
				() -> plans.deleteSection(plan.id(), first), () -> plans.retitle(plan.id(), "新标题", null),
				() -> plans.publish(plan.id()))
			.forEach(change -> assertThatThrownBy(() -> f.as(f.unitAdminA(), change))
				.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("plan.archived")));
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> plans.archive(plan.id())))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("plan.archive.already"));
	}

	@Test
	void anEmptyPlanCannotBePublished() {
		PlanSummary plan = f.as(f.unitAdminA(), () -> plans.create(f.communityA().id(), 2026, "  空白计划  "));

		assertThat(plan.title()).isEqualTo("空白计划");
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> plans.publish(plan.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("plan.publish.empty"));
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> plans.create(f.communityA().id(), 1999, "旧计划")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("year"));
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> plans.create(f.communityA().id(), 2026, " ")))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("plan.title.required"));
	}

	@Test
	void editsTheOutlineKeepingPositionsAndLevelsInOrder() {
		PlanSummary plan = f.as(f.unitAdminA(), () -> plans.create(f.communityA().id(), 2026, "提纲编辑"));
		long one = f.as(f.unitAdminA(), () -> plans.addChild(plan.id(), null, new SectionDraft("一、", "甲", null, null)));
		long three = f.as(f.unitAdminA(), () -> plans.addChild(plan.id(), null, new SectionDraft("三、", "丙", null, null)));
		long two = f.as(f.unitAdminA(), () -> plans.addSibling(plan.id(), one, new SectionDraft("二、", "乙", "正文", null)));
		long child = f.as(f.unitAdminA(), () -> plans.addChild(plan.id(), three, new SectionDraft("1.", "丙一", null, null)));
		long grandchild = f.as(f.unitAdminA(),
				() -> plans.addChild(plan.id(), child, new SectionDraft("（1）", "丙一一", null, null)));

		PlanView view = f.as(f.unitAdminA(), () -> plans.view(plan.id()));
		assertThat(view.sections()).extracting(SectionNode::id, SectionNode::position).containsExactly(tuple(one, 0),
				tuple(two, 1), tuple(three, 2));
		assertThat(view.sections().get(1).body()).isEqualTo("正文");
		assertThat(section(view, "丙一一").level()).isEqualTo(3);

		// 丙一 moves up to the top level between 甲 and 乙: it and its child go up a level
		f.as(f.unitAdminA(), () -> plans.moveSection(plan.id(), child, null, 1));
		view = f.as(f.unitAdminA(), () -> plans.view(plan.id()));
		assertThat(view.sections()).extracting(SectionNode::title, SectionNode::position, SectionNode::level)
			.containsExactly(tuple("甲", 0, 1), tuple("丙一", 1, 1), tuple("乙", 2, 1), tuple("丙", 3, 1));
		assertThat(section(view, "丙一一").level()).isEqualTo(2);
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> plans.moveSection(plan.id(), child, grandchild, null)))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.code()).isEqualTo("plan.section.moveIntoItself"));

		// a section with a task below it stays
		jdbc.sql("insert into plan_task (plan_id, section_id, title, owner_org_id) values (?, ?, '任务', ?)")
			.params(plan.id(), grandchild, f.communityA().id())
			.update();
		assertThatThrownBy(() -> f.as(f.unitAdminA(), () -> plans.deleteSection(plan.id(), child)))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("plan.section.hasTasks"));
		f.as(f.unitAdminA(), () -> plans.deleteSection(plan.id(), one));
		view = f.as(f.unitAdminA(), () -> plans.view(plan.id()));
		assertThat(view.sections()).extracting(SectionNode::title, SectionNode::position)
			.containsExactly(tuple("丙一", 0), tuple("乙", 1), tuple("丙", 2));
		assertThatThrownBy(() -> f.as(f.unitAdminA(),
				() -> plans.updateSection(plan.id(), two, new SectionDraft(null, "乙", null, new BigDecimal("-1")))))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.field()).isEqualTo("weight"));
	}

	@Test
	void callersOutsideThePlansOrgFindNothing() throws Exception {
		PlanSummary plan = importSeed(4);
		long section = f.as(f.unitAdminA(), () -> plans.view(plan.id())).sections().get(0).id();

		// the unit admin of the neighbouring community
		Stream.<Runnable>of(() -> plans.view(plan.id()), () -> plans.get(plan.id()), () -> plans.revisions(plan.id()),
				() -> plans.publish(plan.id()), () -> plans.archive(plan.id()),
				() -> plans.updateSection(plan.id(), section, new SectionDraft(null, "改", null, null)),
				() -> plans.list(f.communityA().id(), null),
				() -> plans.create(f.communityA().id(), 2026, "越权计划"))
			.forEach(call -> assertThatThrownBy(() -> f.as(f.unitAdminB(), call))
				.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("error.notFound")));
		assertThat(f.as(f.unitAdminB(), () -> plans.list(null, null))).extracting(PlanSummary::id)
			.doesNotContain(plan.id());

		// the street's inspector reads but does not write; the city's office admin sees it in the list
		assertThat(f.as(f.inspector(), () -> plans.view(plan.id())).plan().id()).isEqualTo(plan.id());
		assertThatThrownBy(() -> f.as(f.inspector(), () -> plans.publish(plan.id())))
			.isInstanceOfSatisfying(DomainException.class, ex -> assertThat(ex.code()).isEqualTo("error.notFound"));
		assertThat(f.as(f.officeAdmin(), () -> plans.list(f.city().id(), 2026))).extracting(PlanSummary::id)
			.containsExactly(plan.id());
		assertThat(f.as(f.officeAdmin(), () -> plans.list(f.city().id(), 2025))).isEmpty();
		assertThat(f.as(f.unitAdminA(), () -> plans.list(null, null))).extracting(PlanSummary::id).contains(plan.id());
	}

}
