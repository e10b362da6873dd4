package org.wenming.activity.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.wenming.activity.Activities;
import org.wenming.activity.Activity;
import org.wenming.activity.ActivityStatus;
import org.wenming.activity.Signup;
import org.wenming.activity.SignupResult;
import org.wenming.activity.SignupStatus;
import org.wenming.activity.Signups;
import org.wenming.directory.Org;
import org.wenming.directory.OrgDirectory;
import org.wenming.platform.DomainException;
import org.wenming.platform.Times;
import org.wenming.platform.security.WenmingUser;
import org.wenming.platform.web.Page;
import org.wenming.platform.web.Spreadsheets;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The phone pages of volunteers and residents: the hub (我的志愿), activities open to join (nearest
 * first when the browser gives its position), one activity with the sign-up button and the
 * caller's standing, and the caller's own sign-ups.
 */
@Controller
class MobilePages {

	private static final int LIST_MAX = 100;

	private final Activities activities;

	private final Signups signups;

	private final OrgDirectory orgs;

	private final MessageSource messages;

	private final java.time.Clock clock;

	private final Times times;

	MobilePages(Activities activities, Signups signups, OrgDirectory orgs, MessageSource messages, java.time.Clock clock,
			Times times) {
		this.times = times;
		this.clock = clock;
		this.activities = activities;
		this.signups = signups;
		this.orgs = orgs;
		this.messages = messages;
	}

	/** Everything a phone user can open (the tab 我的); {@code /m} itself is the home page of the volunteer module. */
	@GetMapping("/m/mine")
	String hub() {
		return "mobile/hub";
	}

	@GetMapping("/m/activities")
	String activities(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
			@AuthenticationPrincipal WenmingUser user, Model model) {
		boolean near = lat != null && lng != null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
		List<Nearby> found = activities.joinable(user.personId(), LIST_MAX)
			.stream()
			.map(a -> new Nearby(a, near && a.hasCoordinates() ? distanceMeters(lat, lng, a.lat(), a.lng()) : null))
			.toList();
		if (near) {
			found = found.stream()
				.sorted(Comparator.comparing((Nearby n) -> n.distance() == null ? Double.MAX_VALUE : n.distance())
					.thenComparing(n -> n.activity().startsAt()))
				.toList();
		}
		model.addAttribute("items", found);
		model.addAttribute("near", near);
		return "mobile/activities";
	}

	@GetMapping("/m/activities/{id:\\d+}")
	String activity(@PathVariable long id, Model model) {
		Activity activity = activities.get(id);
		Optional<Signup> mine = signups.mine(id).filter(s -> s.status() != SignupStatus.CANCELLED);
		model.addAttribute("activity", activity);
		model.addAttribute("organizer", orgs.find(activity.organizerOrgId()).map(Org::name).orElse(""));
		model.addAttribute("mine", mine.orElse(null));
		model.addAttribute("canSignUp", mine.isEmpty() && activity.status() == ActivityStatus.OPEN);
		model.addAttribute("photos", activities.photos(id));
		return "mobile/activity";
	}

	/** A photo of an activity the caller can see, for the phone page. */
	@GetMapping("/m/activities/{id:\\d+}/photos/{photoId:\\d+}")
	org.springframework.http.ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		return ActivityApi.photoResponse(activities.photo(id, photoId));
	}

	@PostMapping("/m/activities/{id:\\d+}/signup")
	String signUp(@PathVariable long id, RedirectAttributes redirect) {
		try {
			SignupResult result = signups.signUp(id);
			redirect.addFlashAttribute("flashSuccess", result.status() == SignupStatus.CONFIRMED
					? text("activity.mobile.signedUp") : text("activity.mobile.waitlisted", result.position()));
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/m/activities/" + id;
	}

	@PostMapping("/m/activities/{id:\\d+}/cancel")
	String cancel(@PathVariable long id, RedirectAttributes redirect) {
		try {
			signups.cancelMine(id);
			redirect.addFlashAttribute("flashSuccess", text("activity.mobile.cancelled"));
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/m/activities/" + id;
	}

	/** Past sign-ups shown on one page of my sign-ups. */
	static final int SIGNUPS_PAGE = 20;

	@GetMapping("/m/signups")
	String mySignups(@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request) {
		List<Signups.MySignup> all = signups.ofCaller();
		java.time.OffsetDateTime now = java.time.OffsetDateTime.now(clock);
		model.addAttribute("upcoming", all.stream()
			.filter(s -> !past(s, now))
			.sorted(Comparator.comparing(s -> s.activity().startsAt()))
			.toList());
		List<Signups.MySignup> past = all.stream().filter(s -> past(s, now)).toList();
		model.addAttribute("past", Page.of(past, page, SIGNUPS_PAGE, request.getContextPath() + "/m/signups"));
		return "mobile/signups";
	}

	/** All my sign-ups, soonest first, as an Excel workbook. */
	@GetMapping("/m/signups/export.xlsx")
	void exportSignups(HttpServletResponse response) throws IOException {
		List<List<Object>> rows = signups.ofCaller()
			.stream()
			.sorted(Comparator.comparing((Signups.MySignup s) -> s.activity().startsAt()).reversed())
			.map(s -> List.<Object>of(s.activity().title(), times.format(s.activity().startsAt(), "yyyy-MM-dd HH:mm"),
					times.format(s.activity().endsAt(), "yyyy-MM-dd HH:mm"),
					text("activity.status." + s.activity().status().name()),
					text("activity.signup.status." + s.signup().status().name()),
					s.signup().noShow() ? text("activity.page.noShow") : ""))
			.toList();
		Spreadsheets.download(response, text("activity.mobile.signups.file"), LocalDate.now(clock),
				text("activity.mobile.signups.title"),
				List.of(text("activity.mobile.signups.column.title"), text("activity.mobile.signups.column.start"),
						text("activity.mobile.signups.column.end"), text("activity.mobile.signups.column.status"),
						text("activity.mobile.signups.column.signup"), text("activity.mobile.signups.column.noShow")),
				rows);
	}

	private static boolean past(Signups.MySignup s, java.time.OffsetDateTime now) {
		return !s.activity().endsAt().isAfter(now) || s.activity().status() == ActivityStatus.CANCELLED
				|| s.activity().status() == ActivityStatus.FINISHED;
	}

	/** Great-circle distance in metres. */
	static double distanceMeters(double lat1, double lng1, double lat2, double lng2) {
		double r = 6_371_000;
		double dLat = Math.toRadians(lat2 - lat1);
		double dLng = Math.toRadians(lng2 - lng1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLng / 2) * Math.sin(dLng / 2);
		return 2 * r * Math.asin(Math.min(1, Math.sqrt(a)));
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}

	/** An activity and how far it is, in metres, when known. */
	record Nearby(Activity activity, Double distance) {

		public long meters() {
			return distance == null ? 0 : Math.round(distance);
		}

		public String kilometres() {
			return distance == null ? "" : String.format(java.util.Locale.ROOT, "%.1f", distance / 1000);
		}

	}

}
