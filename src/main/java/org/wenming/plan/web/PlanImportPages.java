package org.wenming.plan.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.wenming.directory.OrgDirectory;
import org.wenming.plan.Figure;
import org.wenming.plan.ParsedPlan;
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
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * Importing a plan document (导入计划): paste its text or upload a .txt/.docx file, check the plans,
 * outlines and targets found, retitle a plan, drop what is not part of it, fix levels and metrics,
 * and save one plan or all of them at once.
 *
 * <p>
 * The text travels with the preview form and is read again on saving, so nothing is kept between
 * the two requests. What the user chose travels with it, per draft {@code d}: {@code title.d},
 * {@code save.d} (ticked to be saved with 全部保存), {@code level.d} and {@code metric.d} (one per
 * section and per target, in reading order) and {@code drop.d} (the sections left out).
 */
@Controller
@RequestMapping("/plans")
class PlanImportPages {

	static final int MAX_LEVEL = 4;

	private static final int TITLE_MAX = 200;

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
		String content = text;
		try {
			if (file != null && !file.isEmpty()) {
				content = documents.text(file.getOriginalFilename(), file.getBytes());
			}
			if (content == null || content.isBlank()) {
				throw DomainException.onField("text", "plan.page.textMissing");
			}
			showPreview(model, content, plans.preview(content), new LinkedMultiValueMap<>());
		}
		catch (DomainException ex) {
			model.addAttribute("importError", text(ex.code(), ex.args()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		}
		// the text read from an uploaded file shows in the text box, to be checked and edited
		return form(model, content, orgId, chosenYear);
	}

	/**
	 * Saves the draft whose own button was pressed ({@code only}), or every draft ticked (全部保存) in
	 * one transaction: all of them are stored, or none.
	 */
	@PostMapping("/import")
	@DocumentWork
	String save(@RequestParam(required = false) String content, @RequestParam(required = false) Integer only,
			@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		int chosenYear = year == null ? pages.thisYear() : year;
		if (content == null || content.isBlank()) {
			model.addAttribute("importError", text("plan.page.textMissing"));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(model, content, orgId, chosenYear);
		}
		PlanPreview preview = plans.preview(content);
		try {
			if (orgId == null) {
				throw DomainException.onField("orgId", "plan.page.orgMissing");
			}
			List<Integer> chosen = new ArrayList<>();
			for (int d = 0; d < preview.plans().size(); d++) {
				if (only == null ? params.containsKey("save." + d) : only == d) {
					chosen.add(d);
				}
			}
			if (chosen.isEmpty()) {
				throw DomainException.onField("planIndex", only == null ? "plan.page.noneChosen" : "plan.page.noSuchPlan");
			}
			List<ParsedPlan> parsed = new ArrayList<>();
			for (int d : chosen) {
				PlanPreview.Draft draft = preview.plans().get(d);
				String title = params.getFirst("title." + d);
				title = StringUtils.hasText(title) ? title.strip() : draft.title();
				if (title != null && title.length() > TITLE_MAX) {
					throw DomainException.onField("title", "plan.page.titleTooLong", d + 1, TITLE_MAX);
				}
				parsed.add(fixed(draft, title, integers(params.get("level." + d)), params.get("metric." + d),
						dropped(params.get("drop." + d)))
					.toParsedPlan());
			}
			List<PlanSummary> saved = plans.createAllFromOutline(orgId, chosenYear, parsed);
			if (saved.size() == 1) {
				redirect.addFlashAttribute("flashSuccess", text("plan.page.imported", saved.get(0).title()));
				return "redirect:/plans/" + saved.get(0).id();
			}
			redirect.addFlashAttribute("flashSuccess", text("plan.page.importedAll", saved.size(),
					String.join("、", saved.stream().map(PlanSummary::title).toList())));
			return "redirect:/plans?orgId=" + orgId + "&year=" + chosenYear;
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			model.addAttribute("importError", text(ex.code(), ex.args()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			showPreview(model, content, preview, params);
			return form(model, content, orgId, chosenYear);
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

	/** The preview with what the user chose so far ({@code params} empty: as the document reads). */
	private void showPreview(Model model, String content, PlanPreview preview, MultiValueMap<String, String> params) {
		boolean first = params.isEmpty();
		Map<String, String> labels = new LinkedHashMap<>();
		List<PlanTargets.MetricChoice> choices = targets.metrics();
		for (PlanTargets.MetricChoice choice : choices) {
			labels.put(choice.name(), metricLabel(choice.name(), choice.description())
					+ (choice.available() ? "" : " " + text("plan.page.awaiting")));
		}
		List<DraftForm> drafts = new ArrayList<>();
		for (int d = 0; d < preview.plans().size(); d++) {
			PlanPreview.Draft draft = preview.plans().get(d);
			List<Integer> levels = integers(params.get("level." + d));
			List<String> metrics = params.get("metric." + d);
			Set<Integer> drops = dropped(params.get("drop." + d));
			int[] t = { 0 };
			List<TargetForm> planTargets = new ArrayList<>();
			for (DraftTarget target : draft.targets()) {
				planTargets.add(target(target, t[0], metrics, labels));
				t[0]++;
			}
			List<Row> rows = new ArrayList<>();
			flatten(draft.sections(), 1, rows);
			List<RowForm> rowForms = new ArrayList<>();
			for (int r = 0; r < rows.size(); r++) {
				Row row = rows.get(r);
				List<TargetForm> own = new ArrayList<>();
				for (DraftTarget target : row.section().targets()) {
					own.add(target(target, t[0], metrics, labels));
					t[0]++;
				}
				int level = levels != null && r < levels.size() && levels.get(r) != null ? levels.get(r) : row.level();
				rowForms.add(new RowForm(r, row.section().number(), row.section().title(), level, drops.contains(r), own));
			}
			String title = params.getFirst("title." + d);
			drafts.add(new DraftForm(d, title == null ? draft.title() : title, first || params.containsKey("save." + d),
					rowForms, planTargets, draft.figures()));
		}
		model.addAttribute("preview", preview);
		model.addAttribute("drafts", drafts);
		model.addAttribute("content", content);
		model.addAttribute("metrics", choices);
		model.addAttribute("metricLabels", labels);
		model.addAttribute("levels", List.of(1, 2, 3, 4));
	}

	private TargetForm target(DraftTarget target, int index, List<String> chosen, Map<String, String> labels) {
		String metric = chosen != null && index < chosen.size() ? chosen.get(index) : target.metric();
		if (StringUtils.hasText(metric) && !labels.containsKey(metric)) {
			// a metric the catalog does not list (any more): named as well as can be, never by its code
			labels.put(metric, metricLabel(metric, target.metricDescription()) + " " + text("plan.page.awaiting"));
		}
		return new TargetForm(index, target, StringUtils.hasText(metric) ? metric : null);
	}

	/** A metric as people call it: the catalog's description, the suggestion's name, or a plain word. */
	private String metricLabel(String name, String description) {
		if (StringUtils.hasText(description)) {
			return description;
		}
		String known = messages.getMessage("plan.metric." + name, null, null, LocaleContextHolder.getLocale());
		return known != null ? known : text("plan.page.unnamedMetric");
	}

	/** One draft of the preview as the form shows it. */
	record DraftForm(int index, String title, boolean save, List<RowForm> rows, List<TargetForm> targets,
			List<Figure> figures) {

		/** Every target of the draft in reading order: the plan's own, then the sections'. */
		public List<TargetForm> allTargets() {
			List<TargetForm> all = new ArrayList<>(targets);
			rows.forEach(row -> all.addAll(row.targets()));
			return all;
		}

	}

	/** One section of a draft in reading order, with the level chosen and whether it is left out. */
	record RowForm(int index, String number, String title, int level, boolean dropped, List<TargetForm> targets) {
	}

	/** One target with the metric chosen for it, {@code null} for none. */
	record TargetForm(int index, DraftTarget target, String metric) {
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

	static PlanPreview.Draft fixed(PlanPreview.Draft draft, List<Integer> levels, List<String> metrics) {
		return fixed(draft, draft.title(), levels, metrics, Set.of());
	}

	/**
	 * The draft with the title, levels and metrics chosen and the sections dropped left out: sections in
	 * reading order nest under the last one kept of a lower level (a level may go down by one at most);
	 * targets take the metric chosen for them, the plan's own first, then the sections' in reading order.
	 * A section dropped takes its text and targets with it; its subsections stay, under the section
	 * before.
	 */
	static PlanPreview.Draft fixed(PlanPreview.Draft draft, String title, List<Integer> levels, List<String> metrics,
			Set<Integer> dropped) {
		List<Row> rows = new ArrayList<>();
		flatten(draft.sections(), 1, rows);
		int metricIndex = 0;
		List<DraftTarget> planTargets = new ArrayList<>();
		for (DraftTarget target : draft.targets()) {
			planTargets.add(withMetric(target, metrics, metricIndex++));
		}
		List<Node> roots = new ArrayList<>();
		List<Node> stack = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			List<DraftTarget> own = new ArrayList<>();
			for (DraftTarget target : row.section().targets()) {
				own.add(withMetric(target, metrics, metricIndex++));
			}
			if (dropped.contains(i)) {
				continue;
			}
			int level = levels != null && i < levels.size() && levels.get(i) != null ? levels.get(i) : row.level();
			level = Math.max(1, Math.min(Math.min(level, stack.size() + 1), MAX_LEVEL));
			Node node = new Node(row.section(), own, new ArrayList<>());
			while (stack.size() >= level) {
				stack.remove(stack.size() - 1);
			}
			(stack.isEmpty() ? roots : stack.get(stack.size() - 1).children()).add(node);
			stack.add(node);
		}
		return new PlanPreview.Draft(title, draft.text(), planTargets, draft.figures(),
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

	/** Numbers as posted; anything that is not one counts as not chosen. */
	private static List<Integer> integers(List<String> values) {
		if (values == null) {
			return null;
		}
		List<Integer> numbers = new ArrayList<>(values.size());
		for (String value : values) {
			try {
				numbers.add(value == null || value.isBlank() ? null : Integer.valueOf(value.strip()));
			}
			catch (NumberFormatException ex) {
				numbers.add(null);
			}
		}
		return numbers;
	}

	private static Set<Integer> dropped(List<String> values) {
		Set<Integer> rows = new HashSet<>();
		List<Integer> numbers = integers(values);
		if (numbers != null) {
			numbers.stream().filter(n -> n != null).forEach(rows::add);
		}
		return rows;
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
