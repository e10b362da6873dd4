package org.wenming.plan.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.wenming.directory.OrgDirectory;
import org.wenming.plan.PlanDocuments;
import org.wenming.plan.PlanManagement;
import org.wenming.plan.PlanPreview;
import org.wenming.plan.PlanPreview.DraftSection;
import org.wenming.plan.PlanPreview.DraftTarget;
import org.wenming.plan.PlanSummary;
import org.wenming.plan.PlanTargets;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.DocumentWork;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Importing a plan document (导入计划): paste its text or upload a .txt/.docx file, check the outline
 * and the targets found, fix levels and metrics, and save one plan of it.
 *
 * <p>
 * The text travels with the preview form and is read again on saving, so nothing is kept between
 * the two requests; the levels and metrics chosen are applied to the sections and targets in reading
 * order.
 */
@Controller
@RequestMapping("/plans")
class PlanImportPages {

	static final int MAX_LEVEL = 4;

	private final PlanManagement plans;

	private final PlanTargets targets;

	private final PlanDocuments documents;

	private final OrgDirectory orgs;

	private final PlanPages pages;

	private final MessageSource messages;

	PlanImportPages(PlanManagement plans, PlanTargets targets, PlanDocuments documents, OrgDirectory orgs,
			PlanPages pages, MessageSource messages) {
		this.plans = plans;
		this.targets = targets;
		this.documents = documents;
		this.orgs = orgs;
		this.pages = pages;
		this.messages = messages;
	}

	@GetMapping("/import")
	String form(Model model) {
		return form(model, null, null, pages.thisYear());
	}

	@PostMapping("/import/preview")
	@DocumentWork
	String preview(@RequestParam(required = false) String text, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year, Model model,
			HttpServletResponse response) throws IOException {
		int chosenYear = year == null ? pages.thisYear() : year;
		try {
			String content = text;
			if (file != null && !file.isEmpty()) {
				content = documents.text(file.getOriginalFilename(), file.getBytes());
			}
			if (content == null || content.isBlank()) {
				throw DomainException.onField("text", "plan.page.textMissing");
			}
			PlanPreview preview = plans.preview(content);
			model.addAttribute("preview", preview);
			model.addAttribute("content", content);
			model.addAttribute("metrics", targets.metrics());
			model.addAttribute("metricNames",
					targets.metrics().stream().map(PlanTargets.MetricChoice::name).collect(Collectors.toSet()));
			model.addAttribute("levels", List.of(1, 2, 3, 4));
			model.addAttribute("rowsByPlan", preview.plans().stream().map(d -> {
				List<Row> own = new ArrayList<>();
				flatten(d.sections(), 1, own);
				return own;
			}).toList());
		}
		catch (DomainException ex) {
			model.addAttribute("importError", text(ex.code(), ex.args()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		return form(model, text, orgId, chosenYear);
	}

	@PostMapping("/import")
	@DocumentWork
	String save(@RequestParam String content, @RequestParam(defaultValue = "0") int planIndex,
			@RequestParam Long orgId, @RequestParam int year,
			@RequestParam(name = "level", required = false) List<Integer> levels,
			@RequestParam(name = "metric", required = false) List<String> metrics, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		try {
			PlanPreview preview = plans.preview(content);
			if (planIndex < 0 || planIndex >= preview.plans().size()) {
				throw DomainException.onField("planIndex", "plan.page.noSuchPlan");
			}
			PlanPreview.Draft draft = fixed(preview.plans().get(planIndex), levels, metrics);
			PlanSummary saved = plans.createFromOutline(orgId, year, draft.toParsedPlan());
			redirect.addFlashAttribute("flashSuccess", text("plan.page.imported", saved.title()));
			return "redirect:/plans/" + saved.id();
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			model.addAttribute("importError", text(ex.code(), ex.args()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, content, orgId, year);
		}
	}

	private String form(Model model, String text, Long orgId, int year) {
		model.addAttribute("text", text);
		model.addAttribute("orgId", orgId);
		model.addAttribute("year", year);
		model.addAttribute("years", pages.years());
		model.addAttribute("orgOptions", orgs.visibleTree(false));
		return "plan/import";
	}

	/** A section in reading order, with its level in the outline as read. */
	record Row(DraftSection section, int level) {
	}

	static void flatten(List<DraftSection> sections, int level, List<Row> rows) {
		for (DraftSection section : sections) {
			rows.add(new Row(section, level));
			flatten(section.children(), level + 1, rows);
		}
	}

	/**
	 * The draft with the levels and metrics chosen: sections in reading order nest under the last one
	 * of a lower level (a level may go down by one at most); targets take the metric chosen for them,
	 * the plan's own first, then the sections' in reading order.
	 */
	static PlanPreview.Draft fixed(PlanPreview.Draft draft, List<Integer> levels, List<String> metrics) {
		List<Row> rows = new ArrayList<>();
		flatten(draft.sections(), 1, rows);
		int[] metricIndex = { 0 };
		List<DraftTarget> planTargets = new ArrayList<>();
		for (DraftTarget target : draft.targets()) {
			planTargets.add(withMetric(target, metrics, metricIndex[0]++));
		}
		List<Node> roots = new ArrayList<>();
		List<Node> stack = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			int level = levels != null && i < levels.size() && levels.get(i) != null ? levels.get(i) : row.level();
			level = Math.max(1, Math.min(Math.min(level, stack.size() + 1), MAX_LEVEL));
			List<DraftTarget> own = new ArrayList<>();
			for (DraftTarget target : row.section().targets()) {
				own.add(withMetric(target, metrics, metricIndex[0]++));
			}
			Node node = new Node(row.section(), own, new ArrayList<>());
			while (stack.size() >= level) {
				stack.remove(stack.size() - 1);
			}
			(stack.isEmpty() ? roots : stack.get(stack.size() - 1).children()).add(node);
			stack.add(node);
		}
		return new PlanPreview.Draft(draft.title(), draft.text(), planTargets, draft.figures(),
				roots.stream().map(Node::toDraft).toList());
	}

	private static DraftTarget withMetric(DraftTarget target, List<String> metrics, int index) {
		if (metrics == null || index >= metrics.size()) {
			return target;
		}
		String metric = metrics.get(index);
		return new DraftTarget(target.text(), target.comparator(), target.value(), target.unit(), target.period(),
				target.relative(), metric == null || metric.isBlank() ? null : metric, null, null);
	}

	private record Node(DraftSection section, List<DraftTarget> targets, List<Node> children) {

		DraftSection toDraft() {
			return new DraftSection(section.number(), section.title(), null, section.text(), targets,
					section.figures(), null, children.stream().map(Node::toDraft).toList());
		}

	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
