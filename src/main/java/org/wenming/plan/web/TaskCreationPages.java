package org.wenming.plan.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletResponse;

import org.wenming.directory.OrgDirectory;
import org.wenming.plan.PlanManagement;
import org.wenming.plan.PlanView;
import org.wenming.plan.Priority;
import org.wenming.plan.Recurrence;
import org.wenming.plan.TaskCommand;
import org.wenming.plan.Tasks;
import org.wenming.platform.DomainException;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Puts a task on a section of a plan (责任单位, 配合单位, 分管领导, deadline or recurrence, priority,
 * weight).
 */
@Controller
@RequestMapping("/plans/{planId:\\d+}/tasks")
class TaskCreationPages {

	private final PlanManagement plans;

	private final Tasks tasks;

	private final OrgDirectory orgs;

	private final MessageSource messages;

	TaskCreationPages(PlanManagement plans, Tasks tasks, OrgDirectory orgs, MessageSource messages) {
		this.plans = plans;
		this.tasks = tasks;
		this.orgs = orgs;
		this.messages = messages;
	}

	@GetMapping("/new")
	String form(@PathVariable long planId, @ModelAttribute("task") TaskForm task, Model model) {
		return show(planId, task, Map.of(), model);
	}

	@PostMapping
	String create(@PathVariable long planId, @ModelAttribute("task") TaskForm task, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			long id = tasks.create(task.toCommand());
			redirect.addFlashAttribute("flashSuccess", text("plan.taskForm.created", task.title()));
			return "redirect:/tasks/" + id;
		}
		catch (DomainException ex) {
			response.setStatus(ex.status().value() == 404 ? 404 : 422);
			String message = text(ex.code(), ex.args());
			return show(planId, task, Map.of(ex.field() == null ? "form" : ex.field(), message), model);
		}
	}

	private String show(long planId, TaskForm task, Map<String, String> errors, Model model) {
		PlanView view = plans.view(planId);
		List<Option> sections = new ArrayList<>();
		collect(view.sections(), sections);
		model.addAttribute("plan", view.plan());
		model.addAttribute("sections", sections);
		model.addAttribute("orgs", orgs.visibleTree(false).stream()
			.map(org -> new Option(org.id(), "\u3000".repeat(Math.max(0, org.depth())) + org.name()))
			.toList());
		model.addAttribute("recurrences", Recurrence.values());
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("errors", new TreeMap<>(errors));
		return "plan/task-form";
	}

	private static void collect(List<PlanView.SectionNode> nodes, List<Option> into) {
		for (PlanView.SectionNode node : nodes) {
			into.add(new Option(node.id(), "\u3000".repeat(Math.max(0, node.level() - 1))
					+ (node.number() == null ? "" : node.number()) + node.title()));
			collect(node.children(), into);
		}
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** One choice of a select. */
	record Option(long value, String text) {
	}

	/** The task form as posted; blank fields are absent. */
	record TaskForm(Long sectionId, String title, String description, Long ownerOrgId, List<Long> cooperatingOrgIds,
			String leader, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadline, Recurrence recurrence,
			Priority priority, BigDecimal weight) {

		TaskCommand toCommand() {
			return new TaskCommand(sectionId, title, description, ownerOrgId,
					cooperatingOrgIds == null ? List.of() : cooperatingOrgIds, leader, deadline, recurrence, priority,
					weight);
		}

	}

}
