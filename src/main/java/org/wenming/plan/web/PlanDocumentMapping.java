package org.wenming.plan.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.wenming.plan.PlanDocument;
import org.wenming.plan.PlanView;
import org.wenming.plan.TargetView;

/**
 * A stored plan as the document it prints as: its sections become parts, their tasks task lines
 * (任务：… 责任单位：… 完成时限：…) and their targets target lines. Targets of the whole plan are left
 * out: the lead text already says them.
 */
final class PlanDocumentMapping {

	private PlanDocumentMapping() {
	}

	static PlanDocument of(PlanView view) {
		Map<Long, List<String>> targetLines = new HashMap<>();
		for (TargetView target : view.targets()) {
			if (target.sectionId() != null) {
				targetLines.computeIfAbsent(target.sectionId(), k -> new ArrayList<>()).add("目标：" + target.text());
			}
		}
		return new PlanDocument(view.plan().title(), view.plan().orgName(), view.plan().year(),
				view.plan().leadText(), parts(view.sections(), targetLines));
	}

	private static List<PlanDocument.Part> parts(List<PlanView.SectionNode> nodes, Map<Long, List<String>> targets) {
		return nodes.stream()
			.map(node -> new PlanDocument.Part(node.number(), node.title(), node.body(),
					node.tasks().stream().map(PlanDocumentMapping::taskLine).toList(),
					targets.getOrDefault(node.id(), List.of()), parts(node.children(), targets)))
			.toList();
	}

	private static String taskLine(PlanView.TaskLine task) {
		StringBuilder line = new StringBuilder("任务：").append(task.title());
		if (task.ownerOrgName() != null) {
			line.append(" 责任单位：").append(task.ownerOrgName());
		}
		if (task.deadline() != null) {
			line.append(" 完成时限：").append(task.deadline());
		}
		return line.toString();
	}

}
