package org.wenming.directory.web;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;

import org.wenming.directory.ImportKind;
import org.wenming.directory.ImportTemplates;
import org.wenming.directory.Imports;
import org.wenming.directory.OrgDirectory;
import org.wenming.directory.PeopleExport;
import org.wenming.directory.PersonCommand;
import org.wenming.directory.PersonQuery;
import org.wenming.directory.internal.ImportJob;
import org.wenming.directory.internal.ImportJobs;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.DocumentWork;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import page: upload forms, templates, the progress of background imports (polled by htmx)
 * with their row-error reports, and the people export.
 */
@Controller
class ImportPages {

	private final ImportJobs jobs;

	private final Imports imports;

	private final ImportTemplates templates;

	private final PeopleExport export;

	private final OrgDirectory orgs;

	private final MessageSource messages;

	private final Clock clock;

	ImportPages(ImportJobs jobs, Imports imports, ImportTemplates templates, PeopleExport export, OrgDirectory orgs,
			MessageSource messages, Clock clock) {
		this.clock = clock;
		this.jobs = jobs;
		this.imports = imports;
		this.templates = templates;
		this.export = export;
		this.orgs = orgs;
		this.messages = messages;
	}

	@GetMapping("/imports")
	String page(@AuthenticationPrincipal WenmingUser user, Model model) {
		model.addAttribute("jobs", jobs.recent(user.getUsername()));
		model.addAttribute("maxRows", imports.maxRows());
		model.addAttribute("kinds", ImportKind.values());
		if (user.getAuthorities().stream().anyMatch(a -> "export:run".equals(a.getAuthority()))) {
			model.addAttribute("exportOrgs", orgs.visibleTree(false));
		}
		model.addAttribute("tags", PersonCommand.TAGS);
		model.addAttribute("politicalStatuses", PersonCommand.POLITICAL_STATUSES);
		model.addAttribute("genders", PersonCommand.GENDERS);
		return "directory/imports";
	}

	@PostMapping("/imports/{kind:people|orgs}")
	String upload(@AuthenticationPrincipal WenmingUser user, @PathVariable String kind,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect,
			Locale locale) {
		Path saved;
		try {
			saved = Uploads.save(file);
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.code(), ex.args(), locale));
			return "redirect:/imports";
		}
		try {
			ImportJob job = jobs.start(ImportKind.of(kind), user.getUsername(), saved, file.getOriginalFilename());
			return "redirect:/imports/jobs/" + job.id();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", messages.getMessage(ex.code(), ex.args(), locale));
			return "redirect:/imports";
		}
	}

	@GetMapping("/imports/jobs/{id}")
	String job(@AuthenticationPrincipal WenmingUser user, @PathVariable String id,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
		ImportJob job = jobs.find(id, user.getUsername()).orElseThrow(DomainException::notFound);
		model.addAttribute("job", job);
		model.addAttribute("lines", job.problems().stream().map(p -> messages.getMessage(p.line(), locale)).toList());
		if (job.failureCode() != null) {
			model.addAttribute("failure", messages.getMessage(job.failureCode(), job.failureArgs(), locale));
		}
		return htmx != null ? "directory/import-job :: job" : "directory/import-job";
	}

	@GetMapping("/imports/templates/{kind:people|orgs}.{format:xlsx|csv}")
	ResponseEntity<byte[]> template(@PathVariable String kind, @PathVariable String format, Locale locale) {
		ImportKind importKind = ImportKind.of(kind);
		boolean xlsx = format.equals("xlsx");
		byte[] body = xlsx ? templates.xlsx(importKind, locale) : templates.csv(importKind, locale);
		return ResponseEntity.ok()
			.contentType(xlsx ? MediaType.parseMediaType(ExportResponses.XLSX)
					: new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ExportResponses.attachment(templates.name(importKind, locale) + "." + format))
			.body(body);
	}

	@GetMapping("/people/export")
	@DocumentWork
	void exportPeople(PersonQuery query, Locale locale, HttpServletResponse response) throws IOException {
		ExportResponses.prepare(response, export.name(locale), clock);
		export.write(query, locale, response.getOutputStream());
	}

}
