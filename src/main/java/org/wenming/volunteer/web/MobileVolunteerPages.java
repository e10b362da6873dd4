package org.wenming.volunteer.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wenming.activity.HoursLedger;
import org.wenming.directory.PersonCommand;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.BadInput;
import org.wenming.platform.web.PageExceptionHandler;
import org.wenming.platform.web.DocumentWork;
import org.wenming.volunteer.Certificates;
import org.wenming.volunteer.StarLevels;
import org.wenming.volunteer.Teams;
import org.wenming.volunteer.Volunteer;
import org.wenming.volunteer.VolunteerRegistration;
import org.wenming.volunteer.Volunteers;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The phone pages of volunteers: register, my volunteer card (number, stars, hours, certificate),
 * and teams near me to apply to, with my teams (and, for leaders, their applications).
 */
@Controller
class MobileVolunteerPages {

	private final Volunteers volunteers;

	private final Teams teams;

	private final StarLevels stars;

	private final Certificates certificates;

	private final HoursLedger ledger;

	private final VolunteerChoices choices;

	private final MessageSource messages;

	private final PageExceptionHandler pages;

	MobileVolunteerPages(Volunteers volunteers, Teams teams, StarLevels stars, Certificates certificates,
			HoursLedger ledger, VolunteerChoices choices, MessageSource messages, PageExceptionHandler pages) {
		this.pages = pages;
		this.volunteers = volunteers;
		this.teams = teams;
		this.stars = stars;
		this.certificates = certificates;
		this.ledger = ledger;
		this.choices = choices;
		this.messages = messages;
	}

	@GetMapping("/m/volunteer")
	String card(@AuthenticationPrincipal WenmingUser user, Model model) {
		Volunteer volunteer = volunteers.latest(user.personId()).orElse(null);
		model.addAttribute("v", volunteer);
		model.addAttribute("totalHours", ledger.totalHours(user.personId()));
		model.addAttribute("certificateIssued", certificates.issuedTo(user.personId()));
		if (volunteer != null) {
			model.addAttribute("thresholds", stars.thresholds(volunteer.orgId()));
		}
		var communities = volunteers.selfRegistrationOrgs(user.personId());
		model.addAttribute("communities", communities);
		// The registration defaults to the community the resident lives in (the first residential org of theirs).
		model.addAttribute("ownCommunityId", communities.stream().filter(o -> o.type().isResidential())
			.map(o -> o.id()).findFirst().orElse(null));
		model.addAttribute("educations", VolunteerRegistration.EDUCATIONS);
		model.addAttribute("politicalStatuses", PersonCommand.POLITICAL_STATUSES);
		return "mobile/volunteer";
	}

	@PostMapping("/m/volunteer")
	String register(@AuthenticationPrincipal WenmingUser user, VolunteerRegistration form, RedirectAttributes redirect,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		try {
			volunteers.registerSelf(user.personId(), form);
			redirect.addFlashAttribute("flashSuccess", text("volunteer.page.applied"));
			return "redirect:/m/volunteer";
		}
		catch (DomainException ex) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("formError", text(ex.code(), ex.args()));
			model.addAttribute("typed", BadInput.typed(request));
			return card(user, model);
		}
	}

	/** The labels of the registration form's fields, for messages about them. */
	private static final Map<String, String> REGISTRATION_LABELS = Map.ofEntries(
			Map.entry("idNumber", "volunteer.page.personIdNumber"), Map.entry("orgId", "volunteer.page.mine.community"),
			Map.entry("skills", "volunteer.page.skills"), Map.entry("serviceAreas", "volunteer.page.serviceAreas"),
			Map.entry("availability", "volunteer.page.availability"), Map.entry("education", "volunteer.page.education"),
			Map.entry("politicalStatus", "volunteer.page.politicalStatus"),
			Map.entry("emergencyContact", "volunteer.page.emergencyContact"),
			Map.entry("emergencyPhone", "volunteer.page.emergencyPhone"), Map.entry("reason", "volunteer.page.reason"));

	/**
	 * A field that could not be read (a control character, a choice that is no number): the
	 * registration form shows it above itself with what was typed; other pages say it.
	 */
	@ExceptionHandler({ MethodArgumentTypeMismatchException.class, BindException.class })
	ModelAndView badInput(Exception ex, HttpServletRequest request, HttpServletResponse response) {
		if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/m/volunteer")
				&& SecurityContextHolder.getContext().getAuthentication().getPrincipal() instanceof WenmingUser user) {
			Model model = new ExtendedModelMap();
			model.addAttribute("formError", BadInput.message(ex, messages, REGISTRATION_LABELS));
			model.addAttribute("typed", BadInput.typed(request));
			ModelAndView view = new ModelAndView(card(user, model), model.asMap());
			view.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return pages.withLayout(view, request);
		}
		return pages.badRequest(ex, response);
	}

	@PostMapping("/m/volunteer/deregister")
	String deregister(@AuthenticationPrincipal WenmingUser user, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		try {
			volunteers.deregisterSelf(user.personId(), reason);
			redirect.addFlashAttribute("flashSuccess", text("volunteer.page.deregistered"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/m/volunteer";
	}

	/** Issues a new certificate (a write, so a POST with the CSRF token) and answers its PDF. */
	@PostMapping("/m/volunteer/certificate")
	@DocumentWork
	ResponseEntity<byte[]> issueCertificate(@AuthenticationPrincipal WenmingUser user) {
		return VolunteerPages.pdf(certificates.issueForSelf(user.personId(), VolunteerPages.verifyBase()));
	}

	/** The latest certificate issued to me, drawn again; nothing is issued by reading. */
	@GetMapping("/m/volunteer/certificate.pdf")
	@DocumentWork
	ResponseEntity<byte[]> certificate(@AuthenticationPrincipal WenmingUser user) {
		return VolunteerPages.pdf(certificates.latestForSelf(user.personId(), VolunteerPages.verifyBase())
			.orElseThrow(DomainException::notFound));
	}

	@GetMapping("/m/teams")
	String teams(@AuthenticationPrincipal WenmingUser user, Model model) {
		var led = teams.led(user.personId());
		var ledIds = led.stream().map(team -> team.id()).collect(java.util.stream.Collectors.toSet());
		// A team I lead shows once, as 队长; a team I belong to or applied to is not offered to me again.
		var mine = teams.memberships(user.personId()).stream().filter(m -> !ledIds.contains(m.teamId())).toList();
		var joined = new java.util.HashSet<>(ledIds);
		mine.forEach(m -> joined.add(m.teamId()));
		model.addAttribute("near", teams.near(user.personId()).stream().filter(t -> !joined.contains(t.id())).toList());
		model.addAttribute("mine", mine);
		model.addAttribute("led", led);
		model.addAttribute("applications", led.stream().flatMap(team -> teams.members(team.id()).stream())
			.filter(member -> "PENDING".equals(member.status())).toList());
		return "mobile/teams";
	}

	@PostMapping("/m/teams/{id:\\d+}/apply")
	String apply(@AuthenticationPrincipal WenmingUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, () -> teams.apply(id, user.personId()), "volunteer.page.applied");
	}

	@PostMapping("/m/teams/{id:\\d+}/leave")
	String leave(@AuthenticationPrincipal WenmingUser user, @PathVariable long id, RedirectAttributes redirect) {
		return act(redirect, () -> teams.leave(id, user.personId()), "volunteer.page.saved");
	}

	@PostMapping("/m/teams/{id:\\d+}/applications/{applicationId:\\d+}/approve")
	String approve(@PathVariable long id, @PathVariable long applicationId, RedirectAttributes redirect) {
		return act(redirect, () -> teams.approve(id, applicationId), "volunteer.page.saved");
	}

	@PostMapping("/m/teams/{id:\\d+}/applications/{applicationId:\\d+}/reject")
	String reject(@PathVariable long id, @PathVariable long applicationId, RedirectAttributes redirect) {
		return act(redirect, () -> teams.reject(id, applicationId, null), "volunteer.page.saved");
	}

	private String act(RedirectAttributes redirect, Runnable action, String success) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", text(success));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/m/teams";
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
