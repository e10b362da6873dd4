package org.wenming.plan.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.plan.PlanDocument;
import org.wenming.plan.PlanExports;
import org.wenming.plan.PlanManagement;
import org.wenming.plan.PlanRevision;
import org.wenming.plan.PlanSummary;
import org.wenming.plan.PlanView;
import org.wenming.plan.PrintView;
import org.wenming.plan.TargetView;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.DocumentWork;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The plan pages (工作计划): the plans of an org and year, one plan with its outline, progress, tasks
 * and targets, its revisions, and its exports.
 */
@Controller
@RequestMapping("/plans")
class PlanPages {

	private final PlanManagement plans;

	private final PlanExports exports;

	private final OrgDirectory orgs;

	private final MessageSource messages;

	private final Clock clock;

	PlanPages(PlanManagement plans, PlanExports exports, OrgDirectory orgs, MessageSource messages, Clock clock) {
		this.plans = plans;
		this.exports = exports;
		this.orgs = orgs;
		this.messages = messages;
		this.clock = clock;
	}

	/** The year it is now in the configured zone (the clock's). */
	int thisYear() {
		return LocalDate.now(clock).getYear();
	}

	/** The years a plan may be for: a few back, one ahead. */
	List<Integer> years() {
		int now = thisYear();
		return IntStream.rangeClosed(0, 6).map(i -> now + 1 - i).boxed().toList();
	}

	@GetMapping
	String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) Integer year,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		int chosenYear = year == null ? thisYear() : year;
		List<PlanSummary> found = plans.list(orgId, chosenYear);
		Map<Long, Integer> progress = new LinkedHashMap<>();
		for (PlanSummary plan : found) {
			progress.put(plan.id(), plans.view(plan.id()).progress());
		}
		model.addAttribute("plans", found);
		model.addAttribute("progress", progress);
		model.addAttribute("orgOptions", orgs.visibleTree(false));
		model.addAttribute("years", years());
		model.addAttribute("orgId", orgId);
		model.addAttribute("year", chosenYear);
		// htmx asks for the results only; a history restore asks for the whole page
		response.addHeader("Vary", "HX-Request");
		boolean fragment = "true".equals(request.getHeader("HX-Request"))
				&& !"true".equals(request.getHeader("HX-History-Restore-Request"));
		return fragment ? "plan/list :: results" : "plan/list";
	}

	@GetMapping("/{id:\\d+}")
	String plan(@PathVariable long id, Model model) {
		PlanView view = plans.view(id);
		model.addAttribute("view", view);
		model.addAttribute("plan", view.plan());
		model.addAttribute("planTargets", view.targets().stream().filter(t -> t.sectionId() == null).toList());
		model.addAttribute("sectionTargets", view.targets()
			.stream()
			.filter(t -> t.sectionId() != null)
			.collect(Collectors.groupingBy(TargetView::sectionId)));
		return "plan/plan";
	}

	@PostMapping("/{id:\\d+}/publish")
	String publish(@PathVariable long id, RedirectAttributes redirect) {
		try {
			plans.publish(id);
			redirect.addFlashAttribute("flashSuccess", text("plan.page.published"));
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/plans/" + id;
	}

	@PostMapping("/{id:\\d+}/archive")
	String archive(@PathVariable long id, RedirectAttributes redirect) {
		try {
			plans.archive(id);
			redirect.addFlashAttribute("flashSuccess", text("plan.page.archived"));
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/plans/" + id;
	}

	@GetMapping("/{id:\\d+}/revisions")
	String revisions(@PathVariable long id, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, Model model) {
		PlanSummary plan = plans.get(id);
		List<PlanRevision> revisions = plans.revisions(id);
		model.addAttribute("plan", plan);
		model.addAttribute("revisions", revisions);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		if (from != null && to != null) {
			try {
				model.addAttribute("comparison", plans.compare(id, from, to));
			}
			catch (DomainException ex) {
				if (ex.status().value() == 404 && revisions.isEmpty()) {
					throw ex;
				}
				model.addAttribute("compareError", text(ex.code(), ex.args()));
			}
		}
		return "plan/revisions";
	}

	@GetMapping("/{id:\\d+}/export.docx")
	@DocumentWork
	ResponseEntity<byte[]> docx(@PathVariable long id) {
		PlanDocument document = PlanDocumentMapping.of(plans.view(id));
		return file(exports.docx(document), PlanExportApi.DOCX, document, "docx");
	}

	@GetMapping("/{id:\\d+}/export.pdf")
	@DocumentWork
	ResponseEntity<byte[]> pdf(@PathVariable long id) {
		PlanDocument document = PlanDocumentMapping.of(plans.view(id));
		return file(exports.pdf(document), MediaType.APPLICATION_PDF, document, "pdf");
	}

	@GetMapping("/{id:\\d+}/print")
	String print(@PathVariable long id, Model model) {
		model.addAttribute("view", PrintView.of(PlanDocumentMapping.of(plans.view(id))));
		model.addAttribute("pdf", false);
		return PlanExports.PRINT_TEMPLATE;
	}

	private ResponseEntity<byte[]> file(byte[] body, MediaType type, PlanDocument document, String extension) {
		String name = document.title().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "").strip();
		if (name.length() > 80) {
			name = name.substring(0, 80);
		}
		if (name.isEmpty()) {
			name = text("plan.export.untitled");
		}
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename(name + "." + extension, StandardCharsets.UTF_8)
				.build()
				.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	/** An org as the filter lists it. */
	static String label(Org org) {
		return "　".repeat(Math.max(0, org.depth())) + org.name();
	}

}
