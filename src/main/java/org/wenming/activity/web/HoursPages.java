package org.wenming.activity.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.wenming.activity.CheckIns;
import org.wenming.activity.HoursAnomalies;
import org.wenming.activity.HoursCharts;
import org.wenming.activity.HoursExport;
import org.wenming.activity.HoursLedger;
import org.wenming.activity.Signups;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.platform.DomainException;
import org.wenming.platform.Times;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.DocumentWork;
import org.wenming.platform.web.PickerSearch;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
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
 * The hours pages: an activity's attendance with confirmation and 集体录入, the confirmation queue
 * with corrections, anomalies, the Excel export, and the volunteer's phone pages to scan (handled
 * by {@link CheckInPages}) and to see their hours. Refusals are shown by the page exception
 * handler with their message.
 */
@Controller
class HoursPages {


	private final CheckIns checkIns;

	private final HoursLedger ledger;

	private final HoursAnomalies anomalies;

	private final HoursExport export;

	private final MessageSource messages;

	private final Times times;

	private final HoursCharts charts;

	private final Signups signups;

	private final People people;

	private final PickerSearch search;

	HoursPages(CheckIns checkIns, HoursLedger ledger, HoursAnomalies anomalies, HoursExport export,
			MessageSource messages, Times times, HoursCharts charts, Signups signups, People people,
			PickerSearch search) {
		this.times = times;
		this.charts = charts;
		this.signups = signups;
		this.people = people;
		this.search = search;
		this.messages = messages;
		this.checkIns = checkIns;
		this.ledger = ledger;
		this.anomalies = anomalies;
		this.export = export;
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
			.filename("志愿服务时长" + LocalDate.now(times.zone()) + ".xlsx", StandardCharsets.UTF_8)
			.build()
			.toString());
		export.write(response.getOutputStream());
	}

	@GetMapping("/m/scan")
	String scan() {
		return "mobile/scan";
	}

	@GetMapping("/m/hours")
	String myHours(@AuthenticationPrincipal WenmingUser user, @RequestParam(defaultValue = "0") int page, Model model,
			jakarta.servlet.http.HttpServletRequest request) {
		model.addAttribute("totalHours", ledger.totalHours(user.personId()));
		model.addAttribute("entries", org.wenming.platform.web.Page.of(ledger.entries(user.personId()), page,
				MyHoursExport.PAGE_SIZE, request.getContextPath() + "/m/hours"));
		model.addAttribute("hoursByMonth", charts.personMonths(user.personId()));
		model.addAttribute("hoursByYear", charts.personYears(user.personId()));
		return "mobile/hours";
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	private java.time.OffsetDateTime time(String local) {
		try {
			return times.instant(LocalDateTime.parse(local));
		}
		catch (RuntimeException ex) {
			throw DomainException.onField("checkedInAt", "hours.group.period");
		}
	}

}
