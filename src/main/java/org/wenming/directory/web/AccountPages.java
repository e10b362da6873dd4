package org.wenming.directory.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.wenming.directory.Account;
import org.wenming.directory.Accounts;
import org.wenming.directory.People;
import org.wenming.directory.Permission;
import org.wenming.directory.Person;
import org.wenming.directory.Role;
import org.wenming.platform.DomainException;
import org.wenming.platform.web.PickerSearch;

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
 * Accounts and roles (账号与角色): the list, a new account for a person, and one account's roles,
 * status and password.
 */
@Controller
@RequestMapping("/accounts")
class AccountPages {

	static final int PAGE_SIZE = 20;

	private final Accounts accounts;

	private final People people;

	private final OrgChoices choices;

	private final Flash flash;

	AccountPages(Accounts accounts, People people, OrgChoices choices, Flash flash) {
		this.accounts = accounts;
		this.people = people;
		this.choices = choices;
		this.flash = flash;
	}

	@ModelAttribute("roles")
	Role[] roles() {
		return Role.values();
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean locked,
			@RequestParam(defaultValue = "0") int page, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getContextPath() + "/accounts");
		if (StringUtils.hasText(q)) {
			link.queryParam("q", q.strip());
		}
		if (locked) {
			link.queryParam("locked", 1);
		}
		model.addAttribute("page", accounts.search(q, locked, Math.max(0, page), PAGE_SIZE)
			.withBaseLink(link.encode().build().toUriString()));
		model.addAttribute("q", q);
		model.addAttribute("locked", locked);
		if (Htmx.wantsFragment(request, response)) {
			return "directory/accounts :: results";
		}
		return "directory/accounts";
	}

	@GetMapping("/new")
	String newAccount(@RequestParam(required = false) Long personId, Model model) {
		Person person = personId == null ? null
				: people.findInScope(personId, Permission.ACCOUNT_MANAGE).orElseThrow(DomainException::notFound);
		model.addAttribute("accountForm", new AccountForm(personId, null, null, null, null,
				person == null ? null : Optional.ofNullable(person.homeOrgId()).orElse(person.workOrgId())));
		return createForm(model, person);
	}

	@PostMapping
	String create(@Valid @ModelAttribute("accountForm") AccountForm form, BindingResult result, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		Person person = null;
		if (form.personId() != null) {
			// Picked in the people picker: still checked here for existence and scope.
			person = people.findInScope(form.personId(), Permission.ACCOUNT_MANAGE).orElse(null);
			if (person == null) {
				result.rejectValue("personId", "dir.account.personUnknown");
			}
		}
		else if (StringUtils.hasText(form.idNumber())) {
			person = byIdNumber(form.idNumber(), result);
		}
		else if (!result.hasFieldErrors("personId")) {
			result.rejectValue("personId", "dir.account.personRequired");
		}
		if (form.role() == null && !result.hasFieldErrors("role")) {
			result.rejectValue("role", "account.role.required");
		}
		if (form.orgId() == null && !result.hasFieldErrors("orgId")) {
			result.rejectValue("orgId", "dir.account.orgRequired");
		}
		if (!result.hasErrors()) {
			try {
				// Whoever opens the account knows its first password: its user changes it at the first sign-in.
				long id = accounts.create(person.id(), form.username(), form.password(),
						List.of(new Accounts.Grant(form.role(), form.orgId())), true);
				flash.success(redirect, "dir.account.created", form.username().strip());
				return "redirect:/accounts/" + id;
			}
			catch (DomainException ex) {
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return createForm(model, person);
	}

	@GetMapping("/{id}")
	String detail(@PathVariable long id, Model model) {
		Account account = accounts.get(id);
		model.addAttribute("account", account);
		model.addAttribute("mayManage", accounts.mayManage(account));
		model.addAttribute("mayManageRoles", accounts.mayManageRoles(account));
		model.addAttribute("needsCallerPassword", accounts.needsCallerPassword(account));
		if (!model.containsAttribute("grantForm")) {
			model.addAttribute("grantForm", new GrantForm(null, null));
		}
		if (!model.containsAttribute("passwordForm")) {
			model.addAttribute("passwordForm", new PasswordForm(null, null));
		}
		model.addAttribute("orgOptions", choices.covered(Permission.ACCOUNT_MANAGE));
		return "directory/account";
	}

	@PostMapping("/{id}/roles")
	String grant(@PathVariable long id, @Valid @ModelAttribute("grantForm") GrantForm form, BindingResult result,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		if (form.role() == null && !result.hasFieldErrors("role")) {
			result.rejectValue("role", "account.role.required");
		}
		if (form.orgId() == null && !result.hasFieldErrors("orgId")) {
			result.rejectValue("orgId", "dir.account.orgRequired");
		}
		if (!result.hasErrors()) {
			try {
				accounts.grant(id, form.role(), form.orgId());
				flash.success(redirect, "dir.account.granted");
				return "redirect:/accounts/" + id;
			}
			catch (DomainException ex) {
				rethrowIfGone(ex);
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return detail(id, model);
	}

	@PostMapping("/{id}/roles/{assignmentId}/revoke")
	String revoke(@PathVariable long id, @PathVariable long assignmentId, RedirectAttributes redirect) {
		accounts.revoke(id, assignmentId);
		flash.success(redirect, "dir.account.revoked");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		accounts.setEnabled(id, true);
		flash.success(redirect, "dir.account.enabled");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, RedirectAttributes redirect) {
		try {
			accounts.setEnabled(id, false);
			flash.success(redirect, "dir.account.disabled");
		}
		catch (DomainException ex) {
			rethrowIfGone(ex);
			flash.error(redirect, ex.code(), ex.args());
		}
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable long id, RedirectAttributes redirect) {
		accounts.unlock(id);
		flash.success(redirect, "dir.account.unlocked");
		return "redirect:/accounts/" + id;
	}

	@PostMapping("/{id}/password")
	String resetPassword(@PathVariable long id, @Valid @ModelAttribute("passwordForm") PasswordForm form,
			BindingResult result, Model model, RedirectAttributes redirect, HttpServletResponse response) {
		result = FormErrors.withTarget(form, result, model);
		if (!result.hasErrors()) {
			try {
				accounts.resetPassword(id, form.password(), form.callerPassword());
				flash.success(redirect, "dir.account.passwordReset");
				return "redirect:/accounts/" + id;
			}
			catch (DomainException ex) {
				rethrowIfGone(ex);
				FormErrors.reject(result, ex);
			}
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return detail(id, model);
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

	/**
	 * An account that is gone or out of scope is a "not found" page, and one the caller may see but
	 * not manage a "forbidden" page, not a form message.
	 */
	private static void rethrowIfGone(DomainException ex) {
		if ((ex.status() == HttpStatus.NOT_FOUND || ex.status() == HttpStatus.FORBIDDEN) && ex.field() == null) {
			throw ex;
		}
	}

	/**
	 * The form with its pickers: the person chosen (if any) and the first people of the caller's
	 * scope, which the picker searches further by name; the orgs with their full paths.
	 */
	private String createForm(Model model, Person person) {
		List<PickerSearch.Choice> personChoices = new java.util.ArrayList<>();
		if (person != null) {
			personChoices.add(person.choice());
		}
		people.pick(null, Permission.ACCOUNT_MANAGE, PickerSearch.LIMIT).stream()
			.filter(p -> person == null || p.id() != person.id())
			.forEach(p -> personChoices.add(p.choice()));
		model.addAttribute("personChoices", personChoices);
		model.addAttribute("orgChoices", choices.paths(Permission.ACCOUNT_MANAGE));
		return "directory/account-form";
	}

	/** A new account for the person given by id (from the person's page) or by full ID number. */
	record AccountForm(Long personId, @Size(max = 30, message = "{person.idNumber.format}") String idNumber,
			@Size(max = 64, message = "{account.username.format}") String username,
			@Size(max = 128, message = "{account.password.weak}") String password, Role role, Long orgId) {
	}

	record GrantForm(Role role, Long orgId) {
	}

	record PasswordForm(@Size(max = 128, message = "{account.password.weak}") String password,
			@Size(max = 128, message = "{account.callerPassword.wrong}") String callerPassword) {
	}

}
