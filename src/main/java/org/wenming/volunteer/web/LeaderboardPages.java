package org.wenming.volunteer.web;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.wenming.activity.RankBy;
import org.wenming.directory.Permission;
import org.wenming.volunteer.Leaderboards;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Hours leaderboards of people, teams and orgs over a range of months, within the caller's scope. */
@Controller
class LeaderboardPages {

	private final Leaderboards leaderboards;

	private final VolunteerChoices choices;

	private final Clock clock;

	LeaderboardPages(Leaderboards leaderboards, VolunteerChoices choices, Clock clock) {
		this.leaderboards = leaderboards;
		this.choices = choices;
		this.clock = clock;
	}

	@GetMapping("/leaderboards")
	String board(@RequestParam(defaultValue = "PERSON") RankBy by, @RequestParam(required = false) Long orgId,
			@RequestParam(required = false) YearMonth from, @RequestParam(required = false) YearMonth to, Model model) {
		var options = choices.inScope(Permission.VOLUNTEER_READ);
		Long chosen = orgId != null ? orgId : options.isEmpty() ? null : options.get(0).id();
		YearMonth now = YearMonth.now(clock);
		YearMonth first = from != null ? from : YearMonth.of(now.getYear(), 1);
		YearMonth last = to != null ? to : now;
		model.addAttribute("rows", chosen == null ? List.of() : leaderboards.board(by, chosen, first, last, 100));
		model.addAttribute("trend", chosen == null ? List.of() : leaderboards.trend(chosen, first, last));
		model.addAttribute("orgName", options.stream().filter(o -> o.id() == chosen).map(o -> o.name()).findFirst().orElse(""));
		model.addAttribute("orgOptions", options);
		model.addAttribute("orgId", chosen);
		model.addAttribute("by", by);
		model.addAttribute("kinds", RankBy.values());
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		return "volunteer/leaderboards";
	}

}
