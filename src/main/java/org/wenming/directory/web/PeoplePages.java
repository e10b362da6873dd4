package org.wenming.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.wenming.directory.CareRecipients;
import org.wenming.directory.People;
import org.wenming.directory.Person;
import org.wenming.directory.PersonCommand;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.Page;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * People (人员): the searchable list, one person masked (in full on request, audited), and the
 * form that adds or changes a person.
 */
@Controller
@RequestMapping("/people")
class PeoplePages {

	static final int PAGE_SIZE = 20;

	private final People people;

	private final CareRecipients care;

	private final OrgChoices choices;

	private final Flash flash;

	private final MessageSource messages;

	PeoplePages(People people, CareRecipients care, OrgChoices choices, Flash flash, MessageSource messages) {
		this.messages = messages;
		this.people = people;
		this.care = care;
		this.choices = choices;
		this.flash = flash;
	}

	@GetMapping
	String list(@ModelAttribute("filter") PeopleFilter filter, @RequestParam(defaultValue = "0") int page,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Page<Person> result;
		try {
			result = people.search(filter.toQuery(), Math.max(0, page), PAGE_SIZE)
				.withBaseLink(request.getContextPath() + "/people" + filter.queryString());
		}
		catch (DomainException ex) {
			if (!Htmx.wantsFragment(request, response)) {
				throw ex;
			}
			// htmx swaps only successful answers: a refused search (too many look-ups, no full view)
			// must replace the list with its message, never leave the unfiltered list standing.
			model.addAttribute("page", new Page<Person>(java.util.List.of(), 0, PAGE_SIZE, 0, null));
			model.addAttribute("exportLink", request.getContextPath() + "/people/export" + filter.queryString());
			model.addAttribute("searchError", messages.getMessage(ex.code(), ex.args(), ex.code(),
					org.springframework.context.i18n.LocaleContextHolder.getLocale()));
			response.setHeader("HX-Reswap", "outerHTML");
			return "directory/people :: results";
		}
		model.addAttribute("page", result);
		model.addAttribute("exportLink", request.getContextPath() + "/people/export" + filter.queryString());
		if (Htmx.wantsFragment(request, response)) {
			return "directory/people :: results";
		}
		model.addAttribute("orgOptions", choices.visible());
		model.addAttribute("tags", Option.of(PersonCommand.TAGS));
		model.addAttribute("politicalStatuses", Option.words(PersonCommand.POLITICAL_STATUSES, messages));
		model.addAttribute("genders", Option.words(PersonCommand.GENDERS, messages));
		return "directory/people";
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		model.addAttribute("person", people.get(id));
		model.addAttribute("careRecords", care.ofPerson(id));
		return "directory/person";
	}

	/** Shows the ID number, phone and address in full; the service audits every look. */
	@PostMapping("/{id}/personal-data")
	String personalData(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
		model.addAttribute("personalData", people.fullView(id));
		if (Htmx.wantsFragment(request, response)) {
			return "directory/person :: personalData";
		}
		return detail(id, model);
	}

	@GetMapping("/new")
	String newPerson(@RequestParam(required = false) Long homeOrgId, Model model) {
		model.addAttribute("personForm", PersonForm.livingIn(homeOrgId));
		return form(model, null);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("personForm") PersonForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		PersonCommand command = form.toCommand();
		FormErrors.reject(result, people.validate(command, true));
		if (!result.hasErrors()) {
			try {
				long id = people.create(command);
				flash.success(redirect, "dir.person.created", command.name().strip());
				return "redirect:/people/" + id;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, null);
	}

	@GetMapping("/{id}/edit")
	String edit(@PathVariable long id, Model model) {
		Person person = people.get(id);
		model.addAttribute("personForm", PersonForm.of(person));
		return form(model, person);
	}

	@PostMapping("/{id}")
	String update(@PathVariable long id, @Valid @ModelAttribute("personForm") PersonForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		Person person = people.get(id);
		PersonCommand command = form.toCommand();
		FormErrors.reject(result, people.validate(command, false));
		if (!result.hasErrors()) {
			try {
				Person updated = people.update(id, command);
				flash.success(redirect, "dir.person.updated", updated.name());
				return "redirect:/people/" + id;
			}
			catch (DomainException ex) {
				if (ex.status() == HttpStatus.NOT_FOUND && ex.field() == null) {
					throw ex;
				}
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, person);
	}

	private String form(Model model, Person person) {
		model.addAttribute("person", person);
		model.addAttribute("workOrgOptions", choices.visible());
		model.addAttribute("homeOrgOptions", choices.residential());
		model.addAttribute("tagOptions", PersonCommand.TAGS);
		model.addAttribute("politicalStatuses", Option.words(PersonCommand.POLITICAL_STATUSES, messages));
		model.addAttribute("genders", Option.words(PersonCommand.GENDERS, messages));
		return "directory/person-form";
	}

}
