package org.wenming.plan;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Any text at all gives an outline: random text, text assembled from the pieces plans are made of,
 * and adversarial text built to provoke slow paths. Calls the parser without its safety net, so a bug
 * shows as a failure here instead of a quiet fallback.
 */
class PlanOutlinesPropertiesTests {

	/** Generous: catches quadratic or exponential paths, not ordinary slowness (the benchmark does that). */
	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private static final List<String> PIECES = List.of("一、", "二、", "十一、", "（一）", "(二)", "（", ")", "1.", "2．", "3、",
			"12、", "（1）", "(2)", "①", "②", "⑴", "⒈", "一是", "二是", "三要", "首先，", "其次，", "第三，", "最后，", "指导思想",
			"：", ":", "。", "，", ",", "；", "！", "？", "\n", "\n\n", "\r\n", " ", "\u3000", "篇1", "篇2", "工作计划篇3", "范文1",
			"不少于", "不得少于", "至少", "达到", "到达", "以上", "以内", "控制在", "不超过", "增加", "提高到", "减少", "为", "12天",
			"6小时", "80%", "百分之", "八十", "八成", "两次", "1.5亿元", "117.3亿元", "2023年3月", "2023-03-11", "10周年",
			"20xx年", "1,000", "0", "9", "99999999999999999999", "全年", "每周", "每月", "上半年", "年", "集中学习", "自学",
			"培训率", "常课", "门", "学习型组织", "志愿", "注册志愿者", "abc", "x", "é", "😀", "\uD800", "\t", "“", "”",
			"在原有基础上", "一个新水平", "第", "百", "十", "零");

	@Property(tries = 1000)
	void anyStringGivesOnePlanOrMoreEachWithASection(@ForAll String text) {
		assertWellFormed(OutlineParser.parse(text));
	}

	@Property(tries = 1500)
	void textMadeOfPlanPiecesGivesAWellFormedOutline(@ForAll("planLike") String text) {
		assertWellFormed(OutlineParser.parse(text));
	}

	@Provide
	Arbitrary<String> planLike() {
		return Arbitraries.of(PIECES).list().ofMaxSize(300).map(pieces -> String.join("", pieces));
	}

	@Example
	void adversarialTextIsReadQuickly() {
		List<String> cases = Stream.of("一", "1", "1、", "一、", "一是", "首先，", "（", "(一", "不少于", "不少于1天", "1.", "百分之",
				"十", "第三，", "篇1\n", "2023年", "a1", "。", "以上5", "为1")
			.map(unit -> unit.repeat(100_000 / unit.length()))
			.toList();
		for (String text : cases) {
			assertTimeoutPreemptively(PATIENCE, () -> assertWellFormed(OutlineParser.parse(text)),
					() -> "too slow on " + text.substring(0, 20) + "…");
		}
	}

	@Example
	void longLinesWithoutPunctuationAndMixedScriptsAreReadQuickly() {
		StringBuilder noPunctuation = new StringBuilder("一、");
		StringBuilder mixed = new StringBuilder();
		StringBuilder numbers = new StringBuilder();
		java.util.Random random = new java.util.Random(42);
		String alphabet = "精神文明建设全年集中学习不得少于天小时abcXYZ0123456789αβγабв한국어العربية１２３（）()、.．";
		for (int i = 0; i < 100_000; i++) {
			noPunctuation.append((char) ('一' + random.nextInt(2000)));
			mixed.append(alphabet.charAt(random.nextInt(alphabet.length())));
			numbers.append(random.nextInt(10));
			if (random.nextInt(50) == 0) {
				numbers.append(random.nextBoolean() ? '.' : '\n');
			}
		}
		for (String text : List.of(noPunctuation.toString(), mixed.toString(), numbers.toString(),
				"\n".repeat(100_000), "1.\n".repeat(50_000), "一、甲\n(一)乙\n1.丙\n(1)丁\n①戊\n".repeat(5_000))) {
			assertTimeoutPreemptively(PATIENCE, () -> assertWellFormed(OutlineParser.parse(text)));
		}
	}

	private static void assertWellFormed(OutlineResult result) {
		assertThat(result.plans()).isNotEmpty();
		for (ParsedPlan plan : result.plans()) {
			assertThat(plan.sections()).isNotEmpty();
			assertThat(plan.text()).isNotNull();
			plan.sections().forEach(section -> assertWellFormed(section, 1));
		}
	}

	private static void assertWellFormed(Section section, int level) {
		assertThat(section.level()).isEqualTo(level);
		assertThat(section.title()).isNotNull();
		assertThat(section.text()).isNotNull();
		for (Target target : section.targets()) {
			assertThat(target.value()).isNotNull();
			assertThat(target.comparator()).isNotNull();
			assertThat(target.value().scale()).isNotNegative();
		}
		for (Figure figure : section.figures()) {
			assertThat(figure.value().scale()).isNotNegative();
		}
		section.children().forEach(child -> assertWellFormed(child, level + 1));
	}

}
