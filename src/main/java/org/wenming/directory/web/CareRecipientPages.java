package org.wenming.directory.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.wenming.directory.CareRecipient;
import org.wenming.directory.CareRecipientType;
import org.wenming.directory.CareRecipients;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.directory.Person;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.Page;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Care recipients (帮扶对象): the list of open ones, registering a person, ending the care.
 */
@Controller
@RequestMapping("/care-recipients")
class CareRecipientPages {

	static final int PAGE_SIZE = 20;

	private final CareRecipients care;

	private final People people;

	private final OrgChoices choices;

	private final Flash flash;

	CareRecipientPages(CareRecipients care, People people, OrgChoices choices, Flash flash) {
		this.care = care;
		this.people = people;
		this.choices = choices;
		this.flash = flash;
	}

	@ModelAttribute("careTypes")
	CareRecipientType[] careTypes() {
		return CareRecipientType.values();
	}

	@GetMapping
	String list(@ModelAttribute("filter") CareFilter filter, @RequestParam(defaultValue = "0") int page, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Page<CareRecipient> result = care.search(filter.type(), filter.orgId(), filter.name(), Math.max(0, page), PAGE_SIZE)
			.withBaseLink(request.getContextPath() + "/care-recipients" + filter.queryString());
		model.addAttribute("page", result);
		if (Htmx.wantsFragment(request, response)) {
			return "directory/care-recipients :: results";
		}
		model.addAttribute("orgOptions", choices.visible());
		return "directory/care-recipients";
	}

	@GetMapping("/new")
	String newRecipient(@RequestParam(required = false) Long personId, Model model) {
		Person person = personId == null ? null : people.get(personId);
		model.addAttribute("careForm",
				new CareForm(personId, null, null, null, person == null ? null : person.homeOrgId()));
		return form(model, person);
	}

	@PostMapping
	String register(@Valid @ModelAttribute("careForm") CareForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		Person person = form.personId() != null ? people.get(form.personId()) : byIdNumber(form.idNumber(), result);
		if (form.type() == null && !result.hasFieldErrors("type")) {
			result.rejectValue("type", "care.type.required");
		}
		if (form.responsibleOrgId() == null && !result.hasFieldErrors("responsibleOrgId")) {
			result.rejectValue("responsibleOrgId", "dir.care.orgRequired");
		}
		if (!result.hasErrors()) {
			try {
				care.register(person.id(), form.type(), form.needs(), form.responsibleOrgId());
				flash.success(redirect, "dir.care.registered", person.name());
				return "redirect:/people/" + person.id();
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return form(model, form.personId() == null ? null : person);
	}

	/** Ends the care; back to the person's page when asked from there. */
	@PostMapping("/{id}/close")
	String close(@PathVariable long id, @RequestParam(required = false) Long person, RedirectAttributes redirect) {
		care.close(id);
		flash.success(redirect, "dir.care.closedNotice");
		return person == null ? "redirect:/care-recipients" : "redirect:/people/" + person;
	}

	private Person byIdNumber(String idNumber, BindingResult result) {
		if (!StringUtils.hasText(idNumber)) {
			result.rejectValue("idNumber", "person.idNumber.required");
			return null;
		}
		Optional<Person> person = people.findByIdNumber(idNumber);
		if (person.isEmpty()) {
			result.rejectValue("idNumber", "dir.person.notFoundByIdNumber");
			return null;
		}
		return person.get();
	}

	private String form(Model model, Person person) {
		model.addAttribute("person", person);
		model.addAttribute("orgOptions", choices.residential(Permission.PERSON_WRITE));
		return "directory/care-recipient-form";
	}

	/** The filters of the list, as they come in the query string. */
	record CareFilter(CareRecipientType type, Long orgId, String name) {

		String queryString() {
			UriComponentsBuilder uri = UriComponentsBuilder.newInstance();
			if (type != null) {
				uri.queryParam("type", type.name());
			}
			if (orgId != null) {
				uri.queryParam("orgId", orgId);
			}
			if (StringUtils.hasText(name)) {
				uri.queryParam("name", name.strip());
			}
			String query = uri.encode().build().getQuery();
			return query == null ? "" : "?" + query;
		}

	}

	/** Registers the person given by id (from the person's page) or by full ID number. */
	record CareForm(Long personId, @Size(max = 30, message = "{person.idNumber.format}") String idNumber,
			CareRecipientType type, @Size(max = 1000, message = "{dir.care.needsTooLong}") String needs,
			Long responsibleOrgId) {
	}

}
