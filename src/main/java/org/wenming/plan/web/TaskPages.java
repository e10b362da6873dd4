package org.wenming.plan.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wenming.directory.Account;
import org.wenming.directory.Accounts;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.plan.Assignments;
import org.wenming.plan.ReviewDecision;
import org.wenming.plan.Submission;
import org.wenming.plan.SubmissionBoard;
import org.wenming.plan.Submissions;
import org.wenming.plan.Task;
import org.wenming.plan.TaskDetails;
import org.wenming.plan.TaskStatus;
import org.wenming.plan.Tasks;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.Page;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task pages: the board of the caller's scope, one task with its reports, forms and submission
 * board, one child org's submission, and what is assigned to the caller's orgs. Every form posts,
 * redirects back with a notice, or shows the page again with the refusal beside its field.
 */
@Controller
class TaskPages {

	static final int PAGE_SIZE = 30;

	private final Tasks tasks;

	private final Submissions submissions;

	private final OrgDirectory orgs;

	private final Accounts accounts;

	private final MessageSource messages;

	TaskPages(Tasks tasks, Submissions submissions, OrgDirectory orgs, Accounts accounts, MessageSource messages) {
		this.tasks = tasks;
		this.accounts = accounts;
		this.submissions = submissions;
		this.orgs = orgs;
		this.messages = messages;
	}

	// ---- board and assignments ------------------------------------------------------------------

	@GetMapping("/tasks")
	String board(@RequestParam(required = false) TaskStatus status, @RequestParam(required = false) Long ownerOrgId,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
		StringBuilder base = new StringBuilder(request.getContextPath() + "/tasks?");
		if (status != null) {
			base.append("status=").append(status.name()).append('&');
		}
		if (ownerOrgId != null) {
			base.append("ownerOrgId=").append(ownerOrgId).append('&');
		}
		String link = base.substring(0, base.length() - 1);
		Page<Task> result = tasks.board(status, ownerOrgId, Math.max(0, page), PAGE_SIZE).withBaseLink(link);
		model.addAttribute("page", result);
		model.addAttribute("orgNames", names(result.items().stream().map(Task::ownerOrgId).toList()));
		model.addAttribute("statuses", TaskStatus.values());
		model.addAttribute("status", status);
		model.addAttribute("ownerOrgId", ownerOrgId);
		model.addAttribute("orgOptions", orgs.visibleTree(false));
		return "plan/tasks";
	}

	@GetMapping("/assignments")
	String assignments(Model model) {
		Assignments mine = new Assignments(overdueFirst(tasks.ownedByMyOrgs()), submissions.dueFromMyOrgs()
			.stream()
			.sorted((a, b) -> Boolean.compare(b.overdueSince() != null, a.overdueSince() != null))
			.toList());
		model.addAttribute("assignments", mine);
		model.addAttribute("orgNames", names(mine.tasks().stream().map(Task::ownerOrgId).toList()));
		return "plan/assignments";
	}

	private static List<Task> overdueFirst(List<Task> list) {
		return list.stream()
			.sorted((a, b) -> Boolean.compare(b.status() == TaskStatus.OVERDUE, a.status() == TaskStatus.OVERDUE))
			.toList();
	}

	// ---- one task -------------------------------------------------------------------------------

	@GetMapping("/tasks/{id}")
	String task(@PathVariable long id, Model model) {
		TaskDetails details = tasks.details(id);
		Task task = details.task();
		model.addAttribute("details", details);
		model.addAttribute("task", task);
		List<Long> shown = new ArrayList<>(task.cooperatingOrgIds());
		shown.add(task.ownerOrgId());
		model.addAttribute("orgNames", names(shown));
		Set<String> usernames = new LinkedHashSet<>();
		details.reports().forEach(r -> {
			usernames.add(r.reportedBy());
			usernames.add(r.decidedBy());
		});
		model.addAttribute("people", people(usernames));
		model.addAttribute("actsForOwner", tasks.actsForOwner(task));
		model.addAttribute("actsForPlan", tasks.actsForPlan(task));
		model.addAttribute("children", orgs.visibleTree(false)
			.stream()
			.filter(org -> Long.valueOf(task.planOrgId()).equals(org.parentId()))
			.toList());
		SubmissionBoard board = null;
		try {
			board = submissions.board(id);
		}
		catch (DomainException notForThisCaller) {
			// only those who may read the plan's org see who submitted what
		}
		model.addAttribute("board", board == null || board.rows().isEmpty() ? null : board);
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "plan/task";
	}

	@GetMapping("/tasks/{id}/evidence/{evidenceId}")
	ResponseEntity<byte[]> taskEvidence(@PathVariable long id, @PathVariable long evidenceId) {
		return EvidenceResponses.download(tasks.evidence(id, evidenceId));
	}

	@PostMapping("/tasks/{id}/start")
	String start(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return onTask(id, () -> tasks.start(id), "plan.tasks.web.started", model, redirect, response);
	}

	@PostMapping("/tasks/{id}/progress")
	String progress(@PathVariable long id, @RequestParam(required = false) Integer progress, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return onTask(id, () -> tasks.updateProgress(id, progress), "plan.tasks.web.progressSaved", model, redirect,
				response);
	}

	@PostMapping("/tasks/{id}/reports")
	String report(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		var uploads = TaskApi.uploads(nonEmpty(files));
		return onTask(id, () -> tasks.report(id, text, uploads), "plan.tasks.web.reported", model, redirect, response);
	}

	@PostMapping("/tasks/{id}/accept")
	String accept(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		return onTask(id, () -> tasks.accept(id), "plan.tasks.web.accepted", model, redirect, response);
	}

	@PostMapping("/tasks/{id}/send-back")
	String sendBack(@PathVariable long id, @RequestParam(required = false) String reason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return onTask(id, () -> tasks.sendBack(id, reason), "plan.tasks.web.sentBack", model, redirect, response);
	}

	@PostMapping("/tasks/{id}/cancel")
	String cancel(@PathVariable long id, @RequestParam(required = false) String cancelReason, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return onTask(id, () -> {
			try {
				tasks.cancel(id, cancelReason);
			}
			catch (DomainException ex) {
				// both forms name their reason "reason" in the service; keep the two apart on the page
				if ("reason".equals(ex.field())) {
					throw DomainException.onField("cancelReason", ex.code(), ex.args());
				}
				throw ex;
			}
		}, "plan.tasks.web.cancelled", model, redirect, response);
	}

	@PostMapping("/tasks/{id}/distribute")
	String distribute(@PathVariable long id, @RequestParam(required = false) List<Long> orgIds, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return onTask(id, () -> submissions.distribute(id, orgIds), "plan.tasks.web.distributed", model, redirect,
				response);
	}

	@PostMapping("/tasks/{id}/remind")
	String remind(@PathVariable long id, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		int[] reminded = new int[1];
		String view = onTask(id, () -> reminded[0] = submissions.remind(id), "plan.tasks.web.reminded", model, redirect,
				response);
		if (view.startsWith("redirect:")) {
			redirect.addFlashAttribute("flashSuccess", text("plan.tasks.web.reminded", reminded[0]));
		}
		return view;
	}

	// ---- submissions ----------------------------------------------------------------------------

	@GetMapping("/submissions/{id}")
	String submission(@PathVariable long id, Model model) {
		Submission submission = submissions.get(id);
		model.addAttribute("submission", submission);
		Set<String> usernames = new LinkedHashSet<>();
		usernames.add(submission.submittedBy());
		usernames.add(submission.reviewedBy());
		model.addAttribute("people", people(usernames));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "plan/submission";
	}

	@GetMapping("/submissions/{id}/evidence/{evidenceId}")
	ResponseEntity<byte[]> submissionEvidence(@PathVariable long id, @PathVariable long evidenceId) {
		return EvidenceResponses.download(submissions.evidence(id, evidenceId));
	}

	@PostMapping("/submissions/{id}/submit")
	String submit(@PathVariable long id, @RequestParam(required = false) String text,
			@RequestParam(required = false) List<MultipartFile> files, Model model, RedirectAttributes redirect,
			HttpServletResponse response) throws IOException {
		var uploads = TaskApi.uploads(nonEmpty(files));
		try {
			submissions.submit(id, text, uploads);
			redirect.addFlashAttribute("flashSuccess", text("plan.tasks.web.submitted"));
			return "redirect:/submissions/" + id;
		}
		catch (DomainException ex) {
			refused(ex, model, response);
			return submission(id, model);
		}
	}

	@PostMapping("/submissions/{id}/review")
	String review(@PathVariable long id, @RequestParam(required = false) BigDecimal score,
			@RequestParam(required = false) String comment, @RequestParam(required = false) ReviewDecision decision,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		long taskId = submissions.get(id).taskId();
		return onTask(taskId, () -> submissions.review(id, score, comment, decision), "plan.tasks.web.reviewed", model,
				redirect, response);
	}

	// ---- helpers --------------------------------------------------------------------------------

	private String onTask(long id, Runnable action, String success, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", text(success));
			return "redirect:/tasks/" + id;
		}
		catch (DomainException ex) {
			refused(ex, model, response);
			return task(id, model);
		}
	}

	/** Not found and forbidden go to the error page; any other refusal shows beside its field. */
	private void refused(DomainException ex, Model model, HttpServletResponse response) {
		if (ex.status() == HttpStatus.NOT_FOUND || ex.status() == HttpStatus.FORBIDDEN) {
			throw ex;
		}
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put(ex.field() == null ? "global" : ex.field(), text(ex.code(), ex.args()));
		model.addAttribute("errors", errors);
		response.setStatus(ex.status() == HttpStatus.CONFLICT ? HttpStatus.CONFLICT.value()
				: HttpStatus.UNPROCESSABLE_CONTENT.value());
	}

	/**
	 * The names of the orgs a page shows. A task the caller may read names its orgs, in scope or not
	 * (a community sees its fellow community that helps with a task): never a bare number.
	 */
	private Map<Long, String> names(Collection<Long> shown) {
		Map<Long, String> names = new LinkedHashMap<>();
		for (Org org : orgs.visibleTree(true)) {
			names.put(org.id(), org.name());
		}
		for (Long id : shown) {
			if (id != null && !names.containsKey(id)) {
				orgs.find(id).ifPresent(org -> names.put(org.id(), org.name()));
			}
		}
		return names;
	}

	/** The people behind the user names a page shows, by name; the system's own work as such. */
	Map<String, String> people(Collection<String> usernames) {
		Map<String, String> people = new LinkedHashMap<>();
		for (String username : usernames) {
			if (username != null && !people.containsKey(username)) {
				people.put(username, accounts.findByUsername(username)
					.map(Account::personName)
					.orElseGet(() -> text("plan.tasks.web.bySystem")));
			}
		}
		return people;
	}

	private static List<MultipartFile> nonEmpty(List<MultipartFile> files) {
		return files == null ? List.of() : files.stream().filter(file -> !file.isEmpty()).toList();
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
