package org.wenming.volunteer.web;

import java.time.YearMonth;
import java.util.List;

import org.wenming.activity.Activities;
import org.wenming.activity.Activity;
import org.wenming.activity.HoursCharts;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.directory.Person;
import org.wenming.platform.web.PickerSearch;
import org.wenming.platform.DomainException;
import org.wenming.platform.security.WenmingUser;
import org.wenming.volunteer.NewTeam;
import org.wenming.volunteer.Team;
import org.wenming.volunteer.Teams;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin pages of teams: the list, a new team, and a team with its members, applications, activities and hours. */
@Controller
class TeamPages {

	private final Teams teams;

	private final Activities activities;

	private final VolunteerChoices choices;

	private final MessageSource messages;

	private final HoursCharts charts;

	private final People people;

	TeamPages(Teams teams, Activities activities, VolunteerChoices choices, People people, MessageSource messages,
			HoursCharts charts) {
		this.charts = charts;
		this.people = people;
		this.teams = teams;
		this.activities = activities;
		this.choices = choices;
		this.messages = messages;
	}

	@GetMapping("/teams")
	String list(@RequestParam(required = false) Long orgId, Model model) {
		model.addAttribute("teams", teams.list(orgId, false));
		model.addAttribute("orgOptions", choices.inScope(Permission.VOLUNTEER_READ));
		model.addAttribute("orgId", orgId);
		return "volunteer/teams";
	}

	@GetMapping("/teams/new")
	String form(Model model) {
		model.addAttribute("orgChoices", choices.paths(Permission.VOLUNTEER_WRITE));
		// The first people of the caller's scope; the picker searches the rest by name.
		model.addAttribute("leaderChoices", people.pick(null, Permission.VOLUNTEER_WRITE, PickerSearch.LIMIT).stream()
			.map(Person::choice)
			.toList());
		return "volunteer/team-form";
	}

	@PostMapping("/teams")
	String create(NewTeam form, RedirectAttributes redirect) {
		try {
			Team team = teams.create(form);
			redirect.addFlashAttribute("flashSuccess", text("volunteer.page.saved"));
			return "redirect:/teams/" + team.id();
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
			return "redirect:/teams/new";
		}
	}

	@GetMapping("/teams/{id:\\d+}")
	String team(@PathVariable long id, @AuthenticationPrincipal WenmingUser user, Model model) {
		Team team = teams.get(id);
		model.addAttribute("team", team);
		model.addAttribute("leads", user != null && user.personId() == team.leaderPersonId());
		YearMonth month = charts.thisMonth();
		model.addAttribute("trend", charts.team(id, month.minusMonths(11), month));
		model.addAttribute("members", teams.members(id));
		model.addAttribute("hours", teams.hours(id));
		model.addAttribute("canDecide", teams.canDecide(team));
		model.addAttribute("activities", activitiesOf(id));
		return "volunteer/team";
	}

	@PostMapping("/teams/{id:\\d+}/applications/{applicationId:\\d+}/approve")
	String approve(@PathVariable long id, @PathVariable long applicationId, RedirectAttributes redirect) {
		return act(id, redirect, () -> teams.approve(id, applicationId));
	}

	@PostMapping("/teams/{id:\\d+}/applications/{applicationId:\\d+}/reject")
	String reject(@PathVariable long id, @PathVariable long applicationId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return act(id, redirect, () -> teams.reject(id, applicationId, reason));
	}

	@PostMapping("/teams/{id:\\d+}/close")
	String close(@PathVariable long id, RedirectAttributes redirect) {
		return act(id, redirect, () -> teams.close(id));
	}

	private List<Activity> activitiesOf(long teamId) {
		return activities.byTeam(teamId);
	}

	private String act(long id, RedirectAttributes redirect, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flashSuccess", text("volunteer.page.saved"));
		}
		catch (DomainException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			redirect.addFlashAttribute("flashError", text(ex.code(), ex.args()));
		}
		return "redirect:/teams/" + id;
	}

	private String text(String code, Object... args) {
		return messages.getMessage(code, args, code, LocaleContextHolder.getLocale());
	}

}
