package org.wenming.volunteer.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;

import org.wenming.activity.Activities;
import org.wenming.activity.Activity;
import org.wenming.activity.ActivityStatus;
import org.wenming.activity.HoursLedger;
import org.wenming.activity.HoursSummary;
import org.wenming.activity.SignupStatus;
import org.wenming.activity.Signups;
import org.wenming.platform.Times;
import org.wenming.platform.security.WenmingUser;
import org.wenming.volunteer.Points;
import org.wenming.volunteer.Volunteer;
import org.wenming.volunteer.Volunteers;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page of phone users ({@code /m}, the tab 首页): my hours this year and in all, my points,
 * my star level, my next activity and the open activities near me (nearest first once the browser
 * gives its position, soonest first before).
 */
@Controller
class MobileHomePages {

	private static final int NEAR_SHOWN = 5;

	private final HoursLedger ledger;

	private final Points points;

	private final Volunteers volunteers;

	private final Activities activities;

	private final Signups signups;

	private final Clock clock;

	private final Times times;

	MobileHomePages(HoursLedger ledger, Points points, Volunteers volunteers, Activities activities, Signups signups,
			Clock clock, Times times) {
		this.ledger = ledger;
		this.points = points;
		this.volunteers = volunteers;
		this.activities = activities;
		this.signups = signups;
		this.clock = clock;
		this.times = times;
	}

	@GetMapping("/m")
	String home(@RequestParam(required = false) Double lat, @RequestParam(required = false) Double lng,
			@AuthenticationPrincipal WenmingUser user, Model model) {
		long person = user.personId();
		HoursSummary hours = ledger.summary(person);
		int year = LocalDate.now(clock.withZone(times.zone())).getYear();
		model.addAttribute("year", year);
		model.addAttribute("hoursYear", hours.byYear().getOrDefault(year, BigDecimal.ZERO).stripTrailingZeros().toPlainString());
		model.addAttribute("hoursTotal", hours.totalHours().stripTrailingZeros().toPlainString());
		model.addAttribute("points", points.balance(person));
		model.addAttribute("stars", volunteers.latest(person).filter(Volunteer::isActive).map(Volunteer::starLevel).orElse(null));
		OffsetDateTime now = OffsetDateTime.now(clock);
		var mine = signups.ofCaller();
		java.util.Set<Long> signedUp = mine.stream()
			.filter(s -> s.signup().status() != SignupStatus.CANCELLED)
			.map(s -> s.activity().id())
			.collect(java.util.stream.Collectors.toSet());
		model.addAttribute("next", mine
			.stream()
			.filter(s -> s.signup().status() != SignupStatus.CANCELLED && s.activity().endsAt().isAfter(now)
					&& s.activity().status() != ActivityStatus.CANCELLED && s.activity().status() != ActivityStatus.FINISHED)
			.min(Comparator.comparing(s -> s.activity().startsAt()))
			.orElse(null));
		boolean near = lat != null && lng != null && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;
		List<Nearby> open = activities.joinable(person, near ? 100 : NEAR_SHOWN + signedUp.size())
			.stream()
			// Only what the caller can still sign up for: open for sign-up, and not signed up for already.
			.filter(a -> a.status() == ActivityStatus.OPEN && !signedUp.contains(a.id()))
			.map(a -> new Nearby(a, near ? a.metersFrom(lat, lng) : null))
			.sorted(Comparator.comparing((Nearby n) -> n.distance() == null ? Double.MAX_VALUE : n.distance())
				.thenComparing(n -> n.activity().startsAt()))
			.limit(NEAR_SHOWN)
			.toList();
		model.addAttribute("open", open);
		model.addAttribute("near", near);
		return "mobile/home";
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
