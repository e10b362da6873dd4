package org.wenming.volunteer.web;

import java.math.BigDecimal;
import java.util.ArrayList;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;

import org.wenming.activity.Activities;
import org.wenming.activity.HoursCharts;
import org.wenming.activity.HoursLedger;
import org.wenming.activity.HoursSummary;
import org.wenming.platform.web.Page;
import org.wenming.directory.DataScopes;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.directory.PersonCommand;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.DocumentWork;
import org.wenming.platform.web.Page;
import org.wenming.volunteer.Certificates;
import org.wenming.volunteer.StarLevels;
import org.wenming.volunteer.StarThresholds;
import org.wenming.volunteer.Volunteer;
import org.wenming.volunteer.VolunteerProperties;
import org.wenming.volunteer.VolunteerRegistration;
import org.wenming.volunteer.VolunteerStatus;
import org.wenming.volunteer.Volunteers;

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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The admin pages of volunteers: the list with filters and the review queue, a unit's registration,
 * one volunteer with review and deregistration, no-show candidates, star thresholds and the seal.
 */
@Controller
class VolunteerPages {

	/** Activities served per page of a volunteer's history. */
	static final int HISTORY_PAGE = 10;

	private final Volunteers volunteers;

	private final StarLevels stars;

	private final Certificates certificates;

	private final People people;

	private final Activities activities;

	private final VolunteerProperties properties;

	private final VolunteerChoices choices;

	private final MessageSource messages;

	private final HoursLedger ledger;

	private final HoursCharts charts;

	VolunteerPages(Volunteers volunteers, StarLevels stars, Certificates certificates, People people,
			Activities activities, VolunteerProperties properties, VolunteerChoices choices, MessageSource messages,
			HoursLedger ledger, HoursCharts charts) {
		this.ledger = ledger;
		this.charts = charts;
		this.volunteers = volunteers;
		this.stars = stars;
		this.certificates = certificates;
		this.people = people;
		this.activities = activities;
		this.properties = properties;
		this.choices = choices;
		this.messages = messages;
	}

	/** Volunteers shown on one page of the list, and registrations waiting shown above it. */
	static final int PAGE_SIZE = 30;

	static final int PENDING_SHOWN = 10;

	@GetMapping("/volunteers")
	String list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) VolunteerStatus status,
			@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request) {
		long total = volunteers.count(orgId, status, q);
		int number = (int) Math.max(0, Math.min(page, (total - 1) / PAGE_SIZE));
		String filters = VolunteerListExport.filters(orgId, status, q);
		model.addAttribute("volunteers",
				new Page<>(volunteers.search(orgId, status, q, number * PAGE_SIZE, PAGE_SIZE), number, PAGE_SIZE,
						total, request.getContextPath() + "/volunteers" + filters));
		model.addAttribute("pending", volunteers.search(orgId, VolunteerStatus.PENDING, null, PENDING_SHOWN));
		model.addAttribute("pendingTotal", volunteers.count(orgId, VolunteerStatus.PENDING, null));
		model.addAttribute("exportLink", request.getContextPath() + "/volunteers/export.xlsx" + filters);
		model.addAttribute("orgOptions", choices.inScope(Permission.VOLUNTEER_READ));
		model.addAttribute("statuses", VolunteerStatus.values());
		model.addAttribute("orgId", orgId);
		model.addAttribute("status", status);
		model.addAttribute("q", q);
		return "volunteer/list";
	}

	@GetMapping("/volunteers/new")
	String registerForm(Model model) {
		model.addAttribute("orgOptions", choices.inScope(Permission.VOLUNTEER_WRITE));
		model.addAttribute("educations", VolunteerRegistration.EDUCATIONS);
		model.addAttribute("politicalStatuses", PersonCommand.POLITICAL_STATUSES);
		return "volunteer/register";
	}

	/** A unit registers one of its people, found by the full ID number within the caller's scope. */
	@PostMapping("/volunteers")
	String register(@RequestParam String idNumber, VolunteerRegistration form, RedirectAttributes redirect) {
		try {
			var person = people.findByIdNumber(idNumber == null ? "" : idNumber)
				.orElseThrow(() -> DomainException.onField("idNumber", "volunteer.person.unknown"));
			Volunteer volunteer = volunteers.registerByUnit(new VolunteerRegistration(person.id(), form.orgId(), null,
					form.skills(), form.serviceAreas(), form.availability(), form.education(), form.politicalStatus(),
					form.emergencyContact(), form.emergencyPhone()));
			redirect.addFlashAttribute("flashSuccess", text("volunteer.page.registered", volunteer.volunteerNo()));
			return "redirect:/volunteers/" + volunteer.id();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
			return "redirect:/volunteers/new";
		}
	}

	@GetMapping("/volunteers/{id:\\d+}")
	String detail(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Model model) {
		Volunteer volunteer = volunteers.get(id);
		model.addAttribute("v", volunteer);
		HoursSummary summary = ledger.summary(volunteer.personId());
		model.addAttribute("totalHours", summary.totalHours().stripTrailingZeros().toPlainString());
		model.addAttribute("yearHours", summary.byYear()
			.getOrDefault(charts.thisMonth().getYear(), BigDecimal.ZERO)
			.stripTrailingZeros()
			.toPlainString());
		List<HoursSummary.ActivityHours> history = summary.byActivity();
		int number = Math.max(0, Math.min(page, (history.size() - 1) / HISTORY_PAGE));
		model.addAttribute("history", new Page<>(
				history.subList(number * HISTORY_PAGE, Math.min(history.size(), (number + 1) * HISTORY_PAGE)), number,
				HISTORY_PAGE, history.size(), "/volunteers/" + id));
		model.addAttribute("hoursByMonth", charts.personMonths(volunteer.personId()));
		model.addAttribute("hoursByYear", charts.personYears(volunteer.personId()));
		model.addAttribute("thresholds", stars.thresholds(volunteer.orgId()));
		model.addAttribute("certificateIssued", certificates.issuedTo(volunteer.personId()));
		model.addAttribute("revealPhone", volunteer.emergencyPhoneMasked() != null
				&& volunteers.mayViewInFull(volunteer.personId()));
		return "volunteer/detail";
	}

	/** Shows the emergency phone in full; the service audits every look. */
	@PostMapping("/volunteers/{id:\\d+}/emergency-phone")
	String emergencyPhone(@PathVariable long id, Model model) {
		model.addAttribute("emergencyPhone", volunteers.emergencyPhone(id));
		return detail(id, 0, model);
	}

	@PostMapping("/volunteers/{id:\\d+}/approve")
	String approve(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> volunteers.approve(id), "volunteer.page.approved");
	}

	@PostMapping("/volunteers/{id:\\d+}/reject")
	String reject(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(id, redirect, () -> volunteers.reject(id, reason), "volunteer.page.rejected");
	}

	@PostMapping("/volunteers/{id:\\d+}/deregister")
	String deregister(@PathVariable long id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return act(id, redirect, () -> volunteers.deregister(id, reason), "volunteer.page.deregistered");
	}

	/** Issues a new certificate (a write, so a POST with the CSRF token) and answers its PDF. */
	@PostMapping("/volunteers/{id:\\d+}/certificate")
	@DocumentWork
	ResponseEntity<byte[]> issueCertificate(@PathVariable long id) {
		return pdf(certificates.issueFor(id, verifyBase()));
	}

	/** The latest certificate issued, drawn again; nothing is issued by reading. */
	@GetMapping("/volunteers/{id:\\d+}/certificate.pdf")
	@DocumentWork
	ResponseEntity<byte[]> certificate(@PathVariable long id) {
		return pdf(certificates.latestFor(id, verifyBase()).orElseThrow(DomainException::notFound));
	}

	/**
	 * Registered volunteers of the caller's scope whose no-shows reached the limit: candidates for
	 * deregistration.
	 */
	@GetMapping("/volunteers/candidates")
	String candidates(Model model) {
		List<Candidate> candidates = new ArrayList<>();
		for (Volunteer volunteer : volunteers.search(null, VolunteerStatus.ACTIVE, null, 500)) {
			int noShows = activities.noShows(volunteer.personId());
			if (properties.reachesNoShowLimit(noShows)) {
				candidates.add(new Candidate(volunteer, noShows));
			}
		}
		model.addAttribute("candidates", candidates);
		model.addAttribute("limit", properties.noShowLimit());
		return "volunteer/candidates";
	}

	@GetMapping("/volunteers/stars")
	String starsForm(@RequestParam(required = false) Long orgId, Model model) {
		var options = choices.inScope(Permission.VOLUNTEER_READ);
		Long chosen = orgId != null ? orgId : options.isEmpty() ? null : options.get(0).id();
		model.addAttribute("orgOptions", options);
		model.addAttribute("orgId", chosen);
		model.addAttribute("thresholds", chosen == null ? StarThresholds.NATIONAL : stars.thresholds(chosen));
		model.addAttribute("national", StarThresholds.NATIONAL);
		model.addAttribute("hasSeal", chosen != null && certificates.hasSeal(chosen));
		return "volunteer/stars";
	}

	@PostMapping("/volunteers/stars")
	String setStars(@RequestParam long orgId, @RequestParam(name = "hours", required = false) List<BigDecimal> hours,
			@RequestParam(required = false) String reset, RedirectAttributes redirect) {
		try {
			if (reset != null) {
				stars.clearThresholds(orgId);
			}
			else {
				stars.setThresholds(orgId, hours);
			}
			redirect.addFlashAttribute("flashSuccess", text("volunteer.page.saved"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/volunteers/stars?orgId=" + orgId;
	}

	@PostMapping("/volunteers/seal")
	String uploadSeal(@RequestParam long orgId, @RequestParam("seal") MultipartFile seal, RedirectAttributes redirect)
			throws java.io.IOException {
		try {
			certificates.uploadSeal(orgId, seal.getBytes());
			redirect.addFlashAttribute("flashSuccess", text("volunteer.page.saved"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/volunteers/stars?orgId=" + orgId;
	}

	private String act(long id, RedirectAttributes redirect, Runnable action, String success) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", text(success));
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/volunteers/" + id;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

	static String verifyBase() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/certificates/").toUriString();
	}

	static ResponseEntity<byte[]> pdf(Certificates.Issued issued) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("志愿服务证明-" + issued.code() + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
			.body(issued.pdf());
	}

	record Candidate(Volunteer volunteer, int noShows) {
	}

}
