package org.wenming.activity.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.wenming.activity.CheckInTokens;
import org.wenming.activity.CheckIns;
import org.wenming.activity.HoursAnomalies;
import org.wenming.activity.HoursExport;
import org.wenming.activity.HoursLedger;
import org.wenming.activity.Signups;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.DocumentWork;
import org.wenming.platform.web.PickerSearch;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The check-in and hours pages: the organizer's screen with the rotating QR code, an activity's
 * attendance with confirmation and 集体录入, the confirmation queue with corrections, anomalies,
 * the Excel export, and the volunteer's phone pages to scan and to see their hours. Refusals are
 * shown by the page exception handler with their message.
 */
@Controller
class HoursPages {

	private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

	private final CheckInTokens tokens;

	private final CheckIns checkIns;

	private final HoursLedger ledger;

	private final HoursAnomalies anomalies;

	private final HoursExport export;

	private final MessageSource messages;

	private final Signups signups;

	private final People people;

	private final PickerSearch search;

	HoursPages(CheckInTokens tokens, CheckIns checkIns, HoursLedger ledger, HoursAnomalies anomalies,
			HoursExport export, MessageSource messages, Signups signups, People people, PickerSearch search) {
		this.signups = signups;
		this.people = people;
		this.search = search;
		this.messages = messages;
		this.tokens = tokens;
		this.checkIns = checkIns;
		this.ledger = ledger;
		this.anomalies = anomalies;
		this.export = export;
	}

	@GetMapping("/activities/{id}/checkin")
	String checkinScreen(@PathVariable long id, Model model) {
		CheckInTokens.Token token = tokens.current(id);
		model.addAttribute("activityId", id);
		model.addAttribute("token", token);
		model.addAttribute("qrSvg", QrCodes.svg(token.token()));
		return "activity/checkin";
	}

	/** The current token for the screen's script: the same as the API's, through the page session. */
	@GetMapping("/activities/{id}/checkin/token")
	@ResponseBody
	ResponseEntity<HoursApi.TokenView> checkinToken(@PathVariable long id) {
		CheckInTokens.Token token = tokens.current(id);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(new HoursApi.TokenView(token.token(), token.code(), token.expiresAt(), QrCodes.svg(token.token())));
	}

	@GetMapping("/activities/{id}/attendance")
	String attendance(@PathVariable long id, Model model) {
		model.addAttribute("activityId", id);
		model.addAttribute("attendances", checkIns.ofActivity(id));
		// 集体录入 picks many people: those who signed up first, then people of the caller's scope;
		// the picker searches the rest by name.
		List<PickerSearch.Choice> choices = new java.util.ArrayList<>();
		java.util.Set<Long> offered = new java.util.HashSet<>();
		String signedUp = text("picker.signedUp");
		for (var signup : signups.ofActivity(id)) {
			if (offered.add(signup.personId())) {
				choices.add(PickerSearch.Choice.of(signup.personId(), signup.personName(), signedUp));
			}
		}
		for (var person : people.pick(null, Permission.ACTIVITY_WRITE, PickerSearch.LIMIT)) {
			if (offered.add(person.id())) {
				choices.add(person.choice());
			}
		}
		model.addAttribute("personChoices", choices);
		return "activity/attendance";
	}

	@PostMapping("/activities/{id}/attendance/confirm")
	String confirm(@PathVariable long id, @RequestParam(required = false) Long attendanceId,
			RedirectAttributes redirect) {
		int confirmed;
		if (attendanceId != null) {
			ledger.confirm(id, attendanceId);
			confirmed = 1;
		}
		else {
			confirmed = ledger.confirmAll(id).size();
		}
		redirect.addFlashAttribute("flashSuccess", text("hours.web.flash.confirmed", confirmed));
		return "redirect:/activities/" + id + "/attendance";
	}

	/** 集体录入: the same period for each person picked (the picker posts one {@code personId} per person). */
	@PostMapping("/activities/{id}/attendance/group")
	String recordGroup(@PathVariable long id, @RequestParam(name = "personId", required = false) List<Long> personIds,
			@RequestParam String checkedInAt, @RequestParam String checkedOutAt, RedirectAttributes redirect) {
		var in = time(checkedInAt);
		var out = time(checkedOutAt);
		checkIns.recordGroup(id, personIds == null ? List.of()
				: personIds.stream().filter(java.util.Objects::nonNull).distinct()
					.map(personId -> new CheckIns.GroupEntry(personId, in, out)).toList());
		redirect.addFlashAttribute("flashSuccess", text("hours.web.flash.group"));
		return "redirect:/activities/" + id + "/attendance";
	}

	@GetMapping("/hours")
	String queue(@RequestParam(required = false) Long entryId, Model model) {
		model.addAttribute("waiting", checkIns.awaitingConfirmation());
		model.addAttribute("entryChoices", ledger.correctable(null, PickerSearch.LIMIT).stream().map(this::choice).toList());
		model.addAttribute("entryId", entryId);
		return "hours/queue";
	}

	/** What the entry picker of 更正时长 searches: credits in the caller's scope, by person name or activity. */
	@GetMapping("/pickers/hours-entries")
	@ResponseBody
	List<PickerSearch.Choice> entries(@RequestParam(required = false) String q) {
		return ledger.correctable(search.charge(q), PickerSearch.LIMIT).stream().map(this::choice).toList();
	}

	private PickerSearch.Choice choice(HoursLedger.Correctable entry) {
		String title = entry.activityTitle() == null ? text("picker.entry.noActivity") : entry.activityTitle();
		return PickerSearch.Choice.of(entry.id(), entry.personName() + " · " + title,
				text("picker.entry.detail", entry.idNumberMasked() == null ? "" : entry.idNumberMasked(),
						entry.serviceDate().toString(), entry.hours().stripTrailingZeros().toPlainString()));
	}

	@PostMapping("/hours/corrections")
	String correct(@RequestParam long entryId, @RequestParam BigDecimal hours, @RequestParam String reason,
			RedirectAttributes redirect) {
		ledger.correct(entryId, hours, reason);
		redirect.addFlashAttribute("flashSuccess", text("hours.web.flash.corrected"));
		return "redirect:/hours";
	}

	@GetMapping("/hours/anomalies")
	String anomalies(Model model) {
		model.addAttribute("anomalies", anomalies.find());
		return "hours/anomalies";
	}

	@GetMapping("/hours/export")
	@DocumentWork
	void export(HttpServletResponse response) throws IOException {
		response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		response.setHeader("Content-Disposition", ContentDisposition.attachment()
			.filename("志愿服务时长" + LocalDate.now(ZONE) + ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		export.write(response.getOutputStream());
	}

	@GetMapping("/m/scan")
	String scan() {
		return "mobile/scan";
	}

	@PostMapping("/m/scan")
	String scanned(@RequestParam long activityId, @RequestParam(required = false) String token,
			@RequestParam(required = false) String code, @RequestParam(required = false) Double lat,
			@RequestParam(required = false) Double lng, @RequestParam(required = false) Double accuracy,
			@RequestParam String action, RedirectAttributes redirect) {
		CheckIns.Scan scan = new CheckIns.Scan(token, code, lat, lng, accuracy);
		if ("out".equals(action)) {
			checkIns.checkOut(activityId, scan);
			redirect.addFlashAttribute("flashSuccess", text("hours.web.flash.checkedOut"));
		}
		else {
			checkIns.checkIn(activityId, scan);
			redirect.addFlashAttribute("flashSuccess", text("hours.web.flash.checkedIn"));
		}
		return "redirect:/m/hours";
	}

	@GetMapping("/m/hours")
	String myHours(@AuthenticationPrincipal WenmingUser user, Model model) {
		model.addAttribute("totalHours", ledger.totalHours(user.personId()));
		model.addAttribute("entries", ledger.entries(user.personId()));
		return "mobile/hours";
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	private static java.time.OffsetDateTime time(String local) {
		try {
			return LocalDateTime.parse(local).atZone(ZONE).toOffsetDateTime();
		}
		catch (RuntimeException ex) {
			throw DomainException.onField("checkedInAt", "hours.group.period");
		}
	}

}
