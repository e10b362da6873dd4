package org.wenming.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outlines of the seven real plans of the seed, and of small documents for each numbering rule.
 */
class PlanOutlinesTests {

	static String seed() throws IOException {
		try (InputStream in = PlanOutlinesTests.class.getResourceAsStream("/seed/plans.txt")) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static Stream<Section> flatten(List<Section> sections) {
		return sections.stream().flatMap(s -> Stream.concat(Stream.of(s), flatten(s.children())));
	}

	private static List<Target> targets(OutlineResult result) {
		List<Target> targets = new ArrayList<>();
		for (ParsedPlan plan : result.plans()) {
			targets.addAll(plan.targets());
			flatten(plan.sections()).forEach(s -> targets.addAll(s.targets()));
		}
		return targets;
	}

	private static List<Figure> figures(OutlineResult result) {
		List<Figure> figures = new ArrayList<>();
		for (ParsedPlan plan : result.plans()) {
			figures.addAll(plan.figures());
			flatten(plan.sections()).forEach(s -> figures.addAll(s.figures()));
		}
		return figures;
	}

	private static ParsedPlan only(String text) {
		OutlineResult result = PlanOutlines.parse(text);
		assertThat(result.plans()).hasSize(1);
		return result.plans().get(0);
	}

	// ---- the seed ---------------------------------------------------------------------------------

	@Test
	void seedHoldsExactlySevenPlansAndLeavesOutTheWebPagePreamble() throws IOException {
		OutlineResult result = PlanOutlines.parse(seed());

		assertThat(result.plans()).extracting(ParsedPlan::title)
			.containsExactly("市精神文明工作计划篇1", "市精神文明工作计划篇2", "市精神文明工作计划篇3", "市精神文明工作计划篇4",
					"市精神文明工作计划篇5", "市精神文明工作计划篇6", "市精神文明工作计划篇7");
		assertThat(result.messages()).containsExactly(OutlineMessage.of("plan.outline.preambleSkipped", "4"));
		assertThat(result.plans()).allSatisfy(plan -> assertThat(plan.sections()).isNotEmpty());
		assertThat(result.plans().get(0).text()).startsWith("党的xx大召开以来");
	}

	@Test
	void thirdPlanHasItsFourThemesAtTheTop() throws IOException {
		ParsedPlan plan = PlanOutlines.parse(seed()).plans().get(2);

		assertThat(plan.sections()).extracting(Section::number).containsExactly("一、", "二、", "三、", "四、");
		assertThat(plan.sections()).extracting(Section::level).containsOnly(1);
		List<String> titles = plan.sections().stream().map(Section::title).toList();
		assertThat(titles.get(0)).startsWith("始终贯穿一条主线");
		assertThat(titles.get(1)).startsWith("紧紧围绕一个目标");
		assertThat(titles.get(2)).startsWith("牢牢把握一个基调");
		assertThat(titles.get(3)).startsWith("紧紧抓住一个切入点");
		assertThat(titles.get(0)).isEqualTo("始终贯穿一条主线,坚持用党的理论创新成果武装头脑");
		assertThat(plan.text()).startsWith("20xx年市水利系统精神文明建设工作的指导思想是");
	}

	@Test
	void fourthPlanNestsItsNumberedWorkUnderTheChineseHeadings() throws IOException {
		ParsedPlan plan = PlanOutlines.parse(seed()).plans().get(3);

		assertThat(plan.sections()).extracting(Section::title).containsExactly("指导思想", "目标任务", "重点工作", "保障措施");
		Section work = plan.sections().get(2);
		assertThat(work.children()).extracting(Section::number).containsExactly("1.", "2.", "3.", "4.", "5.", "6.");
		assertThat(work.children()).extracting(Section::title)
			.containsExactly("加强思想教育,培育道德新风尚", "建强传播队伍,宣传文明新风尚", "遵守礼仪规范,倡导生活新风尚",
					"优化工作作风,树立行业新风尚", "践行志愿理念,引领社会新风尚", "传承雷锋精神,弘扬时代新风尚");
		assertThat(work.children()).extracting(Section::level).containsOnly(2);
		Section safeguards = plan.sections().get(3);
		assertThat(safeguards.children()).extracting(Section::number).containsExactly("1.", "2.", "4.");
		assertThat(safeguards.children()).extracting(Section::title).containsExactly("强化组织领导", "突出工作特色", "严格督查考核");
		assertThat(safeguards.children().get(0).text()).startsWith("及时调整充实文明创建领导小组");
	}

	@Test
	void listsInsideAParagraphBecomeChildSections() throws IOException {
		Section education = PlanOutlines.parse(seed()).plans().get(3).sections().get(2).children().get(0);

		assertThat(education.children()).extracting(Section::number).containsExactly("一是", "二是");
		assertThat(education.children()).extracting(Section::level).containsOnly(3);
		assertThat(education.children().get(0).title()).isEqualTo("依托道德讲堂");
		assertThat(education.children().get(0).text()).startsWith("围绕“职业道德");
		assertThat(education.text()).isEmpty();
	}

	@Test
	void secondPlanKeepsItsOddNumberingInOrder() throws IOException {
		ParsedPlan plan = PlanOutlines.parse(seed()).plans().get(1);

		// 1、2、3、 stand for the missing （一）; （二） continues above them, not below 3、.
		assertThat(plan.sections()).extracting(Section::number).containsExactly("1、", "2、", "3、", "(二)", "(三)", "(四)");
		assertThat(plan.sections()).extracting(Section::level).containsOnly(1);
		Section practice = plan.sections().get(4);
		assertThat(practice.children()).extracting(Section::number).containsExactly("1、", "2、", "3、");
		assertThat(practice.children().get(1).title()).isEqualTo("是积极组织参加社会公益活动,特别要做好各种扶贫济困送温暖活动");
		Section service = plan.sections().get(5);
		assertThat(service.children()).extracting(Section::number).containsExactly("首先", "其次", "第三");
		assertThat(service.children().get(0).title()).isEqualTo("确立“以服务促管理”的观念,确立“以服务促发展”的观念");
	}

	@Test
	void sixthPlanStartingAt1ThenSwitchingTo二Stays() throws IOException {
		ParsedPlan plan = PlanOutlines.parse(seed()).plans().get(5);

		assertThat(plan.sections()).extracting(Section::number).containsExactly("1、", "二、", "三、");
		assertThat(plan.sections()).extracting(Section::title).containsExactly("指导思想", "工作目标", "主要工作");
		assertThat(plan.sections().get(2).children()).extracting(Section::number)
			.containsExactly("1、", "2、", "3、", "4、", "5、", "6、");
	}

	@Test
	void findsTheSixTargetsOfTheSeed() throws IOException {
		List<Target> targets = targets(PlanOutlines.parse(seed()));

		assertThat(targets).contains(
				new Target("全年集中学习不得少于12天", Comparator.GE, new BigDecimal("12"), "天", Period.YEAR, false,
						"study.collective_days"),
				new Target("每周自学不得少于6小时", Comparator.GE, new BigDecimal("6"), "小时", Period.WEEK, false,
						"study.self_study_hours_per_week"),
				new Target("年培训率到达80%", Comparator.GE, new BigDecimal("80"), "%", Period.YEAR, false,
						"education.training_rate"),
				new Target("社区学校要有5门以上常课", Comparator.GE, new BigDecimal("5"), "门", null, false,
						"education.regular_courses"),
				new Target("本年度社区的各类学习型组织到达15%", Comparator.GE, new BigDecimal("15"), "%", Period.YEAR, false,
						"education.learning_org_ratio"),
				new Target("在原有基础上增加20%", Comparator.INCREASE, new BigDecimal("20"), "%", null, true, null));
		assertThat(targets).hasSize(6);
	}

	@Test
	void investmentAndAnniversariesOfTheSeedAreFiguresNotTargets() throws IOException {
		OutlineResult result = PlanOutlines.parse(seed());
		List<Figure> figures = figures(result);

		assertThat(figures).contains(new Figure("xx年年市级水利基本建设预计安排投资117.3亿元", new BigDecimal("117.3"), "亿元"));
		assertThat(figures).extracting(Figure::unit).contains("周年");
		assertThat(targets(result)).noneMatch(t -> t.value().compareTo(new BigDecimal("117.3")) == 0);
	}

	// ---- numbering --------------------------------------------------------------------------------

	@Test
	void documentStartingAtArabicNumbersHasThemAtLevelOne() {
		ParsedPlan plan = only("1.加强学习\n（1）集中学习\n(2)个人自学\n2．开展活动\n3、强化考核");

		assertThat(plan.title()).isNull();
		assertThat(plan.sections()).extracting(Section::number).containsExactly("1.", "2．", "3、");
		assertThat(plan.sections()).extracting(Section::level).containsOnly(1);
		assertThat(plan.sections().get(0).children()).extracting(Section::title).containsExactly("集中学习", "个人自学");
		assertThat(plan.sections().get(0).children()).extracting(Section::level).containsOnly(2);
	}

	@Test
	void acceptsHalfWidthAndFullWidthParentheses() {
		ParsedPlan plan = only("工作计划\n一、总体要求\n(一)指导思想\n（二）工作目标\n二、重点任务\n（一）理论学习\n1．集中学习\n①每月一次");

		assertThat(plan.title()).isEqualTo("工作计划");
		assertThat(plan.sections()).extracting(Section::title).containsExactly("总体要求", "重点任务");
		assertThat(plan.sections().get(0).children()).extracting(Section::number).containsExactly("(一)", "（二）");
		Section study = plan.sections().get(1).children().get(0);
		assertThat(study.children().get(0).number()).isEqualTo("1．");
		assertThat(study.children().get(0).level()).isEqualTo(3);
		assertThat(study.children().get(0).children().get(0).number()).isEqualTo("①");
		assertThat(study.children().get(0).children().get(0).level()).isEqualTo(4);
	}

	@Test
	void aNumberWithAClosingParenthesisRanksWithTheParenthesisedOne() {
		ParsedPlan plan = only("一、重点工作\n1.理论学习\n1）集中学习\n2)个人自学\n2.志愿服务");

		Section study = plan.sections().get(0).children().get(0);
		assertThat(study.children()).extracting(Section::number).containsExactly("1）", "2)");
		assertThat(study.children()).extracting(Section::level).containsOnly(3);
		assertThat(plan.sections().get(0).children()).extracting(Section::number).containsExactly("1.", "2.");
	}

	@Test
	void numbersFollowedByDigitsAreNoHeadings() {
		ParsedPlan plan = only("一、投资\n1.5亿元用于场馆建设。\n2023年完成验收。\n1. 5个社区参加。\n3.14是圆周率。");

		assertThat(plan.sections()).hasSize(1);
		assertThat(plan.sections().get(0).children()).isEmpty();
		assertThat(plan.sections().get(0).text().lines()).hasSize(4);
	}

	@Test
	void titleStopsAtTheFirstFullStopOrColon() {
		ParsedPlan plan = only("一、指导思想：以科学发展观为指导。\n二、目标任务。巩固创建成果\n三、会议时间8:30开始");

		assertThat(plan.sections()).extracting(Section::title).containsExactly("指导思想", "目标任务", "会议时间8:30开始");
		assertThat(plan.sections()).extracting(Section::text).containsExactly("以科学发展观为指导。", "巩固创建成果", "");
	}

	@Test
	void ordinalListsInAParagraphBecomeChildren() {
		ParsedPlan plan = only("一、重点工作\n要抓好三项工作：一是加强学习，每月一次；二是开展活动。三是强化考核，年底评比。");

		Section work = plan.sections().get(0);
		assertThat(work.text()).isEqualTo("要抓好三项工作：");
		assertThat(work.children()).extracting(Section::number).containsExactly("一是", "二是", "三是");
		assertThat(work.children()).extracting(Section::title).containsExactly("加强学习，每月一次", "开展活动", "强化考核，年底评比");
		assertThat(work.children()).extracting(Section::level).containsOnly(2);
	}

	@Test
	void aLoneOrdinalOrOneInsideAWordIsNoList() {
		ParsedPlan plan = only("一、重点工作\n思想统一是前提，二是我们的口号。首先要学习。");

		assertThat(plan.sections().get(0).children()).isEmpty();
	}

	@Test
	void aLineEndingIn篇AndANumberStartsAPlan() {
		OutlineResult result = PlanOutlines.parse("某网站\n工作计划篇1\n一、学习\n工作计划篇2\n1.活动\n2.考核");

		assertThat(result.plans()).extracting(ParsedPlan::title).containsExactly("工作计划篇1", "工作计划篇2");
		assertThat(result.plans().get(1).sections()).extracting(Section::number).containsExactly("1.", "2.");
		assertThat(result.messages()).containsExactly(OutlineMessage.of("plan.outline.preambleSkipped", "1"));
	}

	@Test
	void aLineShapedLikeTheFirstWithAnotherNumberStartsAPlan() {
		OutlineResult result = PlanOutlines.parse("社区工作计划范文1\n一、学习\n社区工作计划范文1\n二、活动\n社区工作计划范文2\n一、考核");

		assertThat(result.plans()).extracting(ParsedPlan::title).containsExactly("社区工作计划范文1", "社区工作计划范文2");
		assertThat(result.plans().get(0).sections()).extracting(Section::title).containsExactly("学习", "活动");
		assertThat(result.messages()).isEmpty();
	}

	@Test
	void textWithoutStructureIsOneSectionAndSaysSo() {
		OutlineResult result = PlanOutlines.parse("今天召开全体会议，传达上级精神。大家一致同意。");

		assertThat(result.plans()).hasSize(1);
		Section whole = result.plans().get(0).sections().get(0);
		assertThat(whole.number()).isNull();
		assertThat(whole.level()).isEqualTo(1);
		assertThat(whole.title()).isEqualTo("今天召开全体会议，传达上级精神");
		assertThat(whole.text()).isEqualTo("今天召开全体会议，传达上级精神。大家一致同意。");
		assertThat(result.messages()).containsExactly(OutlineMessage.of("plan.outline.none"));
	}

	@Test
	void nothingAtAllIsStillOnePlanWithOneSection() {
		for (String text : new String[] { null, "", "   \n\u3000\n" }) {
			OutlineResult result = PlanOutlines.parse(text);
			assertThat(result.plans()).hasSize(1);
			assertThat(result.plans().get(0).sections()).hasSize(1);
			assertThat(result.messages()).containsExactly(OutlineMessage.of("plan.outline.none"));
		}
	}

	// ---- targets and figures ----------------------------------------------------------------------

	@Test
	void tellsTargetsFromFigures() {
		ParsedPlan plan = only("一、任务\n2023年3月召开动员大会，预计安排投资117.3亿元，全年开展志愿服务不少于10次，纪念建党100周年。");
		Section task = plan.sections().get(0);

		assertThat(task.targets()).containsExactly(new Target("全年开展志愿服务不少于10次", Comparator.GE, new BigDecimal("10"),
				"次", Period.YEAR, false, null));
		assertThat(task.figures()).extracting(Figure::value, Figure::unit)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(new BigDecimal("2023"), "年"),
					org.assertj.core.groups.Tuple.tuple(new BigDecimal("117.3"), "亿元"),
					org.assertj.core.groups.Tuple.tuple(new BigDecimal("100"), "周年"));
	}

	@Test
	void readsChineseNumeralsPercentagesAndTenths() {
		List<Target> targets = only("一、目标\n每年至少开展两次培训，志愿服务时间不少于二十小时，满意度达到百分之八十，覆盖率达到八成，参训人数超过1,200人。")
			.sections()
			.get(0)
			.targets();

		assertThat(targets).extracting(Target::comparator, Target::value, Target::unit, Target::period, Target::metric)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Comparator.GE, new BigDecimal("2"), "次", Period.YEAR, null),
					org.assertj.core.groups.Tuple.tuple(Comparator.GE, new BigDecimal("20"), "小时", null, "volunteer.hours"),
					org.assertj.core.groups.Tuple.tuple(Comparator.GE, new BigDecimal("80"), "%", null, null),
					org.assertj.core.groups.Tuple.tuple(Comparator.GE, new BigDecimal("80"), "%", null, null),
					org.assertj.core.groups.Tuple.tuple(Comparator.GE, new BigDecimal("1200"), "人", null, null));
	}

	@Test
	void readsUpperBoundsAndDecreases() {
		List<Target> targets = only("一、目标\n会议时长控制在2小时以内，每月检查不超过3次，投诉减少10%，差错率降低到1.5%以下，提高到一个新水平。")
			.sections()
			.get(0)
			.targets();

		assertThat(targets).extracting(Target::comparator, Target::value, Target::unit, Target::period, Target::relative)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(Comparator.LE, new BigDecimal("2"), "小时", null, false),
					org.assertj.core.groups.Tuple.tuple(Comparator.LE, new BigDecimal("3"), "次", Period.MONTH, false),
					org.assertj.core.groups.Tuple.tuple(Comparator.DECREASE, new BigDecimal("10"), "%", null, true),
					org.assertj.core.groups.Tuple.tuple(Comparator.LE, new BigDecimal("1.5"), "%", null, false));
	}

	@Test
	void suggestsMetricsForVolunteersAndNothingForTheUnknown() {
		List<Target> targets = only("一、目标\n注册志愿者占常住人口比例达到13%，人均志愿服务时间每年不少于20小时，绿化率达到40%。")
			.sections()
			.get(0)
			.targets();

		assertThat(targets).extracting(Target::metric).containsExactly("volunteer.registered_ratio", "volunteer.hours", null);
	}

	@Test
	void valuesHaveNoTrailingZerosAndNoExponent() {
		assertThat(Quantities.normalize(new BigDecimal("12.0")).toString()).isEqualTo("12");
		assertThat(Quantities.normalize(new BigDecimal("10")).toString()).isEqualTo("10");
		assertThat(Quantities.normalize(new BigDecimal("1.50")).toString()).isEqualTo("1.5");
	}

	@Test
	void everyMessageOfTheParserIsDefinedInBothLanguages() throws IOException {
		for (String file : new String[] { "/i18n/plan.properties", "/i18n/plan_en.properties" }) {
			Properties messages = new Properties();
			try (Reader reader = new InputStreamReader(getClass().getResourceAsStream(file), StandardCharsets.UTF_8)) {
				messages.load(reader);
			}
			assertThat(messages).containsKeys(OutlineParser.NONE, OutlineParser.FAILED, OutlineParser.PREAMBLE_SKIPPED,
					OutlineParser.PLAN_WITHOUT_OUTLINE);
		}
		Properties chinese = new Properties();
		try (Reader reader = new InputStreamReader(getClass().getResourceAsStream("/i18n/plan.properties"),
				StandardCharsets.UTF_8)) {
			chinese.load(reader);
		}
		assertThat(chinese.getProperty(OutlineParser.NONE)).isEqualTo("未识别到提纲");
	}

}
