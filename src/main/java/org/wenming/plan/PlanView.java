package org.wenming.plan;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan as its page shows it: the plan, how far it has got (weighted, in percent; {@code null}
 * while it has no task), the outline with each section's progress and tasks, and the targets with
 * their live status.
 */
public record PlanView(PlanSummary plan, Integer progress, List<SectionNode> sections, List<TargetView> targets) {

	public PlanView {
		sections = List.copyOf(sections);
		targets = List.copyOf(targets);
	}

	/**
	 * A section with its progress: the weighted average of its tasks (DONE counts 100, CANCELLED is
	 * left out) and of its subsections that have any; {@code null} when it has none.
	 * {@code taskProposed} marks a leaf below the top level that has no task yet: work to hand out.
	 */
	public record SectionNode(long id, Long parentId, int position, String number, String title, String body,
			int level, BigDecimal weight, Integer progress, boolean taskProposed, List<TaskLine> tasks,
			List<SectionNode> children) {

		public SectionNode {
			tasks = List.copyOf(tasks);
			children = List.copyOf(children);
		}

	}

	/** A task of a section, as the outline lists it. */
	public record TaskLine(long id, String title, long ownerOrgId, String ownerOrgName, String status,
			LocalDate deadline, int progress, BigDecimal weight) {
	}

}
