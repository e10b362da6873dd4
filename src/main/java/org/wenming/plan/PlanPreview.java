package org.wenming.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;

/**
 * What importing a plan document would store, for the user to check and fix before saving: each
 * plan's outline, the targets found with the state of their suggested metric, and the sections
 * proposed as tasks. A {@link Draft}, fixed or not, is what the import takes back; it reads the
 * outline API's {@link ParsedPlan} as well.
 */
public record PlanPreview(List<Draft> plans, List<OutlineMessage> messages) {

	public PlanPreview {
		plans = List.copyOf(plans);
		messages = List.copyOf(messages);
	}

	/** Whether a target's metric gives values: published, or named but 待接入, or none suggested. */
	public enum MetricState {

		AVAILABLE("已接入"), AWAITING("待接入"), NONE("未绑定");

		private final String label;

		MetricState(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

	}

	/**
	 * One plan of the document. Levels are taken from the nesting of {@code sections}: a level is
	 * fixed by moving a section under another.
	 */
	public record Draft(String title, String text, List<DraftTarget> targets, List<Figure> figures,
			List<DraftSection> sections) {

		public Draft {
			targets = targets == null ? List.of() : List.copyOf(targets);
			figures = figures == null ? List.of() : List.copyOf(figures);
			sections = sections == null ? List.of() : List.copyOf(sections);
		}

		/** The plan as the outline reader gives it, ready to store. */
		public ParsedPlan toParsedPlan() {
			return new ParsedPlan(title, sections(sections, 1), text == null ? "" : text, targets(targets), figures);
		}

		private static List<Section> sections(List<DraftSection> drafts, int level) {
			List<Section> sections = new ArrayList<>(drafts.size());
			for (DraftSection draft : drafts) {
				if (draft != null) {
					sections.add(new Section(draft.number(), draft.title() == null ? "" : draft.title(), level,
							draft.text() == null ? "" : draft.text(), targets(draft.targets()), draft.figures(),
							sections(draft.children(), level + 1)));
				}
			}
			return sections;
		}

		private static List<Target> targets(List<DraftTarget> drafts) {
			return drafts.stream()
				.filter(t -> t != null && t.comparator() != null && t.value() != null)
				.map(t -> new Target(t.text() == null ? "" : t.text(), t.comparator(), t.value(), t.unit(), t.period(),
						Boolean.TRUE.equals(t.relative()), t.metric()))
				.toList();
		}

	}

	/** A section of a draft; {@code level} and {@code taskProposed} are shown, not read back. */
	public record DraftSection(String number, String title, Integer level, String text, List<DraftTarget> targets,
			List<Figure> figures, Boolean taskProposed, List<DraftSection> children) {

		public DraftSection {
			targets = targets == null ? List.of() : List.copyOf(targets);
			figures = figures == null ? List.of() : List.copyOf(figures);
			children = children == null ? List.of() : List.copyOf(children);
		}

	}

	/** A target of a draft; {@code metricState} and {@code metricDescription} are shown, not read back. */
	public record DraftTarget(String text, Comparator comparator, BigDecimal value, String unit, Period period,
			Boolean relative, String metric, MetricState metricState, String metricDescription) {
	}

}
