package org.wenming.volunteer.web;

import org.wenming.activity.HoursLedger;
import org.wenming.directory.PersonCommand;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.DocumentWork;
import org.wenming.volunteer.Certificates;
import org.wenming.volunteer.StarLevels;
import org.wenming.volunteer.Teams;
import org.wenming.volunteer.Volunteer;
import org.wenming.volunteer.VolunteerRegistration;
import org.wenming.volunteer.Volunteers;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
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

	MobileVolunteerPages(Volunteers volunteers, Teams teams, StarLevels stars, Certificates certificates,
			HoursLedger ledger, VolunteerChoices choices, MessageSource messages) {
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
	String register(@AuthenticationPrincipal WenmingUser user, VolunteerRegistration form, RedirectAttributes redirect) {
		try {
			volunteers.registerSelf(user.personId(), form);
			redirect.addFlashAttribute("flashSuccess", text("volunteer.page.applied"));
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/m/volunteer";
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
