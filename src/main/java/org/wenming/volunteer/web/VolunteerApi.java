package org.wenming.volunteer.web;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.wenming.activity.HoursLedger;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.DocumentWork;
import org.wenming.volunteer.CertificateCheck;
import org.wenming.volunteer.Certificates;
import org.wenming.volunteer.NewTeam;
import org.wenming.volunteer.StarLevels;
import org.wenming.volunteer.Team;
import org.wenming.volunteer.TeamMember;
import org.wenming.volunteer.Teams;
import org.wenming.volunteer.Volunteer;
import org.wenming.volunteer.VolunteerRegistration;
import org.wenming.volunteer.VolunteerStatus;
import org.wenming.volunteer.Volunteers;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Volunteers, teams and certificates as JSON: registration (by a unit or oneself), review,
 * deregistration, the list of an admin's scope (emergency phones masked), teams and applications,
 * one's own record, and the public verification of a certificate code.
 */
@RestController
class VolunteerApi {

	private final Volunteers volunteers;

	private final Teams teams;

	private final StarLevels stars;

	private final Certificates certificates;

	private final HoursLedger ledger;

	VolunteerApi(Volunteers volunteers, Teams teams, StarLevels stars, Certificates certificates, HoursLedger ledger) {
		this.volunteers = volunteers;
		this.teams = teams;
		this.stars = stars;
		this.certificates = certificates;
		this.ledger = ledger;
	}

	@PostMapping("/api/v1/volunteers")
	ResponseEntity<Volunteer> register(@Valid @RequestBody VolunteerRegistration body) {
		Volunteer volunteer = volunteers.registerByUnit(body);
		return ResponseEntity.created(URI.create("/api/v1/volunteers/" + volunteer.id())).body(volunteer);
	}

	@PostMapping("/api/v1/volunteers/me")
	ResponseEntity<Volunteer> registerSelf(@AuthenticationPrincipal WenmingUser user,
			@Valid @RequestBody VolunteerRegistration body) {
		Volunteer volunteer = volunteers.registerSelf(user.personId(), body);
		return ResponseEntity.created(URI.create("/api/v1/people/me/volunteer")).body(volunteer);
	}

	/** The emergency phone in full, for staff with person:full over the volunteer; audited. */
	@GetMapping("/api/v1/volunteers/{id}/emergency-phone")
	java.util.Map<String, String> emergencyPhone(@PathVariable long id) {
		return java.util.Collections.singletonMap("phone", volunteers.emergencyPhone(id));
	}

	@PostMapping("/api/v1/volunteers/{id}/approve")
	Volunteer approve(@PathVariable long id) {
		return volunteers.approve(id);
	}

	@PostMapping("/api/v1/volunteers/{id}/reject")
	Volunteer reject(@PathVariable long id, @Valid @RequestBody Reason body) {
		return volunteers.reject(id, body.reason());
	}

	@PostMapping("/api/v1/volunteers/{id}/deregister")
	Volunteer deregister(@PathVariable long id, @Valid @RequestBody Reason body) {
		return volunteers.deregister(id, body.reason());
	}

	@GetMapping("/api/v1/volunteers")
	List<Volunteer> list(@RequestParam(required = false) Long orgId, @RequestParam(required = false) VolunteerStatus status,
			@RequestParam(required = false) String q) {
		return volunteers.search(orgId, status, q, 200);
	}

	@GetMapping("/api/v1/people/me/volunteer")
	Mine mine(@AuthenticationPrincipal WenmingUser user) {
		Volunteer volunteer = volunteers.latest(user.personId()).orElse(null);
		BigDecimal total = ledger.totalHours(user.personId());
		List<BigDecimal> thresholds = volunteer == null ? List.of() : stars.thresholds(volunteer.orgId()).hours();
		return new Mine(volunteer, volunteer == null ? 0 : volunteer.starLevel(), total, thresholds,
				teams.memberships(user.personId()));
	}

	@PostMapping("/api/v1/teams")
	ResponseEntity<Team> createTeam(@Valid @RequestBody NewTeam body) {
		Team team = teams.create(body);
		return ResponseEntity.created(URI.create("/teams/" + team.id())).body(team);
	}

	@PostMapping("/api/v1/teams/{id}/applications")
	ResponseEntity<TeamMember> apply(@AuthenticationPrincipal WenmingUser user, @PathVariable long id) {
		TeamMember application = teams.apply(id, user.personId());
		return ResponseEntity.created(URI.create("/api/v1/teams/" + id + "/applications/" + application.id()))
			.body(application);
	}

	@PostMapping("/api/v1/teams/{id}/applications/{applicationId}/approve")
	TeamMember approveApplication(@PathVariable long id, @PathVariable long applicationId) {
		return teams.approve(id, applicationId);
	}

	/** Issues a certificate to the caller, a registered volunteer, and answers its PDF. */
	@PostMapping("/api/v1/people/me/volunteer/certificate")
	@DocumentWork
	ResponseEntity<byte[]> issueMine(@AuthenticationPrincipal WenmingUser user) {
		return issued(certificates.issueForSelf(user.personId(), VolunteerPages.verifyBase()),
				"/api/v1/people/me/volunteer/certificate.pdf");
	}

	/** The latest certificate issued to the caller (404 when none was); reading issues nothing. */
	@GetMapping("/api/v1/people/me/volunteer/certificate.pdf")
	@DocumentWork
	ResponseEntity<byte[]> myCertificate(@AuthenticationPrincipal WenmingUser user) {
		return VolunteerPages.pdf(certificates.latestForSelf(user.personId(), VolunteerPages.verifyBase())
			.orElseThrow(DomainException::notFound));
	}

	/** Issues a certificate to a registered volunteer in the caller's scope and answers its PDF. */
	@PostMapping("/api/v1/volunteers/{id}/certificate")
	@DocumentWork
	ResponseEntity<byte[]> issue(@PathVariable long id) {
		return issued(certificates.issueFor(id, VolunteerPages.verifyBase()), "/api/v1/volunteers/" + id + "/certificate.pdf");
	}

	/** The latest certificate the volunteer's org issued (404 when none was); reading issues nothing. */
	@GetMapping("/api/v1/volunteers/{id}/certificate.pdf")
	@DocumentWork
	ResponseEntity<byte[]> latest(@PathVariable long id) {
		return VolunteerPages.pdf(certificates.latestFor(id, VolunteerPages.verifyBase())
			.orElseThrow(DomainException::notFound));
	}

	private static ResponseEntity<byte[]> issued(Certificates.Issued issued, String latest) {
		ResponseEntity<byte[]> pdf = VolunteerPages.pdf(issued);
		return ResponseEntity.created(URI.create(latest)).headers(pdf.getHeaders()).body(pdf.getBody());
	}

	@GetMapping("/api/v1/certificates/{code}")
	CertificateCheck verify(@PathVariable String code) {
		CertificateCheck check = certificates.check(code);
		if (check.state() == CertificateCheck.State.UNKNOWN) {
			throw DomainException.notFound();
		}
		return check;
	}

	record Reason(@Size(max = 500) String reason) {
	}

	/** One's own registration (the latest, whatever became of it), stars, hours and teams. */
	record Mine(Volunteer volunteer, int starLevel, BigDecimal totalHours, List<BigDecimal> starThresholds,
			List<TeamMember> teams) {
	}

}
