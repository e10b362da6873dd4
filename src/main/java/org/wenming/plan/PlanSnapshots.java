package org.wenming.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.wenming.plan.PlanStore.PlanRow;
import org.wenming.plan.PlanStore.SectionRow;
import org.wenming.plan.PlanStore.TargetRow;
import org.wenming.plan.PlanStore.TaskRow;
import org.wenming.plan.Target.Comparator;
import org.wenming.plan.Target.Period;

/**
 * Writes a whole plan as text a person reads: its heading, then the outline in order, each section
 * with its text, targets and tasks, indented by level. Revisions keep it, and versions are compared
 * line by line, so each fact stands on a line of its own. How far tasks have got is no part of the
 * plan and is left out.
 */
final class PlanSnapshots {

	private static final String INDENT = "  ";

	private PlanSnapshots() {
	}

	static String render(PlanRow plan, List<SectionRow> sections, List<TargetRow> targets, List<TaskRow> tasks,
			Map<Long, String> orgNames) {
		Map<Long, List<SectionRow>> children = new LinkedHashMap<>();
		for (SectionRow section : sections) {
			children.computeIfAbsent(section.parentId(), k -> new ArrayList<>()).add(section);
		}
		children.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(SectionRow::position)
			.thenComparingLong(SectionRow::id)));
		Map<Long, List<TargetRow>> targetsBySection = new LinkedHashMap<>();
		targets.forEach(t -> targetsBySection.computeIfAbsent(t.sectionId(), k -> new ArrayList<>()).add(t));
		Map<Long, List<TaskRow>> tasksBySection = new LinkedHashMap<>();
		tasks.forEach(t -> tasksBySection.computeIfAbsent(t.sectionId(), k -> new ArrayList<>()).add(t));

		StringBuilder text = new StringBuilder();
		line(text, "", "计划：" + plan.title());
		line(text, "", "组织：" + orgNames.getOrDefault(plan.orgId(), ""));
		line(text, "", "年度：" + plan.year());
		line(text, "", "状态：" + plan.status().label());
		paragraphs(text, "", plan.leadText());
		for (TargetRow target : targetsBySection.getOrDefault(null, List.of())) {
			line(text, "", target(target, orgNames, plan.orgId()));
		}
		for (SectionRow top : children.getOrDefault(null, List.of())) {
			section(text, top, children, targetsBySection, tasksBySection, orgNames, plan.orgId());
		}
		return text.toString();
	}

	private static void section(StringBuilder text, SectionRow section, Map<Long, List<SectionRow>> children,
			Map<Long, List<TargetRow>> targets, Map<Long, List<TaskRow>> tasks, Map<Long, String> orgNames,
			long planOrgId) {
		String indent = INDENT.repeat(Math.max(section.level() - 1, 0));
		String inner = indent + INDENT;
		String weight = section.weight().compareTo(BigDecimal.ONE) == 0 ? "" : "（权重 " + section.weight().toPlainString() + "）";
		line(text, indent, (section.number() == null ? "" : section.number()) + section.title() + weight);
		paragraphs(text, inner, section.body());
		for (TargetRow target : targets.getOrDefault(section.id(), List.of())) {
			line(text, inner, target(target, orgNames, planOrgId));
		}
		for (TaskRow task : tasks.getOrDefault(section.id(), List.of())) {
			line(text, inner, "任务：" + task.title() + "（负责：" + orgNames.getOrDefault(task.ownerOrgId(), "")
					+ "；截止：" + (task.deadline() == null ? "未定" : task.deadline()) + "；权重 "
					+ task.weight().toPlainString() + "）");
		}
		for (SectionRow child : children.getOrDefault(section.id(), List.of())) {
			section(text, child, children, targets, tasks, orgNames, planOrgId);
		}
	}

	static String target(TargetRow target, Map<Long, String> orgNames, long planOrgId) {
		StringBuilder line = new StringBuilder("目标：").append(target.text()).append("（");
		line.append(target.metric() == null ? "未绑定指标" : "指标 " + target.metric());
		line.append("，").append(comparator(target.comparator())).append(' ').append(target.threshold().toPlainString());
		if (target.unit() != null) {
			line.append(target.unit());
		}
		if (target.relative()) {
			line.append("，相对基数 ").append(target.baseline() == null ? "未定" : target.baseline().toPlainString());
		}
		line.append("，").append(period(target.period()));
		if (target.orgId() != planOrgId) {
			line.append("，范围 ").append(orgNames.getOrDefault(target.orgId(), ""));
		}
		return line.append("）").toString();
	}

	static String comparator(Comparator comparator) {
		return switch (comparator) {
			case GE -> "≥";
			case LE -> "≤";
			case EQ -> "=";
			case INCREASE -> "增加";
			case DECREASE -> "减少";
		};
	}

	static String period(Period period) {
		return switch (period == null ? Period.YEAR : period) {
			case YEAR -> "按年";
			case HALF_YEAR -> "按半年";
			case QUARTER -> "按季度";
			case MONTH -> "按月";
			case WEEK -> "按周";
		};
	}

	private static void paragraphs(StringBuilder text, String indent, String body) {
		if (body == null || body.isBlank()) {
			return;
		}
		for (String paragraph : body.strip().split("\\R")) {
			if (!paragraph.isBlank()) {
				line(text, indent, paragraph.strip());
			}
		}
	}

	private static void line(StringBuilder text, String indent, String line) {
		text.append(indent).append(line).append('\n');
	}

}
