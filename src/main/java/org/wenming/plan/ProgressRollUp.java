package org.wenming.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wenming.plan.PlanStore.SectionRow;
import org.wenming.plan.PlanStore.TaskRow;

/**
 * How far a plan has got: a section's progress is the weighted average of its tasks and of its
 * subsections that have any progress; a DONE task counts 100, a CANCELLED one is left out; the plan's
 * is the weighted average of its top sections. Nothing to average gives no progress ({@code null}),
 * not 0, so that an outline heading without tasks does not pull its parent down.
 */
final class ProgressRollUp {

	private ProgressRollUp() {
	}

	/** Progress in percent (unrounded) by section id, and of the whole plan under the key {@code null}. */
	static Map<Long, Double> of(List<SectionRow> sections, List<TaskRow> tasks) {
		Map<Long, List<SectionRow>> children = new HashMap<>();
		sections.forEach(s -> children.computeIfAbsent(s.parentId(), k -> new ArrayList<>()).add(s));
		Map<Long, List<TaskRow>> tasksBySection = new HashMap<>();
		tasks.forEach(t -> tasksBySection.computeIfAbsent(t.sectionId(), k -> new ArrayList<>()).add(t));
		Map<Long, Double> progress = new HashMap<>();
		progress.put(null, average(null, children, tasksBySection, progress));
		return progress;
	}

	private static Double average(Long sectionId, Map<Long, List<SectionRow>> children,
			Map<Long, List<TaskRow>> tasks, Map<Long, Double> progress) {
		double weighted = 0;
		double weights = 0;
		for (TaskRow task : tasks.getOrDefault(sectionId, List.of())) {
			if ("CANCELLED".equals(task.status())) {
				continue;
			}
			double weight = task.weight().doubleValue();
			weighted += weight * ("DONE".equals(task.status()) ? 100 : task.progress());
			weights += weight;
		}
		for (SectionRow child : children.getOrDefault(sectionId, List.of())) {
			Double own = average(child.id(), children, tasks, progress);
			progress.put(child.id(), own);
			if (own != null) {
				double weight = child.weight().doubleValue();
				weighted += weight * own;
				weights += weight;
			}
		}
		return weights > 0 ? weighted / weights : null;
	}

	/** A percentage as a whole number for progress bars. */
	static Integer percent(Double progress) {
		return progress == null ? null : (int) Math.round(progress);
	}

}
