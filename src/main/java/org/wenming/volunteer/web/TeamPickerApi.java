package org.wenming.volunteer.web;

import java.util.List;

import org.wenming.directory.Permission;
import org.wenming.platform.web.PickerSearch;
import org.wenming.platform.web.PickerSearch.Choice;
import org.wenming.volunteer.Team;
import org.wenming.volunteer.Teams;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the team picker searches: open teams by name, shown with their org and leader, of the
 * caller's scope for {@code activity:write} (the activity form) or {@code volunteer:read}.
 */
@RestController
class TeamPickerApi {

	private final Teams teams;

	private final PickerSearch search;

	TeamPickerApi(Teams teams, PickerSearch search) {
		this.teams = teams;
		this.search = search;
	}

	@GetMapping("/pickers/teams")
	List<Choice> teams(@RequestParam(required = false) String q,
			@RequestParam(name = "for", required = false) String permission) {
		String term = search.charge(q);
		Permission needed = Permission.ACTIVITY_WRITE.authority().equals(permission) ? Permission.ACTIVITY_WRITE
				: Permission.VOLUNTEER_READ;
		return teams.pick(term, needed, PickerSearch.LIMIT).stream().map(Team::choice).toList();
	}

}
