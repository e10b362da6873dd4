package org.wenming.directory.web;

import java.util.List;
import java.util.Set;

import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.directory.Person;
import org.wenming.platform.web.PickerSearch;
import org.wenming.platform.web.PickerSearch.Choice;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the org and people pickers search: orgs by name, shown with their full path, and people by
 * name, shown with the masked ID number and where they live or work. Both only within the caller's
 * scope for the permission the form needs, throttled and at most {@link PickerSearch#LIMIT} a time.
 */
@RestController
@RequestMapping("/pickers")
class PickerApi {

	/** The permissions a people picker may search under: those of the forms that pick people. */
	static final Set<Permission> PEOPLE_FOR = Set.of(Permission.PERSON_READ, Permission.ACCOUNT_MANAGE,
			Permission.ACTIVITY_WRITE, Permission.VOLUNTEER_WRITE, Permission.HOURS_CONFIRM);

	private final OrgChoices choices;

	private final People people;

	private final PickerSearch search;

	PickerApi(OrgChoices choices, People people, PickerSearch search) {
		this.choices = choices;
		this.people = people;
		this.search = search;
	}

	@GetMapping("/orgs")
	List<Choice> orgs(@RequestParam(required = false) String q, @RequestParam(name = "for", required = false) String permission) {
		String term = search.charge(q);
		return choices.paths(permission(permission, Permission.ORG_READ))
			.stream()
			.filter(option -> term == null || option.text().contains(term))
			.limit(PickerSearch.LIMIT)
			.toList();
	}

	@GetMapping("/people")
	List<Choice> people(@RequestParam(required = false) String q,
			@RequestParam(name = "for", required = false) String permission) {
		String term = search.charge(q);
		Permission needed = permission(permission, Permission.PERSON_READ);
		if (!PEOPLE_FOR.contains(needed)) {
			needed = Permission.PERSON_READ;
		}
		return people.pick(term, needed, PickerSearch.LIMIT).stream().map(Person::choice).toList();
	}

	private static Permission permission(String authority, Permission fallback) {
		if (authority == null) {
			return fallback;
		}
		for (Permission permission : Permission.values()) {
			if (permission.authority().equals(authority)) {
				return permission;
			}
		}
		return fallback;
	}

}
