package org.wenming.plan;

import java.util.List;
import java.util.Set;

import org.wenming.plan.Target.Period;

/**
 * Suggests a metric name for a target from the words of its sentence, its unit and period. A small
 * keyword table for now; it moves to the metric catalog when the {@code metric} module exists.
 */
final class MetricSuggestions {

	private MetricSuggestions() {
	}

	/** One rule: one word of every keyword group present, the unit among {@code units}, the period fits. */
	private record Rule(List<List<String>> keywords, Set<String> units, Period period, String metric) {

		Rule(String keywords, Set<String> units, Period period, String metric) {
			this(List.of(List.of(keywords.split("\\|"))), units, period, metric);
		}

		boolean matches(String text, String unit, Period period) {
			if (!units.isEmpty() && (unit == null || !units.contains(unit))) {
				return false;
			}
			if (this.period != null && this.period != period) {
				return false;
			}
			for (List<String> group : keywords) {
				if (group.stream().noneMatch(text::contains)) {
					return false;
				}
			}
			return true;
		}

	}

	private static final Set<String> HOURS = Set.of("小时", "学时");

	private static final List<Rule> RULES = List.of(
			new Rule("集中学习", Set.of("天", "日"), null, "study.collective_days"),
			new Rule("自学", HOURS, Period.WEEK, "study.self_study_hours_per_week"),
			new Rule("培训率", Set.of(), null, "education.training_rate"),
			new Rule("常课|课程", Set.of("门"), null, "education.regular_courses"),
			new Rule("学习型组织", Set.of("%"), null, "education.learning_org_ratio"),
			new Rule("注册志愿者|志愿者注册", Set.of(), null, "volunteer.registered_ratio"),
			new Rule("志愿", HOURS, null, "volunteer.hours"));

	/** Every metric name a rule may suggest, in the order of the rules. */
	static List<String> names() {
		return RULES.stream().map(Rule::metric).distinct().toList();
	}

	/** The suggested metric name, or {@code null} when no rule fits. */
	static String suggest(String text, String unit, Period period) {
		for (Rule rule : RULES) {
			if (rule.matches(text, unit, period)) {
				return rule.metric();
			}
		}
		return null;
	}

}
